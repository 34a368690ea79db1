#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Black-box tests of the sessreport CLI: exit codes, the exact error line
format, stdin, several files, stdout/stderr separation, colour only on a
terminal, and `new`/`format`/`demo` output against the API's bytes.

Usage: test_cli.py PATH_TO_SESSREPORT EXPECTED_VERSION
"""
import datetime
import json
import os
import pty
import re
import subprocess
import sys
import tempfile
import unittest

BIN = None
VERSION = None

SEED_PRETTY = """{
  "accountNumber": "0844021539-00001",
  "startDate": "2022-12-09T22:01:06.217Z",
  "endDate": "2022-12-09T22:01:08.734Z",
  "imei": [
    "709312034493372"
  ],
  "deviceGroup": "deviceGroup4",
  "dataPlan": "dataPlan2",
  "noSessionFlag": "false",
  "deviceLabel": "deviceLabel4"
}"""

SEED_COMPACT = json.dumps(json.loads(SEED_PRETTY), separators=(",", ":"))

SEED_ARGS = ["--account", "0844021539-00001",
             "--start", "2022-12-09T22:01:06.217Z",
             "--end", "2022-12-09T22:01:08.734Z",
             "--imei", "709312034493372",
             "--device-group", "deviceGroup4",
             "--data-plan", "dataPlan2",
             "--no-session-flag", "false",
             "--device-label", "deviceLabel4"]

# FILE: SR_ERR_X: /pointer: message
ERROR_LINE = re.compile(r"^(?P<src>.+?): (?P<code>SR_ERR_[A-Z_]+): (?P<path>[^:]*): (?P<msg>.+)$")
# FILE: warning: SR_ERR_X: /pointer: message
WARNING_LINE = re.compile(
    r"^(?P<src>.+?): warning: (?P<code>SR_ERR_[A-Z_]+): (?P<path>[^:]*): (?P<msg>.+)$")
# FILE: N more problems not shown (--max-problems M)
MORE_LINE = re.compile(r"^(?P<src>.+?): (?P<n>[0-9]+) more problems? not shown "
                       r"\(--max-problems (?P<max>[0-9]+)\)$")
SYNTAX_LINE = re.compile(
    r"^(?P<src>.+?):(?P<line>[0-9]+):(?P<col>[0-9]+): SR_ERR_SYNTAX: : (?P<msg>.+)$")
ACCOUNT = "0844021539-00001"


def luhn_digit(body):
    """Check digit that makes body + digit pass the Luhn test."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = ord(ch) - 48
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def make_imeis(n, start=35000000000000):
    return [str(start + k) + luhn_digit(str(start + k)) for k in range(n)]


def run(args, stdin=b"", env=None, cwd=None):
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    if env:
        full_env.update(env)
    p = subprocess.run([BIN] + args, input=stdin, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=full_env, cwd=cwd, timeout=60)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def warn(code):
    """How problems() names the code of a warning line."""
    return "warning: " + code


def problems(stderr):
    """(source, code, path) for each error line, with warn(code) for warning
    lines; fails on any other line."""
    out = []
    for line in stderr.splitlines():
        m = WARNING_LINE.match(line)
        if m is not None:
            out.append((m.group("src"), warn(m.group("code")), m.group("path")))
            continue
        m = ERROR_LINE.match(line)
        if m is None:
            raise AssertionError("not an error or warning line: %r" % line)
        out.append((m.group("src"), m.group("code"), m.group("path")))
    return out


class CliCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="sessreport-cli-")
        self.addCleanup(self.tmp.cleanup)

    def write(self, name, data):
        path = os.path.join(self.tmp.name, name)
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        return path

    def doc(self, **fields):
        d = json.loads(SEED_PRETTY)
        for k, v in fields.items():
            if v is None:
                d.pop(k, None)
            else:
                d[k] = v
        return json.dumps(d)

    def assert_usage_error(self, args, reason, stdin=b""):
        rc, out, err = run(args, stdin)
        self.assertEqual(rc, 2, err)
        self.assertEqual(out, "")
        lines = err.splitlines()
        self.assertEqual(len(lines), 2, err)
        self.assertIn(reason, lines[0])
        self.assertRegex(lines[1], r"^Try 'sessreport( [a-z]+)? --help'\.$")


