#!/usr/bin/env bash
# Installs the Debian packages a task needs, only those missing.
# Usage: scripts/deps.sh demo|test
set -euo pipefail

case "${1:-test}" in
    demo) pkgs="cmake make gcc libc6-dev libcjson-dev" ;;
    test) pkgs="cmake make gcc g++ clang libc6-dev libcjson-dev libcmocka-dev libcurl4-openssl-dev
                valgrind python3 pkg-config doxygen clang-format clang-tidy cppcheck
                libclang-rt-14-dev" ;;
    *) echo "usage: $0 demo|test" >&2; exit 2 ;;
esac

missing=""
for p in $pkgs; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "deps: need root (or sudo) to install:$missing" >&2; exit 1; }
    sudo="sudo"
fi
echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
