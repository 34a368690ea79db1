#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs an example program and compares its standard output with a file.

Usage: run_example.py PROGRAM EXPECTED_OUTPUT
"""
import subprocess
import sys

program, expected_file = sys.argv[1], sys.argv[2]
p = subprocess.run([program], capture_output=True, text=True, timeout=30)
expected = open(expected_file, encoding="utf-8").read()
if p.returncode != 0 or p.stdout != expected:
    sys.stdout.write("exit %d\n--- got\n%s--- expected\n%s" % (p.returncode, p.stdout, expected))
    sys.exit(1)
print("%s: output as expected" % program)
