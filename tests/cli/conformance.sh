#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the shared conformance corpus against the sessreport CLI and passes
# only when run.sh succeeds and its last line is "N passed, 0 failed" (N > 0).
# Usage: conformance.sh PATH_TO_SESSREPORT SHARED_DIR
set -u
if [ "$#" -ne 2 ]; then
    echo "usage: $0 PATH_TO_SESSREPORT SHARED_DIR" >&2
    exit 2
fi
runner="$2/conformance/run.sh"
[ -f "$runner" ] || { echo "conformance: $runner not found" >&2; exit 1; }
out=$(bash "$runner" "$1")
rc=$?
printf '%s\n' "$out"
last=$(printf '%s\n' "$out" | tail -n 1)
[ "$rc" -eq 0 ] && [[ $last =~ ^[1-9][0-9]*\ passed,\ 0\ failed$ ]]