class TopLevel(CliCase):
    def test_version(self):
        self.assertEqual(run(["--version"]), (0, "sessreport %s\n" % VERSION, ""))

    def test_help_lists_every_command(self):
        rc, out, err = run(["--help"])
        self.assertEqual((rc, err), (0, ""))
        self.assertTrue(out.startswith("Usage: sessreport COMMAND"))
        for name in ("demo", "validate", "format", "new", "report", "send"):
            self.assertRegex(out, r"\n  %s +\S" % name)

    def test_no_arguments_is_a_usage_error(self):
        rc, out, err = run([])
        self.assertEqual((rc, out), (2, ""))
        self.assertIn("Usage: sessreport", err)

    def test_unknown_command(self):
        self.assert_usage_error(["frobnicate"], "unknown command 'frobnicate'")

    def test_help_subcommand_equals_subcommand_help(self):
        for name in ("demo", "validate", "format", "new"):
            rc, out, err = run(["help", name])
            self.assertEqual((rc, err), (0, ""), name)
            self.assertIn("Usage: sessreport " + name, out)
            self.assertIn("Examples:\n  sessreport ", out)
            self.assertEqual(run([name, "--help"]), (0, out, ""))

    def test_help_unknown_subcommand(self):
        self.assert_usage_error(["help", "nope"], "unknown command 'nope'")


