#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the built project into a temporary prefix, then builds and runs
# the consumer twice: with find_package(sessreport CONFIG REQUIRED) and with
# `pkg-config --static`, using the very snippets docs/install.md shows.
# Usage: run.sh BUILD_DIR C_COMPILER WORK_DIR
set -euo pipefail
build=$1 cc=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
doc="$here/../../docs/install.md"
rm -rf "$work"
mkdir -p "$work/pc"
prefix="$work/prefix"

# quiet LOG CMD...: runs CMD with its output in LOG, shown only on failure.
quiet() {
    local log=$1
    shift
    "$@" >>"$log" 2>&1 || { echo "consumer: failed: $*"; cat "$log"; exit 1; }
}
# doc_block LANG PATTERN: the first ```LANG block of the guide containing PATTERN.
doc_block() {
    awk -v lang="$1" -v pat="$2" '
        $0 == "```" lang { inside = 1; block = ""; next }
        inside && $0 == "```" { inside = 0; if (index(block, pat)) { printf "%s", block; exit } next }
        inside { block = block $0 "\n" }' "$doc"
}

# The guide's snippets are the ones tested.
grep -v '^#' "$here/CMakeLists.txt" >"$work/cmake-snippet.txt"
doc_block cmake 'find_package(sessreport' >"$work/doc-cmake.txt"
diff -u "$work/doc-cmake.txt" "$work/cmake-snippet.txt" \
    || { echo "consumer: docs/install.md's CMake snippet differs from tests/consumer/CMakeLists.txt"; exit 1; }
pc_command=$(doc_block sh 'pkg-config --static --libs')
[ -n "$pc_command" ] || { echo "consumer: no pkg-config --static command in docs/install.md"; exit 1; }

quiet "$work/install.log" cmake --install "$build" --prefix "$prefix"
pcdir=$(dirname "$(find "$prefix" -name sessreport.pc -print -quit)")

# 1. CMake package
quiet "$work/cmake.log" cmake -S "$here" -B "$work/cmake" -DCMAKE_C_COMPILER="$cc" \
    -DCMAKE_PREFIX_PATH="$prefix"
quiet "$work/cmake.log" cmake --build "$work/cmake"
"$work/cmake/consumer"

# 2. pkg-config, static link (cJSON comes in through Requires.private): the
#    guide's command, run in a folder holding consumer.c, `cc` being $cc.
cp "$here/consumer.c" "$work/pc/"
export PKG_CONFIG_PATH="$pcdir${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}" SR_CONSUMER_CC="$cc"
(cd "$work/pc" && quiet "$work/pc.log" bash -euc "cc() { \"\$SR_CONSUMER_CC\" \"\$@\"; }
$pc_command")
"$work/pc/consumer"

# 3. The optional sender, when this build has it: COMPONENTS http and
#    sessreport::http, which must bring libcurl along.
if [ -f "$prefix/include/sessreport/http.h" ]; then
    quiet "$work/http.log" cmake -S "$here/http" -B "$work/http" -DCMAKE_C_COMPILER="$cc" \
        -DCMAKE_PREFIX_PATH="$prefix"
    quiet "$work/http.log" cmake --build "$work/http"
    "$work/http/http_consumer"
    echo "consumer: CMake package (core and http) and pkg-config --static builds all ran"
else
    echo "consumer: CMake package and pkg-config --static builds both ran (no sender library in this build)"
fi
