#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A loopback stand-in for the ThingSpace endpoints (standard library only).

Listens on 127.0.0.1 with an ephemeral port and answers each POST with the
next entry of the script of its route (the last entry repeats), recording
every request it receives (method, path, headers, body) as one JSON line in
a log file. Routes, by the end of the path:
  .../oauth2/token     the OAuth token endpoint (--oauth, default: a token)
  .../session/login    the M2M login (--login, default: a session token)
  anything else        the report endpoints (--script)

Usage: stub_server.py --port-file FILE --log FILE --script JSON
                      [--oauth JSON] [--login JSON] [--lifetime SECONDS]

A script is a JSON array of answers:
  {"status": 200, "body": <JSON value or string>, "headers": {"Retry-After": "1"}}
  {"hang": true, "seconds": 30}   accept the request and answer nothing
In a body, "$N" becomes the number of requests the route has received (1 for
the first), so that each default token is new. Once listening, the port is
written to --port-file (atomically). The server stops by itself after
--lifetime seconds (default 90), whatever its parent does.
"""
import argparse
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DEFAULT_OAUTH = [{"status": 200, "body": {"access_token": "oauth-tok-$N",
                                          "token_type": "Bearer", "expires_in": 3600}}]
DEFAULT_LOGIN = [{"status": 200, "body": {"sessionToken": "session-tok-$N"}}]


class Route:
    def __init__(self, script):
        self.script = script
        self.count = 0


class State:
    def __init__(self, routes, log_path, lifetime):
        self.routes = routes
        self.log_path = log_path
        self.lifetime = lifetime
        self.lock = threading.Lock()

    def route_for(self, path):
        if path.endswith("/oauth2/token"):
            return self.routes["oauth"]
        if path.endswith("/session/login"):
            return self.routes["login"]
        return self.routes["report"]

    def next_answer(self, record):
        with self.lock:
            route = self.route_for(record["path"])
            answer = route.script[min(route.count, len(route.script) - 1)]
            route.count += 1
            with open(self.log_path, "a", encoding="utf-8") as log:
                log.write(json.dumps(record) + "\n")
            return answer, route.count


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state = None  # set by main

    def log_message(self, fmt, *args):  # keep the test output quiet
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(min(length, 1 << 24)).decode("utf-8", "replace")
        record = {"method": self.command, "path": self.path,
                  "headers": {k: v for k, v in self.headers.items()}, "body": body}
        answer, n = self.state.next_answer(record)
        if answer.get("hang"):
            time.sleep(min(answer.get("seconds", 30), self.state.lifetime))
            return
        payload = answer.get("body", "")
        if not isinstance(payload, str):
            payload = json.dumps(payload)
        data = payload.replace("$N", str(n)).encode("utf-8")
        self.send_response(answer.get("status", 200))
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in answer.get("headers", {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--script", required=True)
    ap.add_argument("--oauth", default=json.dumps(DEFAULT_OAUTH))
    ap.add_argument("--login", default=json.dumps(DEFAULT_LOGIN))
    ap.add_argument("--lifetime", type=float, default=90.0)
    args = ap.parse_args()
    routes = {"report": Route(json.loads(args.script)), "oauth": Route(json.loads(args.oauth)),
              "login": Route(json.loads(args.login))}
    Handler.state = State(routes, args.log, args.lifetime)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    tmp = args.port_file + ".tmp"
    with open(tmp, "w", encoding="ascii") as f:
        f.write(str(server.server_address[1]))
    os.replace(tmp, args.port_file)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    time.sleep(args.lifetime)  # then stop, even if nobody stops us
    server.shutdown()


if __name__ == "__main__":
    main()