class Validate(CliCase):
    def test_valid_file_prints_nothing(self):
        path = self.write("seed.json", SEED_PRETTY)
        self.assertEqual(run(["validate", path]), (0, "", ""))

    def test_stdin(self):
        self.assertEqual(run(["validate", "-"], SEED_PRETTY.encode()), (0, "", ""))
        rc, out, err = run(["validate", "-"], self.doc(accountNumber="").encode())
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(problems(err), [("<stdin>", "SR_ERR_FORMAT", "/accountNumber")])
        rc, out, err = run(["validate", "-"], self.doc(accountNumber="12").encode())
        self.assertEqual((rc, out), (0, ""))
        self.assertEqual(problems(err), [("<stdin>", warn("SR_ERR_FORMAT"), "/accountNumber")])

    def test_errors_then_warnings_each_in_field_order(self):
        path = self.write("bad.json", self.doc(
            accountNumber="0844021539-0001",
            imei=["709312034493372", "709312034493373", "709312034493372"],
            noSessionFlag="maybe", deviceLabel=""))
        rc, out, err = run(["validate", path])
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(problems(err), [
            (path, "SR_ERR_FORMAT", "/noSessionFlag"),
            (path, warn("SR_ERR_FORMAT"), "/accountNumber"),
            (path, warn("SR_ERR_FORMAT"), "/imei/1"),
            (path, warn("SR_ERR_DUPLICATE"), "/imei/2"),
            (path, warn("SR_ERR_RANGE"), "/deviceLabel"),
        ])

    def test_warning_line_format(self):
        path = self.write("luhn.json", self.doc(imei=["709312034493371"]))
        rc, out, err = run(["validate", path])
        self.assertEqual((rc, out), (0, ""))
        self.assertEqual(err, "%s: warning: SR_ERR_FORMAT: /imei/0: wrong check digit 1: the "
                         "Luhn check digit of 70931203449337 is 2 (expected 709312034493372)\n"
                         % path)

    def test_what_the_api_accepts_warns_only(self):
        # Verizon's own example account, a non-Luhn IMEI, a repeat, an empty label
        path = self.write("api.json", self.doc(
            accountNumber="1654", imei=["709312034493371", "709312034493371"], deviceLabel=""))
        want = [(path, warn("SR_ERR_FORMAT"), "/accountNumber"),
                (path, warn("SR_ERR_FORMAT"), "/imei/0"),
                (path, warn("SR_ERR_FORMAT"), "/imei/1"),
                (path, warn("SR_ERR_RANGE"), "/deviceLabel")]
        rc, out, err = run(["validate", path])
        self.assertEqual((rc, out, problems(err)), (0, "", want))
        rc, out, err = run(["validate", "--warnings-as-errors", path])
        self.assertEqual((rc, out, problems(err)), (1, "", want))
        self.assertEqual(run(["validate", "--no-warnings", path]), (0, "", ""))
        # --no-warnings skips lint, errors stay
        bad = self.write("flag.json", self.doc(accountNumber="1654", noSessionFlag="no"))
        rc, out, err = run(["validate", "--no-warnings", "--warnings-as-errors", bad])
        self.assertEqual((rc, problems(err)), (1, [(bad, "SR_ERR_FORMAT", "/noSessionFlag")]))
        # a repeat of a well-formed IMEI is a DUPLICATE warning
        dup = self.write("dup.json", self.doc(imei=["709312034493372"] * 3))
        rc, out, err = run(["validate", dup])
        self.assertEqual((rc, problems(err)), (0, [(dup, warn("SR_ERR_DUPLICATE"), "/imei/1"),
                                                   (dup, warn("SR_ERR_DUPLICATE"), "/imei/2")]))

    def test_max_problems(self):
        bad = ["12345678901234" + str(d) for d in range(10)] * 15  # 150 items, 140 repeats
        path = self.write("many.json", self.doc(imei=bad, noSessionFlag="no"))
        rc, _, err = run(["validate", "--no-luhn", path])
        self.assertEqual(rc, 1)
        lines = err.splitlines()
        self.assertEqual(len(lines), 101)
        got = problems("\n".join(lines[:100]))
        # the error first, then the warnings
        self.assertEqual(got[0], (path, "SR_ERR_FORMAT", "/noSessionFlag"))
        self.assertEqual(got[1], (path, warn("SR_ERR_DUPLICATE"), "/imei/10"))
        self.assertEqual(got[-1], (path, warn("SR_ERR_DUPLICATE"), "/imei/108"))
        self.assertEqual(lines[100], "%s: 41 more problems not shown (--max-problems 100)" % path)
        rc, _, err = run(["validate", "--no-luhn", "--max-problems", "2", path])
        lines = err.splitlines()
        self.assertEqual((rc, len(lines)), (1, 3))
        self.assertEqual(lines[2], "%s: 139 more problems not shown (--max-problems 2)" % path)
        rc, _, err = run(["validate", "--no-luhn", "--max-problems=1", path])
        self.assertEqual(err.splitlines()[1],
                         "%s: 140 more problems not shown (--max-problems 1)" % path)
        rc, _, err = run(["validate", "--no-luhn", "--max-problems", "0", path])
        got = problems(err)
        self.assertEqual((rc, len(got)), (1, 141))
        self.assertEqual(got[-1], (path, warn("SR_ERR_DUPLICATE"), "/imei/149"))
        # exactly the limit: no "more" line
        rc, _, err = run(["validate", "--no-luhn", "--max-problems", "141", path])
        self.assertEqual(len(problems(err)), 141)
        # per file
        rc, _, err = run(["validate", "--no-luhn", "--max-problems", "1", path, path])
        self.assertEqual(len(err.splitlines()), 4)
        for value in ("", "-1", "x", "1x", "99999999999999999999999999"):
            self.assert_usage_error(["validate", "--max-problems", value, path],
                                    "--max-problems must be a whole number")

    def test_many_problems_in_bounded_time_and_memory(self):
        # 2 MiB of "" IMEIs: one error and about 700000 warnings, 100 printed
        n = (2 * 1024 * 1024 - 40) // 3
        doc = '{"accountNumber":"%s","imei":[%s]}' % (ACCOUNT, ",".join(['""'] * n))
        path = self.write("empty-imeis.json", doc)
        rc, out, err = run(["validate", path])
        lines = err.splitlines()
        self.assertEqual((rc, out, len(lines)), (1, "", 101))
        self.assertEqual(problems(lines[0])[0], (path, "SR_ERR_RANGE", "/imei"))
        self.assertEqual(lines[100], "%s: %d more problems not shown (--max-problems 100)"
                         % (path, n + 1 - 100))

    def test_parse_error_is_the_only_line(self):
        path = self.write("type.json", self.doc(imei=["709312034493372", 5], accountNumber="x"))
        rc, out, err = run(["validate", path])
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(problems(err), [(path, "SR_ERR_TYPE", "/imei/1")])

    def test_syntax_error_line_and_column(self):
        path = self.write("syntax.json", '{\n  "accountNumber": ,\n  "imei": []\n}')
        rc, out, err = run(["validate", path])
        self.assertEqual((rc, out), (1, ""))
        lines = err.splitlines()
        self.assertEqual(len(lines), 1, err)
        m = SYNTAX_LINE.match(lines[0])
        self.assertIsNotNone(m, lines[0])
        self.assertEqual((m.group("src"), m.group("line"), m.group("col")), (path, "2", "20"))

    def test_binary_input_nul_and_bom(self):
        doc = ('{"accountNumber":"%s","imei":[]}' % ACCOUNT).encode()
        self.assertEqual(run(["validate", self.write("bom.json", b"\xef\xbb\xbf" + doc)]),
                         (0, "", ""))
        # A reader that stops at NUL would call this valid.
        path = self.write("nul.json", doc + b"\x00")
        rc, out, err = run(["validate", path])
        self.assertEqual((rc, out), (1, ""))
        self.assertRegex(err, r"^%s:1:%d: SR_ERR_SYNTAX: : .+\n$" % (re.escape(path), len(doc) + 1))

    def test_over_the_size_limit(self):
        big = b'{"accountNumber":"%s","imei":[],"pad":"' % ACCOUNT.encode()
        big += b"x" * (16 * 1024 * 1024) + b'"}'
        rc, out, err = run(["validate", "-"], big)
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(problems(err), [("<stdin>", "SR_ERR_LIMIT", "")])

    def test_multiple_files(self):
        good = self.write("good.json", SEED_PRETTY)
        bad = self.write("bad.json", self.doc(noSessionFlag="no"))
        self.assertEqual(run(["validate", good, good]), (0, "", ""))
        rc, out, err = run(["validate", good, bad, "-"], SEED_PRETTY.encode())
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(problems(err), [(bad, "SR_ERR_FORMAT", "/noSessionFlag")])

    def test_unreadable_file_wins_and_the_rest_is_checked(self):
        bad = self.write("bad.json", self.doc(noSessionFlag="no"))
        missing = os.path.join(self.tmp.name, "missing.json")
        rc, out, err = run(["validate", missing, bad])
        self.assertEqual((rc, out), (2, ""))
        lines = err.splitlines()
        self.assertEqual(lines[0], "sessreport validate: cannot read '%s': "
                         "No such file or directory" % missing)
        self.assertEqual(lines[1], "Try 'sessreport validate --help'.")
        self.assertEqual(problems("\n".join(lines[2:])), [(bad, "SR_ERR_FORMAT", "/noSessionFlag")])
        self.assert_usage_error(["validate", self.tmp.name], "cannot read")

    def test_endpoint_limits(self):
        path = self.write("eleven.json", self.doc(imei=make_imeis(11)))
        self.assertEqual(run(["validate", path]), (0, "", ""))
        self.assertEqual(run(["validate", "--endpoint", "async", path]), (0, "", ""))
        rc, _, err = run(["validate", "--endpoint=sync", path])
        self.assertEqual(rc, 1)
        self.assertEqual(problems(err), [(path, "SR_ERR_RANGE", "/imei")])

    def test_strict(self):
        path = self.write("unknown.json", self.doc(customerRef={"a": [1, 2.50]}))
        self.assertEqual(run(["validate", path]), (0, "", ""))
        rc, _, err = run(["validate", "--strict", path])
        self.assertEqual(rc, 1)
        self.assertEqual(problems(err), [(path, "SR_ERR_UNKNOWN_FIELD", "/customerRef")])

    def test_no_luhn_and_rfc3339(self):
        path = self.write("luhn.json", self.doc(imei=["709312034493371"]))
        rc, _, err = run(["validate", path])
        self.assertEqual((rc, problems(err)), (0, [(path, warn("SR_ERR_FORMAT"), "/imei/0")]))
        rc, _, err = run(["validate", "--warnings-as-errors", path])
        self.assertEqual((rc, problems(err)), (1, [(path, warn("SR_ERR_FORMAT"), "/imei/0")]))
        self.assertEqual(run(["validate", "--no-luhn", path]), (0, "", ""))
        path = self.write("basic.json", self.doc(startDate="20221209T220106Z"))
        self.assertEqual(run(["validate", path]), (0, "", ""))
        rc, _, err = run(["validate", "--rfc3339", path])
        self.assertEqual((rc, problems(err)), (1, [(path, "SR_ERR_FORMAT", "/startDate")]))

    def test_date_constants(self):
        path = self.write("const.json", self.doc(startDate="LAST_30_DAYS", endDate="TODAY"))
        self.assertEqual(run(["validate", path]), (0, "", ""))
        rc, _, err = run(["validate", "--date-constant", "TODAY", path])
        self.assertEqual((rc, problems(err)), (1, [(path, "SR_ERR_FORMAT", "/startDate")]))
        self.assertEqual(run(["validate", "--date-constant", "TODAY",
                              "--date-constant=LAST_30_DAYS", path]), (0, "", ""))
        # an empty name is a usage error, not an allow-list of "(none)"
        self.assert_usage_error(["validate", "--date-constant", "", path],
                                "--date-constant needs a name")
        self.assert_usage_error(["validate", "--date-constant=", path],
                                "--date-constant needs a name")

    def test_options_after_files_and_double_dash(self):
        self.write("--strict", self.doc(extra=1))
        self.assertEqual(run(["validate", "--", "--strict"], cwd=self.tmp.name), (0, "", ""))
        rc, _, err = run(["validate", "./--strict", "--strict"], cwd=self.tmp.name)
        self.assertEqual((rc, problems(err)),
                         (1, [("./--strict", "SR_ERR_UNKNOWN_FIELD", "/extra")]))

    def test_usage_errors(self):
        path = self.write("seed.json", SEED_PRETTY)
        self.assert_usage_error(["validate", "--bogus", path], "unknown option '--bogus'")
        self.assert_usage_error(["validate", path, "--endpoint"],
                                "option '--endpoint' needs an argument")
        self.assert_usage_error(["validate", "--endpoint", "fast", path], "'sync' or 'async'")
        self.assert_usage_error(["validate"], "no FILE given")

    def test_colour_only_on_a_terminal(self):
        path = self.write("bad.json", self.doc(accountNumber=""))
        rc, _, err = run(["validate", path])
        self.assertEqual(rc, 1)
        self.assertNotIn("\x1b", err)
        coloured = self.stderr_on_tty(["validate", path], {})
        self.assertIn("\x1b[1;31mSR_ERR_FORMAT\x1b[0m: /accountNumber: ", coloured)
        self.assertNotIn("\x1b", self.stderr_on_tty(["validate", path], {"NO_COLOR": "1"}))
        # NO_COLOR only counts when it is not empty (no-color.org)
        coloured = self.stderr_on_tty(["validate", path], {"NO_COLOR": ""})
        self.assertIn("\x1b[1;31mSR_ERR_FORMAT\x1b[0m: /accountNumber: ", coloured)
        self.assertNotIn("\x1b", self.stderr_on_tty(["validate", path], {"TERM": "dumb"}))
        # warnings in their own colour
        path = self.write("warn.json", self.doc(accountNumber="1"))
        coloured = self.stderr_on_tty(["validate", path], {}, want_rc=0)
        self.assertIn(": warning: \x1b[1;33mSR_ERR_FORMAT\x1b[0m: /accountNumber: ", coloured)

    def test_escaping_in_warning_lines(self):
        name = "bad\x1b[2Jname\x07.json"
        self.write(name, self.doc(accountNumber="1", noSessionFlag="no\x1b]0;x\x07"))
        rc, _, err = run(["validate", name], cwd=self.tmp.name)
        self.assertEqual(rc, 1)
        self.assertNotIn("\x1b", err)
        self.assertNotIn("\x07", err)
        self.assertEqual(problems(err), [
            ("bad\\x1b[2Jname\\x07.json", "SR_ERR_FORMAT", "/noSessionFlag"),
            ("bad\\x1b[2Jname\\x07.json", warn("SR_ERR_FORMAT"), "/accountNumber")])

    def test_help_lists_the_warning_options(self):
        for cmd in ("validate", "new"):
            rc, out, _ = run([cmd, "--help"])
            self.assertEqual(rc, 0)
            for option in ("--warnings-as-errors", "--no-warnings", "--max-problems"):
                self.assertIn(option, out, cmd)

    def stderr_on_tty(self, args, extra_env, want_rc=1):
        env = dict(os.environ)
        env.pop("NO_COLOR", None)
        env["TERM"] = "xterm"
        env.update(extra_env)
        master, slave = pty.openpty()
        try:
            p = subprocess.Popen([BIN] + args, stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=slave, env=env)
            os.close(slave)
            slave = -1
            chunks = []
            while True:
                try:
                    data = os.read(master, 4096)
                except OSError:  # EIO once the child has closed the terminal
                    break
                if not data:
                    break
                chunks.append(data)
            self.assertEqual(p.wait(timeout=60), want_rc)
        finally:
            if slave >= 0:
                os.close(slave)
            os.close(master)
        return b"".join(chunks).decode("utf-8", "replace")


