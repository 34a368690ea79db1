#!/usr/bin/env bash
# The main job: build the library and the sessreport CLI, then run
# `sessreport demo` (seed request built through the API, validated, printed
# pretty, parsed back).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh demo
cmake -S . -B build/demo -DCMAKE_BUILD_TYPE=Release -DSESSREPORT_BUILD_TESTS=OFF \
      -DSESSREPORT_BUILD_BENCH=OFF -DSESSREPORT_WITH_HTTP=OFF >/dev/null
cmake --build build/demo --target sessreport-cli -j"$(nproc)" >/dev/null
exec build/demo/examples/sessreport demo
