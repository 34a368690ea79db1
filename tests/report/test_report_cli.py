#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Black-box tests of `sessreport report`: --endpoint, the guess and its
ambiguity, errors rows, '-' for absent counts, totals of what is present,
the 'N of M devices failed' line, and outside text printed escaped.

Usage: test_report_cli.py PATH_TO_SESSREPORT [unittest names...]
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

BIN = None
HOSTILE = "\x1b[2J\x1b]0;title\x07\nsessreport send: HTTP 200"


class ReportCli(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def report(self, body, *options):
        path = os.path.join(self.tmp, "response.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(body if isinstance(body, str) else json.dumps(body))
        return subprocess.run([BIN, "report", *options, path], capture_output=True, text=True,
                              timeout=30)

    def test_errors_rows_absent_counts_and_failed_line(self):
        body = {"txid": "t-1", "usage": [
            {"imei": "709312034493372", "numberOfSessions": 2},
            {"imei": "490154203237518", "numberOfSessions": None, "bytesTransferred": 1024},
            {"numberOfSessions": 3, "bytesTransferred": 9223372036854775807}],
            "errors": [
                {"imei": "356938035643809", "errorMessage": "Device not found"},
                {"imei": "353918057929012", "errorResponse": {
                    "errorCode": "INTERNAL_ERROR", "errorMessage": "try later",
                    "httpStatusCode": "423 LOCKED", "detailErrorMessage": "locked"}}]}
        for options in ([], ["--endpoint", "sync"], ["--endpoint=sync"]):
            p = self.report(body, *options)
            self.assertEqual(p.returncode, 0, p.stderr)
            lines = p.stdout.splitlines()
            self.assertEqual(lines[0], "txid: t-1")
            self.assertEqual(lines[2].split(), ["709312034493372", "2", "-", "-"])
            self.assertEqual(lines[3].split(), ["490154203237518", "-", "1024", "1.0", "KiB"])
            self.assertEqual(lines[4].split(), ["-", "3", "9223372036854775807", "8.0", "EiB"])
            # totals add only the counts that are there
            self.assertEqual(lines[5].split()[:5],
                             ["TOTAL", "(3", "devices)", "5", "9223372036854776831"])
            self.assertEqual(lines[6], "errors:")
            self.assertEqual(lines[7], "356938035643809: Device not found")
            self.assertEqual(lines[8],
                             "353918057929012: try later (INTERNAL_ERROR, HTTP 423 LOCKED): locked")
            self.assertEqual(p.stderr, "2 of 5 devices failed\n")

    def test_no_failed_line_without_errors(self):
        p = self.report({"txid": None, "usage": [{"imei": "1", "numberOfSessions": 1,
                                                  "bytesTransferred": 1}]})
        self.assertEqual((p.returncode, p.stderr), (0, ""))

    def test_ambiguous_guess_and_endpoint_choice(self):
        p = self.report({"txid": "t"})
        self.assertEqual(p.returncode, 1)
        self.assertIn("ambiguous", p.stderr)
        self.assertIn("--endpoint", p.stderr)
        self.assertEqual(p.stdout, "")
        p = self.report({"txid": "t"}, "--endpoint", "async")
        self.assertEqual((p.returncode, p.stdout), (0, "txid: t\n"))
        p = self.report({"txid": "t"}, "--endpoint", "sync")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(p.stdout.startswith("txid: t\n"))

    def test_short_error_body(self):
        body = {"errorCode": "INVALID_PARAMETER", "errorMessage": "Service Not Purchased"}
        for options in ([], ["--endpoint", "error"]):
            p = self.report(body, *options)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(p.stdout, "errorCode: INVALID_PARAMETER\n"
                                       "errorMessage: Service Not Purchased\n")

    def test_wrong_type_for_the_endpoint_exits_1(self):
        p = self.report({"usage": []}, "--endpoint", "async")
        self.assertEqual(p.returncode, 1)
        self.assertRegex(p.stderr, r"response\.json: SR_ERR_MISSING: /txid: ")
        p = self.report({"txid": 5}, "--endpoint", "sync")
        self.assertEqual(p.returncode, 1)
        self.assertRegex(p.stderr, r"response\.json: SR_ERR_TYPE: /txid: ")
        p = self.report({"usage": [{"numberOfSessions": 1.5}]})
        self.assertEqual(p.returncode, 1)
        self.assertRegex(p.stderr, r"SR_ERR_RANGE: /usage/0/numberOfSessions: ")
        p = self.report({"txid": "t", "status": "QUEUED", "x": 1}, "--endpoint", "async",
                        "--strict")
        self.assertEqual(p.returncode, 1)
        self.assertRegex(p.stderr, r"SR_ERR_UNKNOWN_FIELD: /x: ")
        p = self.report("", "--endpoint", "sync")
        self.assertEqual(p.returncode, 1)
        p = self.report({"txid": "t"}, "--endpoint", "callback")
        self.assertEqual(p.returncode, 2)

    def test_outside_text_is_escaped(self):
        bodies = [
            ({"txid": HOSTILE, "usage": [{"imei": HOSTILE, "numberOfSessions": 1}],
              "errors": [{"imei": HOSTILE, "errorMessage": HOSTILE, "errorResponse": {
                  "errorCode": HOSTILE, "httpStatusCode": HOSTILE,
                  "detailErrorMessage": HOSTILE}}]}, "sync"),
            ({"txid": HOSTILE, "status": HOSTILE}, "async"),
            ({"responseCode": HOSTILE, "message": HOSTILE, "fault": {
                "code": HOSTILE, "message": HOSTILE, "description": HOSTILE},
              "errorCode": HOSTILE, "errorMessage": HOSTILE}, "error"),
        ]
        for body, endpoint in bodies:
            p = self.report(body, "--endpoint", endpoint)
            self.assertEqual(p.returncode, 0, p.stderr)
            for out in (p.stdout, p.stderr):
                self.assertNotIn("\x1b", out)
                self.assertNotIn("\x07", out)
                for line in out.splitlines():
                    self.assertFalse(line.startswith("sessreport send"), line)
            self.assertIn("\\x1b[2J", p.stdout)


if __name__ == "__main__":
    BIN = sys.argv[1]
    unittest.main(argv=[sys.argv[0]] + sys.argv[2:], verbosity=2)
