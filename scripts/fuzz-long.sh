#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Longer fuzzing than CI does: each harness for SECONDS (default 1800),
# keeping and growing the corpus in build/fuzz/corpus-<harness> across runs.
# Usage: scripts/fuzz-long.sh [SECONDS] [HARNESS]
set -euo pipefail
cd "$(dirname "$0")/.."
export SR_FUZZ_SECONDS="${1:-1800}"
export SR_FUZZ_KEEP_CORPUS=1
[ -n "${2:-}" ] && export SR_FUZZ_ONLY="$2"
exec bash scripts/checks/40-fuzz.sh
