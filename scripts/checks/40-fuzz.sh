#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# libFuzzer (clang, with ASan and UBSan, every finding fatal) over each
# harness in tests/fuzz/: 60 s each (10 s with SR_QUICK=1; SR_FUZZ_SECONDS
# overrides). Seed corpora are built at run time from the project's copies
# of the conformance cases and JSONTestSuite (tests/data); crashes, leaks,
# timeouts and broken properties all fail the stage, and the failing input is
# kept under build/fuzz/artifacts/.
# Environment: SR_FUZZ_ONLY=name runs one harness; SR_FUZZ_KEEP_CORPUS=1
# keeps the corpus grown by earlier runs (scripts/fuzz-long.sh sets both);
# SR_FUZZ_BUILD=dir builds elsewhere than build/fuzz.
set -uo pipefail
cd "$(dirname "$0")/../.."
build=${SR_FUZZ_BUILD:-build/fuzz}
jobs=${SR_JOBS:-2}
harnesses="fuzz_request fuzz_validate fuzz_dates fuzz_responses"
[ -n "${SR_FUZZ_ONLY:-}" ] && harnesses="$SR_FUZZ_ONLY"
if [ -n "${SR_FUZZ_SECONDS:-}" ]; then
    seconds=$SR_FUZZ_SECONDS
elif [ "${SR_QUICK:-0}" = 1 ]; then
    seconds=10
else
    seconds=60
fi
mkdir -p "$build"
command -v clang >/dev/null || { echo "fuzz: clang not installed"; exit 1; }

flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -g -O1"
cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug \
      -DCMAKE_C_FLAGS="$flags" -DSESSREPORT_FUZZ=ON -DSESSREPORT_WERROR=ON \
      -DSESSREPORT_BUILD_EXAMPLES=OFF -DSESSREPORT_BUILD_BENCH=OFF \
      >"$build/configure.log" 2>&1 \
    || { cat "$build/configure.log"; echo "fuzz: configure failed"; exit 1; }
# shellcheck disable=SC2086
if ! cmake --build "$build" -j"$jobs" --target $harnesses >"$build/build.log" 2>&1; then
    grep -E -B2 -A6 'error:|undefined reference' "$build/build.log" | head -80
    echo "fuzz: build failed (full log: $build/build.log)"
    exit 1
fi

cases=tests/data/conformance/cases
suite=tests/data/jsontestsuite/test_parsing
[ -d "$cases" ] && [ -d "$suite" ] || { echo "fuzz: no seeds under tests/data"; exit 1; }

# seed_corpus HARNESS DIR: the starting inputs of one harness.
seed_corpus() {
    local dir=$2 n=0
    case "$1" in
    fuzz_request | fuzz_validate)
        cp "$cases"/*.json "$dir"/
        cp "$suite"/*.json "$dir"/ ;;
    fuzz_dates)
        # Every date value of the conformance cases, alone and paired.
        grep -ohE '"(startDate|endDate)": *"[^"]*"' "$cases"/*.json \
            | sed -E 's/^"[a-zA-Z]+": *"//; s/"$//' | sort -u >"$build/dates.txt"
        while IFS= read -r d; do
            n=$((n + 1))
            printf '%s' "$d" >"$dir/date-$n"
        done <"$build/dates.txt"
        paste -d'|' "$build/dates.txt" <(tail -n +2 "$build/dates.txt") | while IFS= read -r p; do
            n=$((n + 1))
            printf '%s' "$p" >"$dir/pair-$n"
        done
        # Regressions: spans across and inside a leap second once came out
        # negative for ordered instants.
        printf '%s' '2016-12-31T23:59:60.5Z|2017-01-01T00:00:00.2Z' >"$dir/leap-across"
        printf '%s' '2016-12-31T23:59:60.2Z|2016-12-31T23:59:60.5Z' >"$dir/leap-inside"
        printf '%s' '2022002|2022-01-01T23:59:60Z' >"$dir/leap-ordinal" ;;
    fuzz_responses)
        cp "$suite"/*.json "$dir"/
        printf '%s' '{"txid":"c9f8a7e6","usage":[{"imei":"709312034493372","numberOfSessions":3,"bytesTransferred":10240}]}' >"$dir/report.json"
        printf '%s' '{"txid":null,"usage":[]}' >"$dir/report-empty.json"
        printf '%s' '{"txid":"c9f8a7e6","status":"QUEUED"}' >"$dir/callback.json"
        printf '%s' '{"responseCode":"400","message":"bad request","fault":{"code":"E1","message":"m","description":"d"}}' >"$dir/error.json" ;;
    esac
}

failed=0
summary=""
for h in $harnesses; do
    corpus="$build/corpus-$h"
    if [ "${SR_FUZZ_KEEP_CORPUS:-0}" != 1 ]; then
        rm -rf "$corpus"
    fi
    if [ ! -d "$corpus" ]; then
        mkdir -p "$corpus"
        seed_corpus "$h" "$corpus"
    fi
    mkdir -p "$build/artifacts"
    log="$build/$h.log"
    "$build/tests/fuzz/$h" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -dict=tests/fuzz/sessreport.dict -print_final_stats=1 \
        -artifact_prefix="$build/artifacts/$h-" "$corpus" >"$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1)
    if [ "$rc" -ne 0 ]; then
        failed=$((failed + 1))
        echo "fuzz: $h FAILED (exit $rc):"
        grep -E -A30 'ERROR: |==ERROR|runtime error|property violated|Test unit written' "$log" | head -60
        summary="$summary $h=FAILED"
    else
        summary="$summary $h=${runs:-?}runs(${rate:-?}/s,${cov:-cov ?})"
        echo "fuzz: $h: ${runs:-?} executions in ${seconds}s (${rate:-?}/s), ${cov:-cov ?}," \
             "$(find "$corpus" -type f | wc -l) corpus inputs"
    fi
done
[ "$failed" -eq 0 ] || { echo "fuzz: $failed harness(es) found a defect:$summary"; exit 1; }
echo "fuzz: no findings:$summary"