class Format(CliCase):
    def test_compact_by_default_and_pretty(self):
        path = self.write("seed.json", SEED_PRETTY)
        self.assertEqual(run(["format", path]), (0, SEED_COMPACT + "\n", ""))
        self.assertEqual(run(["format", "--compact", path]), (0, SEED_COMPACT + "\n", ""))
        compact = self.write("compact.json", SEED_COMPACT)
        self.assertEqual(run(["format", "--pretty", compact]), (0, SEED_PRETTY + "\n", ""))
        self.assertEqual(run(["format", "--pretty", "-"], SEED_COMPACT.encode()),
                         (0, SEED_PRETTY + "\n", ""))

    def test_unknown_members_kept_verbatim(self):
        doc = ('{ "zeta" : [1.50, 1e400, {"k":null}], "imei": [], '
               '"accountNumber": "%s", "alpha": "\\u00e9" }' % ACCOUNT)
        path = self.write("unknown.json", doc)
        # numbers keep their digits; strings come back in cJSON's escaping
        want = ('{"accountNumber":"%s","imei":[],"zeta":[1.50,1e400,{"k":null}],'
                '"alpha":"\u00e9"}\n' % ACCOUNT)
        self.assertEqual(run(["format", path]), (0, want, ""))
        rc, out, err = run(["format", "--strict", path])
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(problems(err), [(path, "SR_ERR_UNKNOWN_FIELD", "/zeta")])

    def test_normalize_dates(self):
        path = self.write("dates.json", self.doc(startDate="2022-12-09T23:01:06.217+01:00",
                                                 endDate="2022-12-10"))
        rc, out, err = run(["format", "--normalize-dates", path])
        self.assertEqual((rc, err), (0, ""))
        got = json.loads(out)
        self.assertEqual(got["startDate"], "2022-12-09T22:01:06.217Z")
        self.assertEqual(got["endDate"], "2022-12-10T00:00:00Z")
        bad = self.write("baddate.json", self.doc(startDate="2022-13-01"))
        rc, out, err = run(["format", "--normalize-dates", bad])
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(problems(err), [(bad, "SR_ERR_FORMAT", "/startDate")])

    def test_pretty_amplification_is_refused(self):
        # issue 15 item 4: 1000 arrays nested 510 deep would print 524 MB pretty
        deep = "[" * 510 + "]" * 510
        doc = '{"accountNumber": "%s", "imei": [], "x": [%s]}' % (
            ACCOUNT, ",".join([deep] * 1000))
        path = self.write("deep.json", doc)
        rc, out, err = run(["format", "--pretty", path])
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(problems(err), [(path, "SR_ERR_LIMIT", "")])
        rc, out, err = run(["format", "--compact", path])
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(len(out), len(doc) - 5 + 1)  # five spaces fewer, a newline more

    def test_parse_error(self):
        path = self.write("dup.json", '{"accountNumber":"a","accountNumber":"b","imei":[]}')
        rc, out, err = run(["format", path])
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(problems(err), [(path, "SR_ERR_DUPLICATE", "/accountNumber")])
        rc, out, err = run(["format", "-"], b'{"a":')
        self.assertEqual((rc, out), (1, ""))
        self.assertRegex(err, r"^<stdin>:1:6: SR_ERR_SYNTAX: : .+\n$")

    def test_usage_errors(self):
        path = self.write("seed.json", SEED_PRETTY)
        self.assert_usage_error(["format"], "no FILE given")
        self.assert_usage_error(["format", path, path], "only one FILE")
        self.assert_usage_error(["format", "--endpoint", "sync", path], "unknown option")
        self.assert_usage_error(["format", os.path.join(self.tmp.name, "nope")], "cannot read")


