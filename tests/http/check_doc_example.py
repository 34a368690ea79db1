#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""docs/responses.md shows examples/client.c verbatim (the first ```c block)."""
import sys

doc, program = sys.argv[1], sys.argv[2]
text = open(doc, encoding="utf-8").read()
start = text.index("```c\n") + len("```c\n")
block = text[start:text.index("```", start)]
if block != open(program, encoding="utf-8").read():
    sys.exit("%s: the ```c block differs from %s" % (doc, program))
print("docs/responses.md matches examples/client.c")
