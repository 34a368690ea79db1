#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Black-box tests of `sessreport send` and `sessreport report` against the
loopback stand-in server (stub_server.py), started by each test on
127.0.0.1 with an ephemeral port.

Usage: test_send_cli.py PATH_TO_SESSREPORT [unittest names...]
"""
import base64
import json
import os
import re
import shlex
import socket
import subprocess
import sys
import tempfile
import time
import unittest

BIN = None
HERE = os.path.dirname(os.path.abspath(__file__))
ACCESS = "tok-ACCESS-8f3c1e"
M2M = "tok-M2M-77d2ab"
CLIENT_ID = "client-4d1"
CLIENT_SECRET = "csecret-Zq7x"
USERNAME = "m2m-user"
PASSWORD = "pw-9vL2"
# Every secret, and the stub's fetched tokens (oauth-tok-N, session-tok-N).
SECRETS = (ACCESS, M2M, CLIENT_SECRET, PASSWORD, "oauth-tok-", "session-tok-")
CREDENTIALS = {"THINGSPACE_CLIENT_ID": CLIENT_ID, "THINGSPACE_CLIENT_SECRET": CLIENT_SECRET,
               "THINGSPACE_USERNAME": USERNAME, "THINGSPACE_PASSWORD": PASSWORD}
UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")

REQUEST = {"accountNumber": "0844021539-00001",
           "startDate": "2022-12-09T22:01:06.217Z", "endDate": "2022-12-09T22:01:08.734Z",
           "imei": ["709312034493372"], "deviceGroup": "deviceGroup4"}
REQUEST_COMPACT = json.dumps(REQUEST, separators=(",", ":"))
SYNC_BODY = {"txid": "6a1f-22", "usage": [
    {"imei": "709312034493372", "numberOfSessions": 9007199254740993,
     "bytesTransferred": 1536}]}
ASYNC_BODY = {"txid": "2c90f5e5-0001", "status": "QUEUED"}
ERROR_BODY = {"responseCode": "400", "message": "imei list is malformed",
              "fault": {"code": "SVC-400", "message": "Bad Request",
                        "description": "imei 1 is not 15 digits"}}


def luhn_imei(first14):
    """first14 followed by its Luhn check digit."""
    total = 0
    for i, ch in enumerate(first14):
        d = int(ch) * (2 if i % 2 == 1 else 1)
        total += d - 9 if d > 9 else d
    return first14 + str((10 - total % 10) % 10)


class Server:
    """stub_server.py in a child process; .requests() reads its log."""

    def __init__(self, tmp, script, oauth=None, login=None):
        tmp = tempfile.mkdtemp(dir=tmp)  # one folder a server
        self.port_file = os.path.join(tmp, "port")
        self.log = os.path.join(tmp, "requests.jsonl")
        args = [sys.executable, os.path.join(HERE, "stub_server.py"), "--port-file",
                self.port_file, "--log", self.log, "--lifetime", "60",
                "--script", json.dumps(script)]
        if oauth is not None:
            args += ["--oauth", json.dumps(oauth)]
        if login is not None:
            args += ["--login", json.dumps(login)]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not os.path.exists(self.port_file):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("stub server did not start")
            time.sleep(0.02)
        with open(self.port_file, encoding="ascii") as f:
            self.port = int(f.read())
        self.url = "http://127.0.0.1:%d" % self.port
        self.oauth_url = self.url + "/api/ts/v1/oauth2/token"
        self.login_url = self.url + "/api/m2m/v1/session/login"

    def requests(self, path_end=None):
        if not os.path.exists(self.log):
            return []
        with open(self.log, encoding="utf-8") as f:
            reqs = [json.loads(line) for line in f if line.strip()]
        return [r for r in reqs if path_end is None or r["path"].endswith(path_end)]

    def stop(self):
        self.proc.kill()
        self.proc.wait()


class CliTest(unittest.TestCase):
    def setUp(self):
        self.tmp_dir = tempfile.TemporaryDirectory()
        self.tmp = self.tmp_dir.name
        self.servers = []
        self.request_file = self.write("request.json", REQUEST_COMPACT)

    def tearDown(self):
        for s in self.servers:
            s.stop()
        self.tmp_dir.cleanup()

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def server(self, script, oauth=None, login=None):
        s = Server(self.tmp, script, oauth, login)
        self.servers.append(s)
        return s

    def run_cli(self, args, env_tokens=True, timeout=60, env_extra=None):
        env = {k: v for k, v in os.environ.items() if not k.startswith("THINGSPACE_")}
        if env_tokens:
            env["THINGSPACE_ACCESS_TOKEN"] = ACCESS
            env["THINGSPACE_M2M_TOKEN"] = M2M
        env.update(env_extra or {})
        start = time.monotonic()
        p = subprocess.run([BIN] + args, env=env, capture_output=True, text=True,
                           errors="replace", timeout=timeout)
        p.elapsed = time.monotonic() - start
        # No secret or token may ever appear in what the CLI prints.
        for secret in SECRETS:
            self.assertNotIn(secret, p.stdout)
            self.assertNotIn(secret, p.stderr)
        return p

    def send(self, endpoint, url, *extra, **kw):
        return self.run_cli(["send", "--endpoint", endpoint, "--base-url", url, *extra,
                             self.request_file], **kw)

    def assert_secret_equal(self, actual, expected, what):
        """assertEqual that never prints the values: they are secrets."""
        self.assertTrue(actual == expected, "%s differs from what was expected" % what)

    def assert_headers(self, req, path):
        h = req["headers"]
        self.assertEqual(req["method"], "POST")
        self.assertEqual(req["path"], path)
        self.assert_secret_equal(h["Authorization"], "Bearer " + ACCESS, "Authorization")
        self.assert_secret_equal(h["VZ-M2M-Token"], M2M, "VZ-M2M-Token")
        self.assertEqual(h["Content-Type"], "application/json")
        self.assertEqual(h["Accept"], "application/json")
        self.assertRegex(h["Idempotency-Key"], UUID4)
        self.assertEqual(req["body"], REQUEST_COMPACT)


class SendCli(CliTest):
    def test_sync_200(self):
        s = self.server([{"status": 200, "body": SYNC_BODY}])
        p = self.send("sync", s.url)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout), SYNC_BODY)
        self.assertIn("9007199254740993", p.stdout)  # exact, not through a double
        self.assertIn("HTTP 200 after 1 attempt", p.stderr)
        reqs = s.requests()
        self.assertEqual(len(reqs), 1)
        self.assert_headers(reqs[0], "/report/aggregate")

    def test_async_200(self):
        s = self.server([{"status": 202, "body": ASYNC_BODY}])
        p = self.send("async", s.url + "/")  # a trailing slash is tolerated
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout), ASYNC_BODY)
        reqs = s.requests()
        self.assertEqual(len(reqs), 1)
        self.assert_headers(reqs[0], "/report/async/aggregate")

    def test_error_400_with_body(self):
        s = self.server([{"status": 400, "body": ERROR_BODY}])
        p = self.send("sync", s.url)
        self.assertEqual(p.returncode, 1)
        self.assertIn("HTTP 400: imei list is malformed", p.stderr)
        self.assertEqual(json.loads(p.stdout), ERROR_BODY)
        self.assertEqual(len(s.requests()), 1)  # 4xx is not retried

    def test_503_then_200_is_retried_with_the_same_key(self):
        s = self.server([{"status": 503, "body": {"message": "busy"}},
                         {"status": 200, "body": SYNC_BODY}])
        p = self.send("sync", s.url)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("HTTP 200 after 2 attempts", p.stderr)
        reqs = s.requests()
        self.assertEqual(len(reqs), 2)
        for r in reqs:
            self.assert_headers(r, "/report/aggregate")
        self.assertEqual(reqs[0]["headers"]["Idempotency-Key"],
                         reqs[1]["headers"]["Idempotency-Key"])
        self.assertIn(reqs[0]["headers"]["Idempotency-Key"], p.stderr)
        # first backoff: 1 s plus up to 50 % jitter
        self.assertGreaterEqual(p.elapsed, 0.9)

    def test_429_honours_retry_after(self):
        s = self.server([{"status": 429, "headers": {"Retry-After": "2"}},
                         {"status": 200, "body": SYNC_BODY}])
        p = self.send("sync", s.url)
        self.assertEqual(p.returncode, 0, p.stderr)
        reqs = s.requests()
        self.assertEqual(len(reqs), 2)
        self.assertEqual(reqs[0]["headers"]["Idempotency-Key"],
                         reqs[1]["headers"]["Idempotency-Key"])
        self.assertGreaterEqual(p.elapsed, 1.9)  # 2 s, not the 1 s backoff

    def test_retries_stop_after_three(self):
        # Retry-After: 0 keeps the test fast; 1 attempt + 3 retries.
        s = self.server([{"status": 503, "headers": {"Retry-After": "0"},
                          "body": {"message": "busy"}}])
        p = self.send("sync", s.url)
        self.assertEqual(p.returncode, 1)
        self.assertIn("HTTP 503 after 4 attempts", p.stderr)
        self.assertIn("HTTP 503: busy", p.stderr)
        keys = {r["headers"]["Idempotency-Key"] for r in s.requests()}
        self.assertEqual(len(s.requests()), 4)
        self.assertEqual(len(keys), 1)

    def test_each_send_has_its_own_key(self):
        s = self.server([{"status": 200, "body": SYNC_BODY}])
        self.assertEqual(self.send("sync", s.url).returncode, 0)
        self.assertEqual(self.send("sync", s.url).returncode, 0)
        keys = [r["headers"]["Idempotency-Key"] for r in s.requests()]
        self.assertEqual(len(keys), 2)
        self.assertNotEqual(keys[0], keys[1])

    def test_server_that_never_answers_times_out(self):
        s = self.server([{"hang": True, "seconds": 30}])
        p = self.send("sync", s.url, "--timeout", "2", timeout=20)
        self.assertEqual(p.returncode, 1)
        self.assertIn("no answer from", p.stderr)
        self.assertRegex(p.stderr, "(?i)timeout|timed out")
        self.assertGreaterEqual(p.elapsed, 1.8)
        self.assertLess(p.elapsed, 6)
        self.assertEqual(p.stdout, "")

    def test_connection_refused(self):
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        sock.close()  # nothing listens there now
        # nothing was sent: retried (the first backoff fits in 3 s, not all)
        p = self.send("sync", "http://127.0.0.1:%d" % port, "--timeout", "3")
        self.assertEqual(p.returncode, 1)
        self.assertIn("no answer from http://127.0.0.1:%d/report/aggregate" % port, p.stderr)
        self.assertRegex(p.stderr, r"after [234] attempts")
        self.assertRegex(p.stderr, "(?i)connect")

    def test_plain_http_to_other_hosts_is_refused(self):
        for url in ("http://example.com", "http://10.0.0.1:8080/v1", "http://127.0.0.1.nip.io",
                    "http://[::2]:80", "ftp://127.0.0.1"):
            p = self.send("sync", url, timeout=10)
            self.assertEqual(p.returncode, 2, url)
            self.assertIn("sessreport send: ", p.stderr)
            self.assertTrue("refusing plain http://" in p.stderr or "scheme" in p.stderr
                            or "not an absolute" in p.stderr, p.stderr)
            self.assertLess(p.elapsed, 5)
        p = self.send("sync", "http://example.com", timeout=10)
        self.assertIn("non-loopback host 'example.com'", p.stderr)

    def test_loopback_names_are_allowed(self):
        s = self.server([{"status": 200, "body": SYNC_BODY}])
        p = self.send("sync", "http://localhost:%d" % s.port)
        # localhost may resolve to ::1 first; curl falls back to 127.0.0.1
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_missing_token(self):
        p = self.run_cli(["send", "--endpoint", "sync", self.request_file], env_tokens=False)
        self.assertEqual(p.returncode, 2)
        self.assertIn("THINGSPACE_ACCESS_TOKEN is not set", p.stderr)

    def test_invalid_request_is_not_sent(self):
        s = self.server([{"status": 202, "body": ASYNC_BODY}])
        twelve = dict(REQUEST, imei=[luhn_imei("4901542032%04d" % i) for i in range(12)])
        self.request_file = self.write("twelve.json", json.dumps(twelve))
        p = self.send("sync", s.url)
        self.assertEqual(p.returncode, 1)
        self.assertIn("twelve.json: SR_ERR_RANGE: /imei: ", p.stderr)
        self.assertEqual(s.requests(), [])
        # the asynchronous endpoint takes up to 10000
        p = self.send("async", s.url)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(len(s.requests()), 1)
        # every problem is listed, nothing sent
        bad = dict(REQUEST, accountNumber="", noSessionFlag="maybe")
        self.request_file = self.write("bad.json", json.dumps(bad))
        p = self.send("async", s.url)
        self.assertEqual(p.returncode, 1)
        self.assertIn("bad.json: SR_ERR_FORMAT: /accountNumber: ", p.stderr)
        self.assertIn("bad.json: SR_ERR_FORMAT: /noSessionFlag: ", p.stderr)
        self.assertEqual(len(s.requests()), 1)

    def test_tokens_never_printed(self):
        # every path that prints something: refused URL, bad option value,
        # transport failure, error body echoing the request headers
        s = self.server([{"status": 401, "body": {"message": "token expired"}}])
        for args in (["--base-url", "http://example.com"], ["--base-url", s.url],
                     ["--base-url", "http://127.0.0.1:9", "--timeout", "2"]):
            p = self.run_cli(["send", "--endpoint", "sync", *args, self.request_file])
            self.assertNotEqual(p.returncode, 0)
            self.assertTrue(p.stderr)
        self.assert_secret_equal(s.requests()[0]["headers"]["Authorization"], "Bearer " + ACCESS,
                                 "Authorization")


class SendAuthCli(CliTest):
    """send from credentials alone: the token endpoints of the stand-in."""

    def send_creds(self, s, endpoint="sync", *extra, **kw):
        return self.run_cli(["send", "--endpoint", endpoint, "--base-url", s.url,
                             "--oauth-url", s.oauth_url, "--login-url", s.login_url, *extra,
                             self.request_file], env_tokens=False, env_extra=CREDENTIALS, **kw)

    def test_credentials_alone(self):
        s = self.server([{"status": 200, "body": SYNC_BODY}])
        p = self.send_creds(s)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout), SYNC_BODY)
        oauth, login = s.requests("/oauth2/token"), s.requests("/session/login")
        self.assertEqual((len(oauth), len(login)), (1, 1))
        basic = base64.b64encode(("%s:%s" % (CLIENT_ID, CLIENT_SECRET)).encode()).decode()
        self.assert_secret_equal(oauth[0]["headers"]["Authorization"], "Basic " + basic,
                                 "the Basic header")
        self.assertEqual(oauth[0]["body"], "grant_type=client_credentials")
        self.assertEqual(oauth[0]["headers"]["Content-Type"],
                         "application/x-www-form-urlencoded")
        self.assert_secret_equal(json.loads(login[0]["body"]),
                                 {"username": USERNAME, "password": PASSWORD}, "the login body")
        report = s.requests("/report/aggregate")
        self.assertEqual(len(report), 1)
        self.assert_secret_equal(report[0]["headers"]["Authorization"], "Bearer oauth-tok-1",
                                 "Authorization")
        self.assert_secret_equal(report[0]["headers"]["VZ-M2M-Token"], "session-tok-1",
                                 "VZ-M2M-Token")

    def test_credentials_take_precedence(self):
        s = self.server([{"status": 200, "body": SYNC_BODY}])
        env = dict(CREDENTIALS, THINGSPACE_ACCESS_TOKEN=ACCESS, THINGSPACE_M2M_TOKEN=M2M)
        p = self.run_cli(["send", "--endpoint", "sync", "--base-url", s.url, "--oauth-url",
                          s.oauth_url, "--login-url", s.login_url, self.request_file],
                         env_tokens=False, env_extra=env)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assert_secret_equal(s.requests("/report/aggregate")[0]["headers"]["Authorization"],
                                 "Bearer oauth-tok-1", "Authorization")

    def test_refresh_on_401_once(self):
        s = self.server([{"status": 401, "body": {"message": "expired"}},
                         {"status": 200, "body": SYNC_BODY}])
        p = self.send_creds(s)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("HTTP 200 after 2 attempts", p.stderr)
        self.assertEqual(len(s.requests("/oauth2/token")), 2)
        self.assertEqual(len(s.requests("/session/login")), 2)
        self.assert_secret_equal(s.requests("/report/aggregate")[1]["headers"]["Authorization"],
                                 "Bearer oauth-tok-2", "Authorization")
        s = self.server([{"status": 401, "body": {"message": "still no"}}])
        p = self.send_creds(s)
        self.assertEqual(p.returncode, 1)
        self.assertIn("HTTP 401: still no", p.stderr)
        self.assertEqual(len(s.requests("/report/aggregate")), 2)  # refreshed once only

    def test_failed_login_is_not_repeated(self):
        s = self.server([{"status": 200, "body": SYNC_BODY}],
                        login=[{"status": 401, "body": {"message": "bad credentials"}}])
        p = self.send_creds(s)
        self.assertEqual(p.returncode, 1)
        self.assertIn("the M2M login failed: HTTP 401: bad credentials", p.stderr)
        self.assertIn("nothing was sent", p.stderr)
        self.assertEqual(len(s.requests("/session/login")), 1)
        self.assertEqual(s.requests("/report/aggregate"), [])

    def test_oauth_reply_without_token(self):
        s = self.server([{"status": 200, "body": SYNC_BODY}],
                        oauth=[{"status": 200, "body": {"token_type": "Bearer"}}])
        p = self.send_creds(s)
        self.assertEqual(p.returncode, 1)
        self.assertIn("no usable access_token", p.stderr)
        self.assertEqual(s.requests("/report/aggregate"), [])

    def test_half_a_credential_pair(self):
        p = self.run_cli(["send", "--endpoint", "sync", self.request_file], env_tokens=False,
                         env_extra={"THINGSPACE_CLIENT_ID": CLIENT_ID,
                                    "THINGSPACE_M2M_TOKEN": M2M})
        self.assertEqual(p.returncode, 2)
        self.assertIn("THINGSPACE_CLIENT_ID is set but THINGSPACE_CLIENT_SECRET is not",
                      p.stderr)

    def test_token_urls_follow_the_http_rule(self):
        s = self.server([{"status": 200, "body": SYNC_BODY}])
        for flag in ("--oauth-url", "--login-url"):
            p = self.run_cli(["send", "--endpoint", "sync", "--base-url", s.url, flag,
                              "http://auth.example.com/token", self.request_file],
                             env_tokens=False, env_extra=CREDENTIALS, timeout=10)
            self.assertEqual(p.returncode, 2, flag)
            self.assertIn("refusing plain http://", p.stderr)
        self.assertEqual(s.requests(), [])

    def test_sandbox(self):
        p = self.run_cli(["send", "--help"])
        self.assertIn("https://mock.thingspace.verizon.com/api/hyper-precise/v1", p.stdout)
        for var in ("THINGSPACE_CLIENT_ID", "THINGSPACE_CLIENT_SECRET", "THINGSPACE_USERNAME",
                    "THINGSPACE_PASSWORD", "THINGSPACE_ACCESS_TOKEN", "THINGSPACE_M2M_TOKEN"):
            self.assertIn(var, p.stdout)
        p = self.run_cli(["send", "--endpoint", "sync", "--sandbox", "--base-url",
                          "http://127.0.0.1:1", self.request_file])
        self.assertEqual(p.returncode, 2)
        # the sandbox with a plain-http token URL elsewhere: refused before connecting
        p = self.run_cli(["send", "--endpoint", "sync", "--sandbox", "--oauth-url",
                          "http://mock.example/token", self.request_file],
                         env_tokens=False, env_extra=CREDENTIALS, timeout=10)
        self.assertEqual(p.returncode, 2)


class SendPolicyCli(CliTest):
    """What is retried, headers, and what send prints."""

    def test_unsafe_statuses_are_not_retried(self):
        for status in (500, 502, 504):
            s = self.server([{"status": status, "body": {"message": "oops"}},
                             {"status": 200, "body": SYNC_BODY}])
            p = self.send("sync", s.url)
            self.assertEqual(p.returncode, 1, status)
            self.assertIn("HTTP %d after 1 attempt, not retried" % status, p.stderr)
            self.assertEqual(len(s.requests()), 1)
        s = self.server([{"status": 500, "headers": {"Retry-After": "0"}},
                         {"status": 502, "headers": {"Retry-After": "0"}},
                         {"status": 504, "headers": {"Retry-After": "0"}},
                         {"status": 200, "body": SYNC_BODY}])
        p = self.send("sync", s.url, "--retry-unsafe")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("HTTP 200 after 4 attempts", p.stderr)
        self.assertEqual(len({r["headers"]["Idempotency-Key"] for r in s.requests()}), 1)

    def test_portal_initiated(self):
        s = self.server([{"status": 202, "body": ASYNC_BODY}])
        self.assertEqual(self.send("async", s.url).returncode, 0)
        self.assertEqual(self.send("async", s.url, "--portal-initiated", "true").returncode, 0)
        self.send("sync", s.url, "--portal-initiated", "false")
        reqs = s.requests()
        self.assertNotIn("X-Portal-Initiated", reqs[0]["headers"])
        self.assertEqual(reqs[1]["headers"]["X-Portal-Initiated"], "true")
        self.assertNotIn("X-Portal-Initiated", reqs[2]["headers"])  # sync: never
        p = self.send("async", s.url, "--portal-initiated", "yes")
        self.assertEqual(p.returncode, 2)

    def test_empty_success_fails(self):
        for answer in ({"status": 204}, {"status": 200, "body": ""},
                       {"status": 200, "body": "[]"}):
            s = self.server([answer])
            p = self.send("sync", s.url)
            self.assertEqual(p.returncode, 1, answer)
            self.assertIn("sessreport send: body: ", p.stderr)
            self.assertEqual(p.stdout, "")

    def test_server_text_is_escaped(self):
        forged = ("\x1b[2J\x1b]0;pwned\x07\x07\nsessreport send: HTTP 200 after 1 attempt\n"
                  "\x9b31m")
        for answer in ({"status": 400, "body": {"message": forged}},
                       {"status": 502, "body": forged},
                       {"status": 200, "body": forged},
                       {"status": 409, "body": {"unknown": forged}}):
            s = self.server([answer])
            p = self.send("sync", s.url)
            self.assertEqual(p.returncode, 1, answer)
            for ch in ("\x1b", "\x07", "\x9b"):
                self.assertNotIn(ch, p.stderr)
            # stdout is JSON: C0 controls are \u escapes there (U+009B is
            # the JSON encoder's business, printed as UTF-8)
            for ch in ("\x1b", "\x07"):
                self.assertNotIn(ch, p.stdout)
            # the forged line never starts a line of its own
            self.assertNotIn("sessreport send: HTTP 200 after 1 attempt",
                             [line.strip() for line in p.stderr.splitlines()])
            self.assertNotIn("\nsessreport send: HTTP 200 after 1 attempt\n", p.stderr)
            # shown, escaped (by the CLI, or already by the JSON the server sent)
            self.assertTrue("\\x1b[2J" in p.stderr or "\\u001b[2J" in p.stderr, p.stderr)

    def test_unknown_error_body_shows_the_body(self):
        s = self.server([{"status": 418, "body": {"teapot": True}}])
        p = self.send("sync", s.url)
        self.assertEqual(p.returncode, 1)
        self.assertNotIn("{}", p.stdout)
        self.assertNotIn("no error message", p.stderr)
        self.assertIn('body: {"teapot": true}', p.stderr)

    def test_warnings_are_printed_not_fatal(self):
        s = self.server([{"status": 202, "body": ASYNC_BODY}])
        self.request_file = self.write("warn.json", json.dumps(
            dict(REQUEST, accountNumber="12", imei=["709312034493371"])))
        p = self.send("async", s.url)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("warn.json: warning: SR_ERR_FORMAT: /accountNumber: ", p.stderr)
        self.assertIn("warn.json: warning: SR_ERR_FORMAT: /imei/0: ", p.stderr)
        self.assertEqual(len(s.requests()), 1)
        p = self.send("async", s.url, "--warnings-as-errors")
        self.assertEqual(p.returncode, 1)
        self.assertEqual(len(s.requests()), 1)  # not sent
        p = self.send("async", s.url, "--no-warnings")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertNotIn("warning", p.stderr)
        self.assertEqual(len(s.requests()), 2)

    def test_errors_rows_are_shown(self):
        body = dict(SYNC_BODY, errors=[
            {"imei": "490154203237518", "errorMessage": None,
             "errorResponse": {"errorCode": "DEV-404", "errorMessage": "unknown device\x07"}},
            {"imei": "353456789012347", "errorMessage": "not on this account"}])
        s = self.server([{"status": 200, "body": body}])
        p = self.send("sync", s.url)
        self.assertEqual(p.returncode, 0, p.stderr)  # the report itself was answered
        self.assertEqual(len(json.loads(p.stdout)["errors"]), 2)
        self.assertIn("sessreport send: device 490154203237518: unknown device\\x07\n",
                      p.stderr)
        self.assertIn("sessreport send: device 353456789012347: not on this account\n",
                      p.stderr)
        self.assertIn("sessreport send: 2 of 3 devices failed\n", p.stderr)
        self.assertNotIn("\x07", p.stderr)

    def test_urls_are_shown_as_sent(self):
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        sock.close()
        p = self.send("sync", "http://127.0.0.1:%d/" % port, "--timeout", "1")
        self.assertIn("no answer from http://127.0.0.1:%d/report/aggregate " % port, p.stderr)
        long_path = "/" + "a" * 1500
        p = self.send("sync", "http://127.0.0.1:%d%s" % (port, long_path), "--timeout", "1")
        self.assertIn(long_path + "/report/aggregate", p.stderr)  # not cut


class SendSplitCli(CliTest):
    """send --split: a sync request of 25 IMEIs in parts of 10, 10 and 5."""

    IMEIS = [luhn_imei("3567890123%04d" % i) for i in range(25)]

    def setUp(self):
        super().setUp()
        self.request_file = self.write("many.json", json.dumps(dict(REQUEST, imei=self.IMEIS)))

    def answer(self, part, imeis):
        rows = [{"imei": imei, "numberOfSessions": i, "bytesTransferred": 100 * i}
                for i, imei in enumerate(imeis)]
        return {"status": 200, "body": {"txid": "tx-%d" % part, "usage": rows}}

    def test_three_parts_one_merged_report(self):
        parts = [self.IMEIS[0:10], self.IMEIS[10:20], self.IMEIS[20:25]]
        answers = [self.answer(i + 1, p) for i, p in enumerate(parts)]
        # the last two devices of part 2 failed: errors rows instead of usage
        answers[1]["body"]["usage"] = answers[1]["body"]["usage"][:8]
        answers[1]["body"]["errors"] = [
            {"imei": imei, "errorMessage": "device not found \x1b[2J"}
            for imei in parts[1][8:]]
        s = self.server(answers)
        p = self.send("sync", s.url, "--split")
        self.assertEqual(p.returncode, 0, p.stderr)
        reqs = s.requests()
        self.assertEqual([json.loads(r["body"])["imei"] for r in reqs], parts)
        for r in reqs:  # every other field copied
            self.assertEqual(json.loads(r["body"])["accountNumber"], REQUEST["accountNumber"])
        self.assertEqual(len({r["headers"]["Idempotency-Key"] for r in reqs}), 3)
        merged = json.loads(p.stdout)
        self.assertEqual(len(merged["usage"]) + len(merged["errors"]), 25)
        self.assertEqual([row["imei"] for row in merged["usage"]],
                         self.IMEIS[:18] + self.IMEIS[20:])
        self.assertEqual([row["imei"] for row in merged["errors"]], self.IMEIS[18:20])
        self.assertIn("sessreport send: 2 of 25 devices failed", p.stderr)
        self.assertIn("sessreport send: device %s: device not found \\x1b[2J"
                      % self.IMEIS[18], p.stderr)
        self.assertEqual(merged["txid"], "tx-1")
        for i in range(3):
            self.assertIn("part %d of 3: HTTP 200 after 1 attempt" % (i + 1), p.stderr)

    def test_a_failed_part_names_the_parts_sent(self):
        s = self.server([self.answer(1, self.IMEIS[0:10]),
                         {"status": 400, "body": {"message": "bad part"}}])
        p = self.send("sync", s.url, "--split")
        self.assertEqual(p.returncode, 1)
        self.assertIn("part 2 of 3: HTTP 400", p.stderr)
        self.assertIn("part 2 of 3 failed; parts already sent: 1 (txid tx-1)", p.stderr)
        self.assertEqual(len(s.requests()), 2)  # the third part is not sent
        self.assertNotIn('"usage"', p.stdout)

    def test_without_split_the_limit_holds(self):
        s = self.server([self.answer(1, self.IMEIS)])
        p = self.send("sync", s.url)
        self.assertEqual(p.returncode, 1)
        self.assertIn("SR_ERR_RANGE: /imei: ", p.stderr)
        self.assertEqual(s.requests(), [])
        p = self.send("async", s.url, "--split")
        self.assertEqual(p.returncode, 2)


class ReadmeSendExample(CliTest):
    """The README's send example, run as written with only the four
    credential variables set (the example starts the stand-in server)."""

    def test_readme_send_example(self):
        root = os.path.dirname(os.path.dirname(HERE))
        text = open(os.path.join(root, "README.md"), encoding="utf-8").read()
        marker = "<!-- send-example:begin -->"
        self.assertIn(marker, text)
        text = text[text.index(marker):]
        start = text.index("```sh\n") + len("```sh\n")
        block = text[start:text.index("```", start)]
        bindir = os.path.join(self.tmp, "bin")
        os.mkdir(bindir)
        os.symlink(os.path.abspath(BIN), os.path.join(bindir, "sessreport"))
        os.symlink(os.path.join(root, "tests"), os.path.join(self.tmp, "tests"))
        env = {k: v for k, v in os.environ.items() if not k.startswith("THINGSPACE_")}
        env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
        # files, not pipes: the server the block starts in the background
        # must not keep our read open
        out_path, err_path = os.path.join(self.tmp, "out"), os.path.join(self.tmp, "err")
        with open(out_path, "w") as out, open(err_path, "w") as err:
            rc = subprocess.run(["bash", "-ec", block], cwd=self.tmp, env=env, stdout=out,
                                stderr=err, timeout=60).returncode
        stdout = open(out_path, encoding="utf-8", errors="replace").read()
        stderr = open(err_path, encoding="utf-8", errors="replace").read()
        self.assertEqual(rc, 0, stdout + stderr)
        self.assertIn("HTTP 200 after 1 attempt", stderr)
        self.assertIn('"usage"', stdout)
        for secret in ("my-client-secret", "my-password"):
            self.assertNotIn(secret, stdout + stderr)
        for name in ("THINGSPACE_CLIENT_ID", "THINGSPACE_USERNAME"):
            self.assertIn(name, block)
        self.assertNotIn("THINGSPACE_ACCESS_TOKEN", block)
        self.assertNotIn("THINGSPACE_M2M_TOKEN", block)


class ClientExample(CliTest):
    """examples/client.c (the program of docs/responses.md) against the stub."""

    def test_prints_the_usage_rows(self):
        client = os.environ.get("SR_CLIENT_EXAMPLE")
        if not client:
            self.fail("SR_CLIENT_EXAMPLE is not set")
        s = self.server([{"status": 200, "body": SYNC_BODY}])
        env = dict(os.environ, THINGSPACE_ACCESS_TOKEN=ACCESS, THINGSPACE_M2M_TOKEN=M2M)
        p = subprocess.run([client, s.url], env=env, capture_output=True, text=True, timeout=30)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout, "709312034493372: 9007199254740993 sessions, 1536 bytes\n")
        self.assertEqual(len(s.requests()), 1)


class ReportCli(CliTest):
    def report(self, body):
        path = self.write("response.json", body if isinstance(body, str) else json.dumps(body))
        return self.run_cli(["report", path])

    def test_sync_table(self):
        body = {"txid": "6a1f-22", "usage": [
            {"imei": "709312034493372", "numberOfSessions": 12, "bytesTransferred": 1536},
            {"imei": "490154203237518", "numberOfSessions": 3,
             "bytesTransferred": 9223372036854775807}]}
        p = self.report(body)
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stdout.splitlines()
        self.assertEqual(lines[0], "txid: 6a1f-22")
        self.assertEqual(lines[1].split(), ["IMEI", "SESSIONS", "BYTES", "SIZE"])
        self.assertEqual(lines[2].split(), ["709312034493372", "12", "1536", "1.5", "KiB"])
        self.assertEqual(lines[3].split(),
                         ["490154203237518", "3", "9223372036854775807", "8.0", "EiB"])
        # exact total beyond int64
        self.assertEqual(lines[4].split(),
                         ["TOTAL", "(2", "devices)", "15", "9223372036854777343", "8.0", "EiB"])

    def test_empty_usage_and_null_txid(self):
        p = self.report({"txid": None, "usage": []})
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stdout.splitlines()
        self.assertEqual(lines[0], "txid: null")
        self.assertEqual(lines[2].split(), ["TOTAL", "(0", "devices)", "0", "0", "0", "B"])

    def test_async_and_error_body(self):
        p = self.report(ASYNC_BODY)
        self.assertEqual((p.returncode, p.stdout), (0, "txid: 2c90f5e5-0001\nstatus: QUEUED\n"))
        p = self.report(ERROR_BODY)
        self.assertEqual(p.returncode, 0)
        self.assertIn("message: imei list is malformed\n", p.stdout)
        self.assertIn("fault.description: imei 1 is not 15 digits\n", p.stdout)

    def test_bad_documents(self):
        p = self.report({"usage": [{"imei": "1", "numberOfSessions": 1.5,
                                    "bytesTransferred": 1}]})
        self.assertEqual(p.returncode, 1)
        self.assertRegex(p.stderr, r"response\.json: SR_ERR_RANGE: /usage/0/numberOfSessions: ")
        p = self.report('{"usage": [}')
        self.assertEqual(p.returncode, 1)
        self.assertRegex(p.stderr, r"response\.json:1:12: SR_ERR_SYNTAX: : ")
        p = self.report({"hello": 1})
        self.assertEqual(p.returncode, 1)
        self.assertIn("not a known response", p.stderr)
        p = self.run_cli(["report", os.path.join(self.tmp, "missing.json")])
        self.assertEqual(p.returncode, 2)


if __name__ == "__main__":
    BIN = sys.argv[1]
    unittest.main(argv=[sys.argv[0]] + sys.argv[2:], verbosity=2)
