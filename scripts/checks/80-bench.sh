#!/usr/bin/env bash
# sessreport-bench, once, in --quick mode: an optimised build of its own, then
# checks that the run round-trips every document and that its output is
# well-formed (every figure present, numeric, targets reported). Timings are
# not asserted here: CI machines are noisy; docs/performance.md has the
# full run.
set -euo pipefail
dir=build/bench
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DSESSREPORT_WERROR=ON \
      -DSESSREPORT_BUILD_TESTS=OFF -DSESSREPORT_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$dir" -j"${SR_JOBS:-2}" --target sessreport-bench 2>&1 \
    | grep -Ev '^\[ *[0-9]+%\]|^-- ' || true
test "${PIPESTATUS[0]}" -eq 0
bin="$dir/bench/sessreport-bench"
[ -x "$bin" ] || { echo "bench: $bin was not built"; exit 1; }

out="$dir/bench-quick.txt"
rc=0
"$bin" --quick >"$out" || rc=$?
[ "$rc" -eq 0 ] || { cat "$out"; echo "bench: --quick exited $rc"; exit 1; }

fail() { echo "bench: $*"; cat "$out"; exit 1; }
value() { grep -E "^$1=" "$out" | head -1 | cut -d= -f2-; }
number='^-?[0-9]+(\.[0-9]+)?$'

[ "$(value roundtrip)" = PASS ] || fail "documents do not round-trip"
[ "$(value result)" = PASS ] || fail "result is not PASS"
[ "$(value bench.mode)" = quick ] || fail "not run in quick mode"
[ "$(value memory.imei_10000.leaked_bytes)" = 0 ] || fail "the parsed request leaked"

keys=""
for n in 1 10 10000 100000; do
    keys="$keys input_bytes.imei_$n"
    for g in parse_validate compact pretty; do
        keys="$keys $g.imei_$n.sessreport_ns $g.imei_$n.cjson_ns $g.imei_$n.ratio"
    done
done
for n in 10000 100000; do
    keys="$keys input_bytes.unknown_$n parse_validate.unknown_$n.sessreport_ns"
    keys="$keys parse_validate.unknown_$n.cjson_ns parse_validate.unknown_$n.ratio"
done
for m in input_bytes peak_parse_bytes peak_parse_validate_bytes kept_bytes parse_allocations \
         cjson_peak_bytes cjson_tree_bytes; do
    keys="$keys memory.imei_10000.$m"
done
targets="parse_validate_ratio_10 parse_validate_ratio_10000 compact_ratio_10 compact_ratio_10000
         pretty_ratio_10 pretty_ratio_10000 allocations_imei_100000_over_10000
         allocations_unknown_100000_over_10000 instructions_imei_100000_over_10000
         instructions_unknown_100000_over_10000 peak_heap_over_budget_10000"
for t in $targets; do
    keys="$keys target.$t target.$t.limit"
done
for k in $keys; do
    v=$(value "$k")
    [[ "$v" =~ $number ]] || fail "figure $k missing or not a number: '$v'"
done
for t in $targets; do
    v=$(value "target.$t.result")
    # SKIP: the instruction counts need callgrind, which the quick mode leaves out
    [ "$v" = PASS ] || [ "$v" = FAIL ] || [ "$v" = SKIP ] || fail "target.$t.result is '$v'"
done
[ "$(value memory.imei_10000.kept_bytes)" -gt 0 ] || fail "the counting allocator saw nothing"
# every key=value line is well-formed, and no key appears twice
bad=$(grep -E '^[a-z][a-z0-9_.]*=' "$out" | grep -Ev '^[a-z][a-z0-9_.]*=[^[:space:]]' || true)
[ -z "$bad" ] || fail "empty values: $bad"
dups=$(grep -Eo '^[a-z][a-z0-9_.]*=' "$out" | sort | uniq -d)
[ -z "$dups" ] || fail "repeated keys: $dups"

echo "bench: quick run round-trips, $(grep -Ec '^[a-z][a-z0-9_.]*=' "$out") figures well-formed" \
     "(targets missed in quick mode, not asserted: $(value targets.missed))"
