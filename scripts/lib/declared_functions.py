#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Prints, sorted, the names of the functions that C headers declare with the
public prefixes (session_report_request_*, sr_*), one per line.

Comments, string literals and preprocessor lines are dropped first, so that
prose and function-like macros are not mistaken for declarations."""
import re
import sys

COMMENT_OR_STRING = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\])*"', re.S)
PREPROCESSOR = re.compile(r'^[ \t]*#(?:[^\n]*\\\n)*[^\n]*', re.M)
DECLARATION = re.compile(r'\b((?:session_report_request|sr)_[A-Za-z0-9_]+)\s*\(')


def declared(text):
    text = COMMENT_OR_STRING.sub(' ', text)
    text = PREPROCESSOR.sub(' ', text)
    return set(DECLARATION.findall(text))


def main(paths):
    names = set()
    for path in paths:
        with open(path, encoding='utf-8') as f:
            names |= declared(f.read())
    for name in sorted(names):
        print(name)


if __name__ == '__main__':
    main(sys.argv[1:])
