#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A document shows examples/client.c verbatim: the first ```c block, or with
a third argument NAME the ```c block between <!-- NAME:begin --> and
<!-- NAME:end -->."""
import sys

doc, program = sys.argv[1], sys.argv[2]
text = open(doc, encoding="utf-8").read()
if len(sys.argv) > 3:
    marker = "<!-- %s:begin -->" % sys.argv[3]
    if marker not in text:
        sys.exit("%s: no %s marker" % (doc, marker))
    text = text[text.index(marker):]
start = text.index("```c\n") + len("```c\n")
block = text[start:text.index("```", start)]
if block != open(program, encoding="utf-8").read():
    sys.exit("%s: the ```c block differs from %s" % (doc, program))
print("%s matches %s" % (doc, program))
