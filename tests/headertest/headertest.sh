#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Compiles every public header alone (twice in one unit, to exercise its
# include guard) as C11 and as C++11 with -pedantic -Werror, then links a
# C++ program against the library to prove the C linkage of the API.
# Usage: headertest.sh SRC_INCLUDE BIN_INCLUDE CC CXX... -- LIBRARY LINK_FLAGS...
set -uo pipefail
src_inc=$1 bin_inc=$2 cc=$3
shift 3
cxxs=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do cxxs+=("$1"); shift; done
[ $# -gt 0 ] && shift
lib=${1:-}
[ $# -gt 0 ] && shift
link_flags=("$@")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

headers=$(cd "$src_inc" && ls sessreport.h sessreport/*.h)
headers="$headers sessreport/version.h"
cflags=(-std=c11 -pedantic -Wall -Wextra -Wshadow -Wstrict-prototypes -Wcast-qual -Werror)
cxxflags=(-std=c++11 -pedantic -Wall -Wextra -Wshadow -Werror)
incs=(-I"$src_inc" -I"$bin_inc")

failed=0
checked=0
check() { # check LABEL COMMAND... < unit
    if ! "${@:2}" 2>"$work/err"; then
        echo "headertest: FAIL $1"
        cat "$work/err"
        failed=$((failed + 1))
    fi
    checked=$((checked + 1))
}
for h in $headers; do
    # The typedef keeps a macro-only header from being an empty unit.
    printf '#include "%s"\n#include "%s"\ntypedef int sr_headertest_unit;\n' "$h" "$h" >"$work/unit.c"
    cp "$work/unit.c" "$work/unit.cpp"
    check "$h as C ($cc)" "$cc" "${cflags[@]}" "${incs[@]}" -fsyntax-only "$work/unit.c"
    for cxx in "${cxxs[@]}"; do
        check "$h as C++ ($cxx)" "$cxx" "${cxxflags[@]}" "${incs[@]}" -fsyntax-only "$work/unit.cpp"
    done
done

# Unmangled names: a C++ program calling into the C library must link.
if [ -n "$lib" ] && [ "${#cxxs[@]}" -gt 0 ]; then
    cat >"$work/link.cpp" <<'CXX'
#include "sessreport.h"
#include <cstring>
int main()
{
    session_report_request *r = session_report_request_new();
    if (r == nullptr)
        return 1;
    int ok = std::strcmp(sr_version(), SESSREPORT_VERSION_STRING) == 0 &&
             std::strcmp(sr_status_name(SR_ERR_FORMAT), "SR_ERR_FORMAT") == 0;
    session_report_request_free(r);
    return ok ? 0 : 1;
}
CXX
    check "C++ link against $(basename "$lib")" "${cxxs[0]}" "${cxxflags[@]}" "${incs[@]}" \
        "$work/link.cpp" "$lib" "${link_flags[@]}" -o "$work/link"
    [ -x "$work/link" ] && check "C++ program runs" "$work/link"
fi

echo "headertest: $checked checks, $failed failed ($(echo "$headers" | wc -w) headers)"
[ "$failed" -eq 0 ]
