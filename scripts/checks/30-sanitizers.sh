#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The whole CTest suite built with clang and AddressSanitizer (leaks
# included) plus UndefinedBehaviorSanitizer, every finding fatal
# (-fno-sanitize-recover=all). The allocation-failure suite runs here too, so
# every failure path is checked for leaks and bad frees under ASan.
set -uo pipefail
cd "$(dirname "$0")/../.."
build=build/asan
jobs=${SR_JOBS:-2}
mkdir -p "$build"
command -v clang >/dev/null || { echo "sanitizers: clang not installed"; exit 1; }
flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g"
cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug \
      -DCMAKE_C_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
      -DSESSREPORT_WERROR=ON -DSESSREPORT_BUILD_BENCH=OFF >"$build/configure.log" 2>&1 \
    || { cat "$build/configure.log"; echo "sanitizers: configure failed"; exit 1; }
if ! cmake --build "$build" -j"$jobs" >"$build/build.log" 2>&1; then
    grep -E -B2 -A6 'error:|undefined reference' "$build/build.log" | head -80
    echo "sanitizers: build failed (full log: $build/build.log)"
    exit 1
fi
# Excluded by name, and run by the gcc and clang stages instead:
# - *memcheck*: they run programs under valgrind, which cannot host ASan;
# - consumer, headertest: packaging checks that link the (here instrumented)
#   static library into programs built without the sanitizer runtimes.
excluded='memcheck|valgrind|^consumer$|^headertest$'
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
if ! ctest --test-dir "$build" -j"$jobs" -E "$excluded" --output-on-failure \
        >"$build/ctest.log" 2>&1; then
    grep -E -A40 'Failed|\*\*\*|ERROR: (Address|Leak)Sanitizer|runtime error' "$build/ctest.log" | head -150
    echo "sanitizers: $(grep -E 'tests passed' "$build/ctest.log")"
    exit 1
fi
if grep -Eq 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$build/ctest.log"; then
    grep -E -A20 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$build/ctest.log" | head -80
    echo "sanitizers: a finding was reported by a test that still passed"
    exit 1
fi
echo "sanitizers: ASan+UBSan build, $(grep -E 'tests passed' "$build/ctest.log")" \
     "(excluded: $(ctest --test-dir "$build" -N -R "$excluded" | grep -c 'Test *#'))"
