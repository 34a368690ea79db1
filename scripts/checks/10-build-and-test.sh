#!/usr/bin/env bash
# gcc build with -Werror and every CTest suite.
set -euo pipefail
cmake -S . -B build/gcc -DCMAKE_C_COMPILER=gcc -DCMAKE_BUILD_TYPE=Debug -DSESSREPORT_WERROR=ON >/dev/null
cmake --build build/gcc -j"${SR_JOBS:-2}" 2>&1 | grep -Ev '^\[ *[0-9]+%\]|^-- ' || true
test "${PIPESTATUS[0]}" -eq 0
ctest --test-dir build/gcc --output-on-failure -j"${SR_JOBS:-2}"
