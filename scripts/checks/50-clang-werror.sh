#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The whole project built with clang and -Werror (the project's warning set,
# see cmake/SessreportWarnings.cmake), then every CTest suite of that build.
set -uo pipefail
cd "$(dirname "$0")/../.."
build=build/clang
jobs=${SR_JOBS:-2}
mkdir -p "$build"
command -v clang >/dev/null || { echo "clang-werror: clang not installed"; exit 1; }
# -gdwarf-4: clang 14 emits DWARF 5 forms that Debian 12's valgrind 3.19
# cannot read, and some suites run the programs under valgrind.
cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug \
      -DCMAKE_C_FLAGS=-gdwarf-4 -DSESSREPORT_WERROR=ON -DSESSREPORT_BUILD_TESTS=ON \
      -DSESSREPORT_BUILD_EXAMPLES=ON -DSESSREPORT_BUILD_BENCH=ON >"$build/configure.log" 2>&1 \
    || { cat "$build/configure.log"; echo "clang-werror: configure failed"; exit 1; }
if ! cmake --build "$build" -j"$jobs" >"$build/build.log" 2>&1; then
    grep -E -B2 -A6 'error:|undefined reference' "$build/build.log" | head -80
    echo "clang-werror: build failed (full log: $build/build.log)"
    exit 1
fi
if ! ctest --test-dir "$build" -j"$jobs" --output-on-failure >"$build/ctest.log" 2>&1; then
    grep -E -A30 'Failed|\*\*\*' "$build/ctest.log" | head -120
    echo "clang-werror: $(grep -E 'tests passed' "$build/ctest.log")"
    exit 1
fi
echo "clang-werror: build clean, $(grep -E 'tests passed' "$build/ctest.log")"
