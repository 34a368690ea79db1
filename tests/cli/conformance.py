#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs the project's copy of the conformance corpus against `sessreport validate`.

Usage: conformance.py PATH_TO_SESSREPORT CORPUS_DIR

CORPUS_DIR holds cases/NAME.json and the manifests (tests/data/conformance).
The manifest follows the binary: one whose `validate --help` lists
--warnings-as-errors (0.2: errors and warnings) is held to cases-0.2.tsv,
any other to cases.tsv. CONFORMANCE_MANIFEST=FILE forces one.

For each manifest line (name, args, exit, expect) the case passes when the
exit status matches and the set of (code, JSON pointer) pairs read from
stderr equals the expected set. On a stderr line the code is the first
':'-separated field that is exactly SR_ERR_[A-Z_]+ and the pointer is the
field after it (empty = the whole document, written "" in the manifest), so
warning lines ("FILE: warning: SR_ERR_X: /p: msg") count like error lines.
Prints "FAIL name: ..." per failing case, then "N passed, M failed"; exit
status 0 only when nothing failed and at least one case ran."""
import os
import re
import shlex
import subprocess
import sys

CODE = re.compile(r'^SR_ERR_[A-Z_]+$')
WHOLE_DOCUMENT = '""'


def choose_manifest(binary, corpus):
    forced = os.environ.get('CONFORMANCE_MANIFEST')
    if forced:
        return os.path.join(corpus, forced)
    help_text = subprocess.run([binary, 'validate', '--help'], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               check=False).stdout
    name = 'cases-0.2.tsv' if b'--warnings-as-errors' in help_text else 'cases.tsv'
    return os.path.join(corpus, name)


def expected_pairs(expect):
    """The manifest's "CODE PATH ; CODE PATH" as a set of (code, path)."""
    if expect == '-':
        return set()
    pairs = set()
    for item in expect.split(' ; '):
        item = item.strip()
        if not item:
            continue
        code, _, path = item.partition(' ')
        pairs.add((code, path.strip() or WHOLE_DOCUMENT))
    return pairs


def reported_pairs(stderr):
    """The (code, path) pairs of the CLI's stderr lines; lines without a code are ignored."""
    pairs = set()
    for line in stderr.decode('utf-8', 'replace').splitlines():
        fields = [f.strip() for f in line.rstrip('\r').split(':')]
        for i, field in enumerate(fields):
            if CODE.match(field):
                path = fields[i + 1] if i + 1 < len(fields) else ''
                pairs.add((field, path or WHOLE_DOCUMENT))
                break
    return pairs


def show(pairs):
    return ' ; '.join(f'{code} {path}' for code, path in sorted(pairs)) or '-'


def read_manifest(path):
    with open(path, encoding='utf-8') as f:
        lines = f.read().splitlines()
    for line in lines[1:]:  # the first line is the header
        line = line.rstrip('\r')
        if line:
            name, args, want_exit, expect = line.split('\t', 3)
            yield name, args, int(want_exit), expect


def run_case(binary, corpus, name, args, want_exit, expect):
    """None when the case passes, else the reason."""
    case = os.path.join('cases', name + '.json')
    if not os.path.isfile(os.path.join(corpus, case)):
        return f'no case file {case}'
    argv = [binary, 'validate'] + ([] if args == '-' else shlex.split(args)) + [case]
    try:
        done = subprocess.run(argv, cwd=corpus, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=60, check=False)
    except subprocess.TimeoutExpired:
        return 'timed out after 60 s'
    want = expected_pairs(expect)
    got = reported_pairs(done.stderr)
    if done.returncode == want_exit and got == want:
        return None
    return f'expected exit {want_exit} [{show(want)}] got exit {done.returncode} [{show(got)}]'


def main(argv):
    if len(argv) != 3:
        print(f'usage: {argv[0]} PATH_TO_SESSREPORT CORPUS_DIR', file=sys.stderr)
        return 2
    binary = os.path.abspath(argv[1])
    corpus = os.path.abspath(argv[2])
    manifest = choose_manifest(binary, corpus)
    if not os.path.isfile(manifest):
        print(f'conformance: {manifest} not found', file=sys.stderr)
        return 2
    passed = failed = 0
    for name, args, want_exit, expect in read_manifest(manifest):
        reason = run_case(binary, corpus, name, args, want_exit, expect)
        if reason is None:
            passed += 1
        else:
            failed += 1
            print(f'FAIL {name}: {reason}')
    print(f'{os.path.basename(manifest)}: {passed} passed, {failed} failed')
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
