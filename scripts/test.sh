#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what is missing, builds with
# -Werror, runs every CTest suite, then each check stage in scripts/checks/
# (numbered, one concern a file). A stage that exits 77 was skipped (e.g. the
# shared corpora outside CI): it is counted apart, never as passed. Ends with
# "checks: N passed, M failed" (and ", K skipped" when a stage was skipped).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
scripts/deps.sh test || exit 1

export SR_JOBS="${SR_JOBS:-$(nproc)}"
failed=0
passed=0
skipped=0
failures=""
skips=""
for stage in scripts/checks/[0-9]*.sh; do
    [ -f "$stage" ] || continue
    name=$(basename "$stage" .sh)
    echo "==> $name"
    bash "$stage"
    rc=$?
    if [ "$rc" -eq 0 ]; then
        passed=$((passed + 1))
    elif [ "$rc" -eq 77 ]; then
        skipped=$((skipped + 1))
        skips="$skips $name"
        echo "==> $name SKIPPED"
    else
        failed=$((failed + 1))
        failures="$failures $name"
        echo "==> $name FAILED"
    fi
done
[ -n "$skips" ] && echo "skipped checks:$skips"
[ -n "$failures" ] && echo "failed checks:$failures"
echo "checks: $passed passed, $failed failed$([ "$skipped" -gt 0 ] && echo ", $skipped skipped")"
[ "$failed" -eq 0 ]
