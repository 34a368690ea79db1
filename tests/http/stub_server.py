#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A loopback stand-in for the ThingSpace report endpoints (standard library only).

Listens on 127.0.0.1 with an ephemeral port, answers each POST with the next
entry of a script (the last entry repeats), and records every request it
receives (method, path, headers, body) as one JSON line in a log file.

Usage: stub_server.py --port-file FILE --log FILE --script JSON

The script is a JSON array of answers:
  {"status": 200, "body": <JSON value or string>, "headers": {"Retry-After": "1"}}
  {"hang": true}      accept the request and never answer
Once listening, the port is written to --port-file (atomically).
"""
import argparse
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class State:
    def __init__(self, script, log_path):
        self.script = script
        self.log_path = log_path
        self.count = 0
        self.lock = threading.Lock()

    def next_answer(self, record):
        with self.lock:
            answer = self.script[min(self.count, len(self.script) - 1)]
            self.count += 1
            with open(self.log_path, "a", encoding="utf-8") as log:
                log.write(json.dumps(record) + "\n")
        return answer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state = None  # set by main

    def log_message(self, fmt, *args):  # keep the test output quiet
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length).decode("utf-8", "replace")
        record = {"method": "POST", "path": self.path,
                  "headers": {k: v for k, v in self.headers.items()}, "body": body}
        answer = self.state.next_answer(record)
        if answer.get("hang"):
            time.sleep(answer.get("seconds", 60))
            return
        payload = answer.get("body", "")
        if not isinstance(payload, str):
            payload = json.dumps(payload)
        data = payload.encode("utf-8")
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
    args = ap.parse_args()
    script = json.loads(args.script)
    Handler.state = State(script, args.log)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    tmp = args.port_file + ".tmp"
    with open(tmp, "w", encoding="ascii") as f:
        f.write(str(server.server_address[1]))
    os.replace(tmp, args.port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
