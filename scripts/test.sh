#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what is missing, builds with
# -Werror, runs every CTest suite, then each check stage in scripts/checks/
# (numbered, one concern a file). Ends with "checks: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test || exit 1

export SR_JOBS="${SR_JOBS:-$(nproc)}"
failed=0
passed=0
failures=""
for stage in scripts/checks/[0-9]*.sh; do
    [ -f "$stage" ] || continue
    name=$(basename "$stage" .sh)
    echo "==> $name"
    if bash "$stage"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        failures="$failures $name"
        echo "==> $name FAILED"
    fi
done
[ -n "$failures" ] && echo "failed checks:$failures"
echo "checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