class New(CliCase):
    def test_new_piped_to_format_equals_the_api_bytes(self):
        rc, out, err = run(["new"] + SEED_ARGS)
        self.assertEqual((rc, out, err), (0, SEED_COMPACT + "\n", ""))
        self.assertEqual(run(["format", "--pretty", "-"], out.encode()),
                         (0, SEED_PRETTY + "\n", ""))
        self.assertEqual(run(["new", "--pretty"] + SEED_ARGS), (0, SEED_PRETTY + "\n", ""))

    def test_minimal_request(self):
        self.assertEqual(run(["new", "--account=" + ACCOUNT]),
                         (0, '{"accountNumber":"%s","imei":[]}\n' % ACCOUNT, ""))

    def test_invalid_request_is_not_printed(self):
        rc, out, err = run(["new", "--account", "123", "--imei", "709312034493371",
                            "--start", "2022-12-10", "--end", "2022-12-09"])
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(problems(err), [
            ("<command-line>", "SR_ERR_RANGE", "/endDate"),
            ("<command-line>", warn("SR_ERR_FORMAT"), "/accountNumber"),
            ("<command-line>", warn("SR_ERR_FORMAT"), "/imei/0"),
        ])
        rc, out, err = run(["new", "--account", ""])
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(problems(err), [("<command-line>", "SR_ERR_FORMAT", "/accountNumber")])

    def test_warnings_print_the_request(self):
        args = ["new", "--account", "1654", "--imei", "709312034493371", "--device-label", ""]
        want = [("<command-line>", warn("SR_ERR_FORMAT"), "/accountNumber"),
                ("<command-line>", warn("SR_ERR_FORMAT"), "/imei/0"),
                ("<command-line>", warn("SR_ERR_RANGE"), "/deviceLabel")]
        rc, out, err = run(args)
        self.assertEqual(rc, 0)
        self.assertEqual(json.loads(out), {"accountNumber": "1654", "imei": ["709312034493371"],
                                           "deviceLabel": ""})
        self.assertEqual(problems(err), want)
        rc, out, err = run(args + ["--warnings-as-errors"])
        self.assertEqual((rc, out, problems(err)), (1, "", want))
        rc, out, err = run(args + ["--no-warnings"])
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(json.loads(out)["accountNumber"], "1654")
        rc, out, err = run(args + ["--max-problems", "1"])
        self.assertEqual(rc, 0)
        self.assertEqual(err.splitlines()[1],
                         "<command-line>: 2 more problems not shown (--max-problems 1)")
        self.assert_usage_error(["new", "--account", ACCOUNT, "--max-problems", "many"],
                                "--max-problems must be a whole number")

    def test_setter_rejects_invalid_utf8(self):
        rc, out, err = run(["new", "--account", ACCOUNT, "--device-label", "\udcff"])
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(problems(err), [("<command-line>", "SR_ERR_ENCODING", "/deviceLabel")])

    def test_imei_file_with_10000_imeis(self):
        imeis = make_imeis(10000)
        body = "\r\n".join(imeis[:5000]) + "\n\n  \n" + "\n".join(imeis[5000:]) + "\n"
        path = self.write("imeis.txt", body)
        rc, out, err = run(["new", "--account", ACCOUNT, "--imei-file", path])
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(json.loads(out)["imei"], imeis)
        rc, out, err = run(["new", "--account", ACCOUNT, "--imei-file", "-"], body.encode())
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(len(json.loads(out)["imei"]), 10000)
        # One more through --imei crosses the async limit; sync allows 10.
        rc, out, err = run(["new", "--account", ACCOUNT, "--imei-file", path,
                            "--imei", make_imeis(1, start=36000000000000)[0]])
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(problems(err), [("<command-line>", "SR_ERR_RANGE", "/imei")])
        rc, out, err = run(["new", "--endpoint", "sync", "--account", ACCOUNT,
                            "--imei-file", path])
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(problems(err), [("<command-line>", "SR_ERR_RANGE", "/imei")])

    def test_imei_file_problems_name_the_index(self):
        path = self.write("imeis.txt", "709312034493372\n709312034493372\n")
        rc, out, err = run(["new", "--account", ACCOUNT, "--imei-file", path,
                            "--warnings-as-errors"])
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(problems(err),
                         [("<command-line>", warn("SR_ERR_DUPLICATE"), "/imei/1")])
        path = self.write("nul.txt", b"709312034493372\n7093120\x0034493372\n")
        rc, out, err = run(["new", "--account", ACCOUNT, "--imei-file", path])
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(problems(err), [(path, "SR_ERR_ENCODING", "/imei/1")])

    def test_validation_options(self):
        args = ["new", "--account", ACCOUNT, "--imei", "709312034493371", "--start", "TODAY"]
        self.assertEqual(run(args + ["--no-luhn"])[0], 0)
        rc, _, err = run(args + ["--no-luhn", "--date-constant", "YESTERDAY"])
        self.assertEqual((rc, problems(err)), (1, [("<command-line>", "SR_ERR_FORMAT",
                                                     "/startDate")]))

    def test_usage_errors(self):
        self.assert_usage_error(["new"], "--account is required")
        self.assert_usage_error(["new", "--account"], "option '--account' needs an argument")
        self.assert_usage_error(["new", "--account", ACCOUNT, "stray"], "unexpected argument")
        self.assert_usage_error(["new", "--account", ACCOUNT, "--no-session-flag", "yes"],
                                "'true' or 'false'")
        self.assert_usage_error(["new", "--account", ACCOUNT, "--colour"], "unknown option")
        self.assert_usage_error(["new", "--account", ACCOUNT, "--imei-file",
                                 os.path.join(self.tmp.name, "nope")], "cannot read")


    def test_last_days(self):
        before = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        rc, out, err = run(["new", "--account", ACCOUNT, "--last-days", "30"])
        after = datetime.datetime.now(datetime.timezone.utc)
        self.assertEqual((rc, err), (0, ""))
        doc = json.loads(out)
        for key in ("startDate", "endDate"):
            self.assertRegex(doc[key], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        start = datetime.datetime.strptime(doc["startDate"], "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=datetime.timezone.utc)
        end = datetime.datetime.strptime(doc["endDate"], "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=datetime.timezone.utc)
        self.assertTrue(before <= end <= after, (before, end, after))
        self.assertEqual(end - start, datetime.timedelta(days=30))
        rc, out, _ = run(["new", "--account", ACCOUNT, "--last-days=0"])
        doc = json.loads(out)
        self.assertEqual((rc, doc["startDate"]), (0, doc["endDate"]))
        # over the 180-day span: the request is built, validation refuses it
        rc, out, err = run(["new", "--account", ACCOUNT, "--last-days", "181"])
        self.assertEqual((rc, out, problems(err)),
                         (1, "", [("<command-line>", "SR_ERR_RANGE", "/endDate")]))
        self.assertIn("181 days 00:00:00", err)
        for value in ("", "-1", "x", "1.5", "100001"):
            self.assert_usage_error(["new", "--account", ACCOUNT, "--last-days", value],
                                    "--last-days must be a whole number")
        self.assert_usage_error(["new", "--account", ACCOUNT, "--last-days", "1", "--start",
                                 "2022-01-01"], "without --start and --end")
        self.assert_usage_error(["new", "--account", ACCOUNT, "--end", "2022-01-01",
                                 "--last-days", "1"], "without --start and --end")


class Split(CliCase):
    def split(self, imeis, *extra, **fields):
        doc = json.loads(self.doc(imei=imeis))
        doc.update(fields)  # None stays as an explicit null
        path = self.write("in.json", json.dumps(doc))
        out_dir = os.path.join(self.tmp.name, "parts")
        rc, out, err = run(["split", "--out-dir", out_dir] + list(extra) + [path])
        return rc, out, err, out_dir

    def parts(self, out):
        docs = []
        for name in out.splitlines():
            with open(name, "rb") as f:
                data = f.read()
            self.assertTrue(data.endswith(b"}\n"), data[-20:])
            self.assertNotIn(b" ", data.strip())  # compact
            docs.append(json.loads(data))
        return docs

    def test_sizes_order_and_fields(self):
        imeis = make_imeis(25)
        rc, out, err, out_dir = self.split(imeis, "--endpoint", "sync", deviceGroup=None,
                                           dataPlan=None, extra={"k": [1, 2]})
        self.assertEqual((rc, err), (0, ""))
        names = out.splitlines()
        self.assertEqual(names, [os.path.join(out_dir, "part-%04d.json" % k) for k in (1, 2, 3)])
        docs = self.parts(out)
        self.assertEqual([len(d["imei"]) for d in docs], [10, 10, 5])
        self.assertEqual(sum((d["imei"] for d in docs), []), imeis)
        want = dict(json.loads(SEED_PRETTY), imei=[], deviceGroup=None, dataPlan=None,
                    extra={"k": [1, 2]})
        for d in docs:
            d["imei"] = []
            self.assertEqual(d, want)
        # explicit nulls and unknown members are written back, in place
        with open(names[0], "rb") as f:
            text = f.read().decode()
        self.assertIn('"dataPlan":null', text)
        self.assertTrue(text.rstrip().endswith('"extra":{"k":[1,2]}}'), text)
        # each part passes the endpoint's limit
        for name in names:
            self.assertEqual(run(["validate", "--endpoint", "sync", name]), (0, "", ""))

    def test_boundaries(self):
        for count, endpoint, want in ((0, "sync", [0]), (1, "sync", [1]), (10, "sync", [10]),
                                      (11, "sync", [10, 1]), (10001, "async", [10000, 1]),
                                      (10001, "sync", [10] * 1000 + [1])):
            with self.subTest(count=count, endpoint=endpoint):
                rc, out, err, out_dir = self.split(make_imeis(count), "--endpoint", endpoint)
                self.assertEqual((rc, err), (0, ""))
                self.assertEqual([len(d["imei"]) for d in self.parts(out)], want)
                for name in out.splitlines():
                    os.unlink(name)
        # the default is async
        rc, out, err, _ = self.split(make_imeis(11))
        self.assertEqual((rc, len(out.splitlines())), (0, 1))

    def test_never_overwrites_and_errors(self):
        rc, out, _, out_dir = self.split(make_imeis(3))
        self.assertEqual(rc, 0)
        rc, out2, err, _ = self.split(make_imeis(3))
        self.assertEqual((rc, out2), (2, ""))
        self.assertIn("exists; split never overwrites", err)
        bad = self.write("bad.json", '{"accountNumber": 5, "imei": []}')
        rc, out, err = run(["split", "--out-dir", self.tmp.name, bad])
        self.assertEqual((rc, out, problems(err)), (1, "", [(bad, "SR_ERR_TYPE", "/accountNumber")]))
        self.assert_usage_error(["split", bad], "--out-dir DIR is required")
        self.assert_usage_error(["split", "--out-dir", self.tmp.name], "no FILE given")
        self.assert_usage_error(["split", "--out-dir", self.tmp.name, "--endpoint", "x", bad],
                                "'sync' or 'async'")
        good = self.write("good.json", SEED_PRETTY)
        self.assert_usage_error(["split", "--out-dir", good, good], "is not a directory")
        rc, out, _ = run(["split", "--help"])
        self.assertEqual(rc, 0)
        self.assertIn("--out-dir DIR", out)


class WriteFailure(CliCase):
    @unittest.skipUnless(os.path.exists("/dev/full"), "needs /dev/full")
    def test_full_disk_is_not_success(self):
        path = self.write("seed.json", SEED_PRETTY)
        for args in (["demo"], ["format", path], ["new", "--account", ACCOUNT], ["--version"],
                     ["split", "--out-dir", os.path.join(self.tmp.name, "p"), path]):
            with open("/dev/full", "wb") as full:
                p = subprocess.run([BIN] + args, stdout=full, stderr=subprocess.PIPE, timeout=60)
            err = p.stderr.decode()
            self.assertEqual(p.returncode, 2, args)
            self.assertEqual(err, "sessreport: cannot write to standard output\n")


class Demo(CliCase):
    def test_demo_prints_the_seed(self):
        rc, out, err = run(["demo"])
        self.assertEqual((rc, out), (0, SEED_PRETTY + "\n"))
        # one summary line: no error, no warning
        self.assertEqual(len(err.splitlines()), 1, err)
        self.assertTrue(err.startswith("demo: "), err)
        self.assertNotIn("SR_ERR_", err)
        self.assertIn("no errors and no warnings", err)
        self.assert_usage_error(["demo", "extra"], "unexpected argument 'extra'")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: test_cli.py PATH_TO_SESSREPORT EXPECTED_VERSION")
    BIN = os.path.abspath(sys.argv[1])
    VERSION = sys.argv[2]
    unittest.main(argv=[sys.argv[0]] + sys.argv[3:], verbosity=2)
