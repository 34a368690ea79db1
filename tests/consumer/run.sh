#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the built project into a temporary prefix, then builds and runs
# the consumer twice: with find_package(sessreport CONFIG REQUIRED) and with
# `pkg-config --static`. Usage: run.sh BUILD_DIR C_COMPILER WORK_DIR
set -euo pipefail
build=$1 cc=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"
mkdir -p "$work"
prefix="$work/prefix"

# quiet LOG CMD...: runs CMD with its output in LOG, shown only on failure.
quiet() {
    local log=$1
    shift
    "$@" >>"$log" 2>&1 || { echo "consumer: failed: $*"; cat "$log"; exit 1; }
}

quiet "$work/install.log" cmake --install "$build" --prefix "$prefix"
pcdir=$(dirname "$(find "$prefix" -name sessreport.pc -print -quit)")

# 1. CMake package
quiet "$work/cmake.log" cmake -S "$here" -B "$work/cmake" -DCMAKE_C_COMPILER="$cc" \
    -DCMAKE_PREFIX_PATH="$prefix"
quiet "$work/cmake.log" cmake --build "$work/cmake"
"$work/cmake/consumer"

# 2. pkg-config, static link (cJSON comes in through Requires.private)
export PKG_CONFIG_PATH="$pcdir${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
# shellcheck disable=SC2046
"$cc" -std=c11 -Wall -Wextra -Wpedantic -Werror $(pkg-config --cflags sessreport) \
      "$here/consumer.c" -o "$work/consumer-pc" $(pkg-config --static --libs sessreport)
"$work/consumer-pc"
echo "consumer: CMake package and pkg-config --static builds both ran"
