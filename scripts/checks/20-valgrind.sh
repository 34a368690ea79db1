#!/usr/bin/env bash
# Every cmocka test binary of the gcc build under valgrind memcheck:
# any error or leak fails the stage.
set -euo pipefail
bins=$(find build/gcc/tests -maxdepth 1 -type f -name 'test_*' -perm -u+x | sort)
[ -n "$bins" ] || { echo "valgrind: no test binaries (run 10-build-and-test first)"; exit 1; }
export SR_DATA_DIR="$PWD/tests/data" SR_SOURCE_DIR="$PWD"
n=0
for b in $bins; do
    case "$(basename "$b")" in *_nogrind*) continue ;; esac
    valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect,possible \
             --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
             "$b" >"build/gcc/$(basename "$b").valgrind.log" 2>&1 \
        || { echo "valgrind: $(basename "$b") failed:"; tail -40 "build/gcc/$(basename "$b").valgrind.log"; exit 1; }
    n=$((n + 1))
done
echo "valgrind: $n test binaries, 0 errors, 0 leaks"
