#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Doxygen over the public headers with WARN_AS_ERROR: an undocumented public
# declaration or a doc error (e.g. an @param naming no parameter) fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
build=build/docs
mkdir -p "$build"
command -v doxygen >/dev/null || { echo "docs: doxygen not installed"; exit 1; }
cmake -S . -B "$build" -DSESSREPORT_BUILD_TESTS=OFF -DSESSREPORT_BUILD_EXAMPLES=OFF \
      -DSESSREPORT_BUILD_BENCH=OFF >"$build/configure.log" 2>&1 \
    || { echo "docs: configure failed"; cat "$build/configure.log"; exit 1; }
rm -f "$build/docs/warnings.log"
if cmake --build "$build" --target docs >"$build/docs.log" 2>&1; then
    pages=$(find "$build/docs/html" -name '*.html' | wc -l)
    echo "docs: doxygen clean, $pages HTML pages in $build/docs/html"
else
    echo "docs: doxygen reported $(grep -c 'error:\|warning:' "$build/docs/warnings.log" 2>/dev/null || echo '?') problem(s):"
    cat "$build/docs/warnings.log" 2>/dev/null || cat "$build/docs.log"
    exit 1
fi
