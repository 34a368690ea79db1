#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Reads a CMake compile_commands.json and keeps the entries whose source is
under one of the given top-level folders of the source tree.

Usage: lint_sources.py DB SOURCE_DIR OUT_DB FOLDER...
Writes the filtered database to OUT_DB (for cppcheck --project) and prints
the kept source paths, one per line (for clang-tidy)."""
import json
import os
import sys


def main(db_path, source_dir, out_path, folders):
    source_dir = os.path.realpath(source_dir)
    prefixes = tuple(os.path.join(source_dir, f) + os.sep for f in folders)
    with open(db_path, encoding='utf-8') as f:
        entries = json.load(f)
    kept = []
    for entry in entries:
        path = os.path.realpath(os.path.join(entry['directory'], entry['file']))
        if path.startswith(prefixes):
            kept.append(entry)
    with open(out_path, 'w', encoding='utf-8') as f:
        json.dump(kept, f, indent=1)
    for path in sorted({os.path.realpath(os.path.join(e['directory'], e['file'])) for e in kept}):
        print(path)


if __name__ == '__main__':
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
