#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The team's shared corpora, beside the project (../shared, or SR_SHARED_DIR):
#  1. the shared conformance runner (conformance/run.sh) against the CLI of
#     the gcc build;
#  2. test_jsontestsuite against the shared JSONTestSuite copy;
#  3. the seed example of docs/design.md equals the one of the shared
#     DESIGN.md byte for byte (the unit tests compare the library with
#     docs/design.md).
# The project's tests use their own copies under tests/data; this stage
# checks them against the originals. Required when CI=true (a missing
# ../shared fails the stage); otherwise a missing ../shared skips it, with
# exit status 77, which scripts/test.sh counts as skipped, never as passed.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
shared=${SR_SHARED_DIR:-../shared}
build=build/gcc

if [ ! -f "$shared/conformance/run.sh" ] || [ ! -d "$shared/jsontestsuite/test_parsing" ]; then
    if [ "${CI:-}" = true ]; then
        echo "shared-corpora: $shared not found (conformance/run.sh, jsontestsuite/test_parsing);" \
             "required when CI=true"
        exit 1
    fi
    echo "SKIPPED: $shared not found (shared-corpora: set CI=true to require it)"
    exit 77
fi
shared=$(cd "$shared" && pwd)

mkdir -p "$build"
cmake -S . -B "$build" -DCMAKE_C_COMPILER=gcc -DCMAKE_BUILD_TYPE=Debug -DSESSREPORT_WERROR=ON \
      >"$build/shared-corpora-configure.log" 2>&1 \
    || { cat "$build/shared-corpora-configure.log"; echo "shared-corpora: configure failed"; exit 1; }
cmake --build "$build" -j"${SR_JOBS:-2}" --target sessreport-cli test_jsontestsuite \
      >"$build/shared-corpora-build.log" 2>&1 \
    || { grep -E -B2 -A6 'error:|undefined reference' "$build/shared-corpora-build.log" | head -60
         echo "shared-corpora: build failed"; exit 1; }

failed=0
summary=""

# 1. The shared runner prints "N passed, M failed" last and exits 0 only
#    when nothing failed.
out=$(bash "$shared/conformance/run.sh" "$build/examples/sessreport" 2>&1)
rc=$?
last=$(printf '%s\n' "$out" | tail -n 1)
if [ "$rc" -eq 0 ] && [[ $last =~ ^[1-9][0-9]*\ passed,\ 0\ failed$ ]]; then
    summary="$summary conformance: $last;"
else
    printf '%s\n' "$out" | grep -v '^$' | tail -40
    echo "shared-corpora: conformance/run.sh failed (exit $rc)"
    failed=$((failed + 1))
fi

# 2. The suite reads DIR/jsontestsuite/test_parsing, DIR = SR_DATA_DIR.
log="$build/shared-corpora-jsontestsuite.log"
if SR_DATA_DIR="$shared" CMOCKA_MESSAGE_OUTPUT=STDOUT "$build/tests/test_jsontestsuite" >"$log" 2>&1; then
    summary="$summary $(grep -m1 '^JSONTestSuite:' "$log" || echo 'JSONTestSuite: passed');"
else
    tail -40 "$log"
    echo "shared-corpora: test_jsontestsuite failed on $shared/jsontestsuite"
    failed=$((failed + 1))
fi

# 3. The first ```json block of each document.
seed_block() { awk '/^```json$/ { on = 1; next } on && /^```$/ { exit } on' "$1"; }
if [ -n "$(seed_block docs/design.md)" ] && cmp -s <(seed_block docs/design.md) <(seed_block "$shared/DESIGN.md"); then
    summary="$summary seed of docs/design.md = DESIGN.md;"
else
    diff <(seed_block docs/design.md) <(seed_block "$shared/DESIGN.md") | head -20
    echo "shared-corpora: the seed example of docs/design.md differs from $shared/DESIGN.md"
    failed=$((failed + 1))
fi

# The copies under tests/data: a drift is reported, not failed (the checks
# above already hold the project to the originals).
for part in conformance/cases conformance/cases.tsv conformance/cases-0.2.tsv \
            jsontestsuite/test_parsing jsontestsuite/LICENSE; do
    diff -rq "tests/data/$part" "$shared/$part" >/dev/null 2>&1 \
        || echo "shared-corpora: note: tests/data/$part differs from $shared/$part (refresh the copy)"
done

[ "$failed" -eq 0 ] || { echo "shared-corpora: $failed check(s) failed"; exit 1; }
echo "shared-corpora: ($shared)$summary"
