#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the sessreport CLI under valgrind memcheck on each path that allocates:
# valid and invalid documents, errors and warnings, more problems than
# --max-problems prints,
# syntax errors, unreadable files, format, new with 10000 IMEIs, usage errors.
# Any memory error or leak, or an unexpected exit status, fails.
# Usage: memcheck.sh PATH_TO_SESSREPORT
set -u
bin=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sessreport-memcheck.XXXXXX") || exit 1
trap 'rm -rf -- "$tmp"' EXIT

# 10000 Luhn-valid IMEIs, one a line.
awk 'BEGIN {
    for (n = 0; n < 10000; n++) {
        body = sprintf("%.0f", 35000000000000 + n); sum = 0
        for (i = 14; i >= 1; i--) {
            d = substr(body, i, 1) + 0
            if ((14 - i) % 2 == 0) { d *= 2; if (d > 9) d -= 9 }
            sum += d
        }
        print body ((10 - sum % 10) % 10)
    }
}' >"$tmp/imeis.txt"
printf '{"accountNumber":"0844021539-00001","imei":["709312034493372"],"x":[1.5,{"a":null}]}' \
    >"$tmp/good.json"
{
    printf '{"accountNumber":"1","startDate":"2022-13-01","imei":['
    for i in $(seq 1 40); do printf '"123456789012345",'; done
    printf '"1"],"noSessionFlag":"maybe","deviceLabel":""}'
} >"$tmp/bad.json"
printf '{\n  "accountNumber": ,\n}' >"$tmp/syntax.json"
{
    printf '{"accountNumber":"0844021539-00001","imei":['
    head -n 25 "$tmp/imeis.txt" | awk '{ printf "%s\"%s\"", (NR > 1 ? "," : ""), $0 }'
    printf '],"dataPlan":null,"x":[1]}'
} >"$tmp/big.json"

failed=0
check() {
    local want=$1 rc
    shift
    valgrind --quiet --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
        --error-exitcode=99 "$bin" "$@" <"$tmp/good.json" >/dev/null 2>"$tmp/log"
    rc=$?
    if [ "$rc" -ne "$want" ]; then
        echo "FAIL (exit $rc, want $want): sessreport $*"
        head -n 20 "$tmp/log"
        failed=$((failed + 1))
    else
        echo "ok: sessreport $*"
    fi
}

check 0 demo
check 0 validate "$tmp/good.json" -
check 1 validate --no-luhn "$tmp/bad.json" "$tmp/syntax.json"
check 1 validate --max-problems 0 "$tmp/bad.json"
check 1 validate --max-problems 3 --warnings-as-errors --no-luhn "$tmp/bad.json"
check 1 validate --strict --date-constant TODAY --date-constant NOW "$tmp/good.json"
check 2 validate "$tmp/missing.json" "$tmp/good.json"
check 2 validate --endpoint
check 0 format --pretty --normalize-dates "$tmp/good.json"
check 1 format "$tmp/syntax.json"
check 0 new --account 0844021539-00001 --imei-file "$tmp/imeis.txt" --pretty
check 1 new --endpoint sync --account 0844021539-00001 --imei-file "$tmp/imeis.txt"
check 1 new --account 1 --imei 1 --imei 1 --start 2022-13-01 --no-session-flag true
check 0 new --account 1 --imei 1 --imei 1
check 1 new --account 1 --imei 1 --warnings-as-errors
check 2 new --account 0844021539-00001 --imei-file "$tmp/missing.txt"
check 0 split --endpoint sync --out-dir "$tmp/parts" "$tmp/big.json"
check 2 split --endpoint sync --out-dir "$tmp/parts" "$tmp/big.json"
check 1 split --out-dir "$tmp/parts2" "$tmp/syntax.json"
check 0 new --account 0844021539-00001 --last-days 7
check 0 help new
check 2 nope
echo "memcheck: $failed failed"
[ "$failed" -eq 0 ]
