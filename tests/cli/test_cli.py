#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Black-box tests of the sessreport CLI: exit codes, the exact error line
format, stdin, several files, stdout/stderr separation, colour only on a
terminal, and `new`/`format`/`demo` output against the API's bytes.

Usage: test_cli.py PATH_TO_SESSREPORT EXPECTED_VERSION
"""
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


def problems(stderr):
    """(source, code, path) for each error line; fails on any other line."""
    out = []
    for line in stderr.splitlines():
        m = ERROR_LINE.match(line)
        if m is None:
            raise AssertionError("not an error line: %r" % line)
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
        rc, out, err = run(["validate", "-"], self.doc(accountNumber="12").encode())
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(problems(err), [("<stdin>", "SR_ERR_FORMAT", "/accountNumber")])

    def test_every_validation_problem_in_field_order(self):
        path = self.write("bad.json", self.doc(
            accountNumber="0844021539-0001",
            imei=["709312034493372", "709312034493373", "709312034493372"],
            noSessionFlag="maybe", deviceLabel=""))
        rc, out, err = run(["validate", path])
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(problems(err), [
            (path, "SR_ERR_FORMAT", "/accountNumber"),
            (path, "SR_ERR_FORMAT", "/imei/1"),
            (path, "SR_ERR_DUPLICATE", "/imei/2"),
            (path, "SR_ERR_FORMAT", "/noSessionFlag"),
            (path, "SR_ERR_RANGE", "/deviceLabel"),
        ])

    def test_more_problems_than_the_stack_buffer(self):
        bad = ["12345678901234" + str(d) for d in range(10)] * 5  # 50 items
        path = self.write("many.json", self.doc(imei=bad))
        rc, _, err = run(["validate", "--no-luhn", path])
        self.assertEqual(rc, 1)
        got = problems(err)
        self.assertEqual(len(got), 40)
        self.assertEqual(got[0], (path, "SR_ERR_DUPLICATE", "/imei/10"))
        self.assertEqual(got[-1], (path, "SR_ERR_DUPLICATE", "/imei/49"))

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
        self.assertEqual((rc, problems(err)), (1, [(path, "SR_ERR_FORMAT", "/imei/0")]))
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
        path = self.write("bad.json", self.doc(accountNumber="1"))
        rc, _, err = run(["validate", path])
        self.assertEqual(rc, 1)
        self.assertNotIn("\x1b", err)
        coloured = self.stderr_on_tty(["validate", path], {})
        self.assertIn("\x1b[1;31mSR_ERR_FORMAT\x1b[0m: /accountNumber: ", coloured)
        self.assertNotIn("\x1b", self.stderr_on_tty(["validate", path], {"NO_COLOR": "1"}))

    def stderr_on_tty(self, args, extra_env):
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
            self.assertEqual(p.wait(timeout=60), 1)
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
            ("<command-line>", "SR_ERR_FORMAT", "/accountNumber"),
            ("<command-line>", "SR_ERR_RANGE", "/endDate"),
            ("<command-line>", "SR_ERR_FORMAT", "/imei/0"),
        ])

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
        rc, out, err = run(["new", "--account", ACCOUNT, "--imei-file", path])
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(problems(err), [("<command-line>", "SR_ERR_DUPLICATE", "/imei/1")])
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


class WriteFailure(CliCase):
    @unittest.skipUnless(os.path.exists("/dev/full"), "needs /dev/full")
    def test_full_disk_is_not_success(self):
        path = self.write("seed.json", SEED_PRETTY)
        for args in (["demo"], ["format", path], ["new", "--account", ACCOUNT], ["--version"]):
            with open("/dev/full", "wb") as full:
                p = subprocess.run([BIN] + args, stdout=full, stderr=subprocess.PIPE, timeout=60)
            err = p.stderr.decode()
            self.assertEqual(p.returncode, 2, args)
            self.assertEqual(err, "sessreport: cannot write to standard output\n")


class Demo(CliCase):
    def test_demo_prints_the_seed(self):
        rc, out, err = run(["demo"])
        self.assertEqual((rc, out), (0, SEED_PRETTY + "\n"))
        self.assertEqual(len(err.splitlines()), 1, err)
        self.assertTrue(err.startswith("demo: "), err)
        self.assert_usage_error(["demo", "extra"], "unexpected argument 'extra'")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: test_cli.py PATH_TO_SESSREPORT EXPECTED_VERSION")
    BIN = os.path.abspath(sys.argv[1])
    VERSION = sys.argv[2]
    unittest.main(argv=[sys.argv[0]] + sys.argv[3:], verbosity=2)
