#!/usr/bin/env bash
# Extracts the C program between "<!-- tour:begin -->" and "<!-- tour:end -->"
# in README.md, compiles it against the built library with -Werror, runs it
# and checks its output, so the README's example can never rot.
# Usage: compile_readme_example.sh README CC INCLUDE_DIR GENERATED_INCLUDE_DIR LIBSESSREPORT [CFLAGS]
set -euo pipefail
readme=$1 cc=$2 inc=$3 geninc=$4 lib=$5
read -r -a extra <<<"${6:-}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
awk '/<!-- tour:begin -->/{on=1; next} /<!-- tour:end -->/{on=0} on' "$readme" \
    | sed '/^```/d' >"$work/tour.c"
[ -s "$work/tour.c" ] || { echo "no tour example found in $readme"; exit 1; }
"$cc" ${extra[@]+"${extra[@]}"} -std=c11 -Wall -Wextra -Wpedantic -Werror -I"$inc" -I"$geninc" "$work/tour.c" "$lib" \
    -lcjson -o "$work/tour"
"$work/tour" >"$work/out.txt"
cat "$work/out.txt"
grep -q '"accountNumber":"0844021539-00001"' "$work/out.txt"
grep -q '^errors: 0, warnings: 1$' "$work/out.txt"
grep -q '^warning SR_ERR_FORMAT /imei/0: wrong check digit 1: .* is 2 ' "$work/out.txt"
# the README's "It prints" block shows this very output
awk '/<!-- tour:end -->/{on=1} on' "$readme" | grep -qxF "$(sed -n 2p "$work/out.txt")"
echo "README example: compiled with -Werror, ran, output as documented"
