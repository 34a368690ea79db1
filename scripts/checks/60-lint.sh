#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Code health, each part a finding when it reports anything:
#  1. clang-format: every tracked .c/.h matches .clang-format;
#  2. clang-tidy: the checks in .clang-tidy (reasons for the disabled ones
#     are there) over the library, examples and bench;
#  3. cppcheck: warning, style, performance and portability;
#  4. nm on the static libraries: every defined external symbol is
#     session_report_request_*, sr_* or sr__*; in libsessreport.a only
#     alloc.c calls the C allocator (libsessreport_http.a may: it uses the
#     core through its public API only, as it must when both are shared
#     libraries and sr__* is hidden); nothing references the global-state
#     cJSON calls.
# Tests and fuzz harnesses are not linted: cmocka's setjmp-based assertions
# and deliberate misuse confuse the analyzers; they run under valgrind/ASan.
set -uo pipefail
export LC_ALL=C
cd "$(dirname "$0")/../.."
build=build/lint
jobs=${SR_JOBS:-2}
mkdir -p "$build"
folders="src examples bench"
problems=0
summary=""
report() { # report NAME COUNT DETAILS_FILE
    if [ "$2" -gt 0 ]; then
        echo "lint: $1: $2 finding(s):"
        cat "$3"
        problems=$((problems + $2))
    fi
    summary="$summary $1=$2"
}
for tool in clang-format clang-tidy cppcheck nm python3; do
    command -v "$tool" >/dev/null || { echo "lint: $tool not installed"; exit 1; }
done

# 1. clang-format
: >"$build/format.txt"
while IFS= read -r -d '' f; do
    clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || echo "$f: not clang-formatted" >>"$build/format.txt"
done < <(git ls-files -z '*.c' '*.h')
report clang-format "$(wc -l <"$build/format.txt")" "$build/format.txt"

# A clang build for the compilation database and the libraries.
cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug \
      -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DSESSREPORT_BUILD_TESTS=OFF \
      -DSESSREPORT_BUILD_EXAMPLES=ON -DSESSREPORT_BUILD_BENCH=ON >"$build/configure.log" 2>&1 \
    || { cat "$build/configure.log"; echo "lint: configure failed"; exit 1; }
cmake --build "$build" -j"$jobs" >"$build/build.log" 2>&1 \
    || { grep -E 'error:|undefined reference' "$build/build.log" | head -40; echo "lint: build failed"; exit 1; }
# shellcheck disable=SC2086
python3 scripts/lib/lint_sources.py "$build/compile_commands.json" . "$build/lint_db.json" $folders \
    >"$build/sources.txt" || { echo "lint: cannot read the compilation database"; exit 1; }

# 2. clang-tidy (headers are reported once per unit that includes them: dedupe)
xargs -P "$jobs" -n 4 clang-tidy -p "$build" --quiet <"$build/sources.txt" >"$build/tidy.log" 2>&1
tidy_rc=$?
grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error):' "$build/tidy.log" | sort -u >"$build/tidy.txt"
# A run that failed without a located finding (a crash, a missing database
# entry) must not read as clean.
if [ "$tidy_rc" -ne 0 ] && [ ! -s "$build/tidy.txt" ]; then
    echo "clang-tidy exited with status $tidy_rc and no located finding:" >"$build/tidy.txt"
    tail -20 "$build/tidy.log" >>"$build/tidy.txt"
fi
report clang-tidy "$(wc -l <"$build/tidy.txt")" "$build/tidy.txt"
[ -s "$build/tidy.txt" ] && echo "lint: full clang-tidy output in $build/tidy.log"

# 3. cppcheck, with the build's own defines and include paths.
#  variableScope: declarations at the top of a function are the house style
#    (one cleanup: label per allocating function).
#  knownConditionTrueFalse in alloc.c: fault_fails() is constant 0 unless the
#    test-only SR_FAULT_INJECTION build is analysed.
cppcheck --quiet --project="$build/lint_db.json" --std=c11 \
         --enable=warning,style,performance,portability --inline-suppr \
         --suppress=missingIncludeSystem --suppress=variableScope \
         --suppress='knownConditionTrueFalse:*src/alloc.c' \
         -j "$jobs" --cppcheck-build-dir="$build" \
         --template='{file}:{line}: {severity}: {message} [{id}]' 2>"$build/cppcheck.txt" >/dev/null
sed -i "s|^$PWD/||" "$build/cppcheck.txt"
report cppcheck "$(grep -c . "$build/cppcheck.txt")" "$build/cppcheck.txt"

# 4. Symbols of the static libraries.
: >"$build/symbols.txt"
libs=$(find "$build/src" -maxdepth 1 -name 'libsessreport*.a' | sort)
[ -n "$libs" ] || echo "no static library in $build/src" >>"$build/symbols.txt"
for lib in $libs; do
    nm -A -g --defined-only "$lib" | awk 'NF == 3 && $3 !~ /^(session_report_request_|sr_)/ { print $1 " defines " $3 " (not a sessreport name)" }' >>"$build/symbols.txt"
    nm -A -u "$lib" | awk -v lib="$(basename "$lib")" '
        lib !~ /_http/ && $NF ~ /^(malloc|calloc|realloc|free|aligned_alloc|strdup|strndup)$/ &&
        $1 !~ /:alloc\.c\.o:$/ {
            print $1 " calls " $NF " (allocate through sr__malloc and friends)" }
        $NF ~ /^(cJSON_GetErrorPtr|cJSON_InitHooks|setlocale)$/ {
            print $1 " calls " $NF " (global state)" }' >>"$build/symbols.txt"
done
report symbols "$(wc -l <"$build/symbols.txt")" "$build/symbols.txt"

if [ "$problems" -gt 0 ]; then
    echo "lint: $problems finding(s):$summary"
    exit 1
fi
echo "lint: clean ($(wc -l <"$build/sources.txt") sources; clang-format, clang-tidy, cppcheck, static-library symbols)"
