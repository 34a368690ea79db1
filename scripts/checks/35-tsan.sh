#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# ThreadSanitizer over the concurrency suite (tests/test_threads.c): four
# threads work on their own requests while sharing one read-only request.
# Any data race fails the stage.
set -uo pipefail
cd "$(dirname "$0")/../.."
build=build/tsan
jobs=${SR_JOBS:-2}
mkdir -p "$build"
command -v clang >/dev/null || { echo "tsan: clang not installed"; exit 1; }
cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug \
      -DCMAKE_C_FLAGS="-fsanitize=thread -g -O1" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" \
      -DSESSREPORT_WERROR=ON -DSESSREPORT_BUILD_EXAMPLES=OFF -DSESSREPORT_BUILD_BENCH=OFF \
      >"$build/configure.log" 2>&1 \
    || { cat "$build/configure.log"; echo "tsan: configure failed"; exit 1; }
if ! cmake --build "$build" --target test_threads -j"$jobs" >"$build/build.log" 2>&1; then
    grep -E -B2 -A6 'error:|undefined reference' "$build/build.log" | head -80
    echo "tsan: build failed (full log: $build/build.log)"
    exit 1
fi
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:exitcode=66"
# TSan (clang 14) cannot map its shadow memory under the high ASLR entropy
# of recent kernels; running without address randomization avoids that.
run=("$build/tests/test_threads")
if setarch "$(uname -m)" -R true 2>/dev/null; then
    run=(setarch "$(uname -m)" -R "$build/tests/test_threads")
fi
if ! "${run[@]}" >"$build/test_threads.log" 2>&1; then
    head -80 "$build/test_threads.log"
    echo "tsan: test_threads failed or raced (full log: $build/test_threads.log)"
    exit 1
fi
if grep -q 'WARNING: ThreadSanitizer' "$build/test_threads.log"; then
    head -80 "$build/test_threads.log"
    echo "tsan: data race reported"
    exit 1
fi
echo "tsan: test_threads clean ($(grep -c '\[       OK \]' "$build/test_threads.log") test(s), 4 threads x 1000 iterations)"
