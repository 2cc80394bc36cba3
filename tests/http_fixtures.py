"""A real HTTP server on 127.0.0.1 whose answers a test scripts (for the fetch and sources tests).

conftest's ``http_server`` serves corpora/ as static files; here every route is a reply or a
function of the request, so a test can script 429s, redirects, resets and slow answers, and
the server records when each request arrived and with which headers.
"""

from __future__ import annotations

import http.server
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Request:
    """What the server saw: the path, the headers (lower-case names), when, and the nth hit."""

    path: str
    headers: dict[str, str]
    at: float  # time.monotonic() on arrival
    n: int  # 1 for the first request to this path


@dataclass(frozen=True)
class Reply:
    """What the server answers; ``reset`` drops the connection with a TCP RST instead."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering
    reset: bool = False
    content_length: bool = True  # False: no Content-Length, the body ends when the connection closes
    truncate: int | None = None  # send only this many bytes of the body, then hang up
    drip: float = 0.0  # seconds between body chunks of 64 bytes (a slow-drip server)


Route = Reply | Callable[[Request], Reply]


class Server:
    """The routes and the log of one running server; unknown paths get a 404."""

    def __init__(self) -> None:
        self.base = ""
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, reply: Route) -> None:
        self.routes[path] = reply

    def hits(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def _record(self, path: str, headers: dict[str, str]) -> Request:
        with self._lock:
            n = sum(r.path == path for r in self.requests) + 1
            request = Request(path=path, headers=headers, at=time.monotonic(), n=n)
            self.requests.append(request)
            return request


class _Handler(http.server.BaseHTTPRequestHandler):
    server_state: Server  # set on the subclass made per server

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = urlsplit(self.path).path
        request = self.server_state._record(path, {k.lower(): v for k, v in self.headers.items()})
        route = self.server_state.routes.get(path, Reply(404, b"not found"))
        reply = route(request) if callable(route) else route
        if reply.delay:
            time.sleep(reply.delay)
        if reply.reset:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        self.send_response(reply.status)
        headers = {"Content-Type": "text/html; charset=utf-8"} | reply.headers
        for name, value in headers.items():
            self.send_header(name, value)
        if reply.content_length:
            self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        body = reply.body if reply.truncate is None else reply.body[:reply.truncate]
        if reply.drip:
            for start in range(0, len(body), 64):
                self.wfile.write(body[start:start + 64])
                self.wfile.flush()
                time.sleep(reply.drip)
        else:
            self.wfile.write(body)
        if reply.truncate is not None:
            self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True  # a handler still sleeping (timeout tests) never blocks shutdown

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that hang up early (size caps, timeouts) are the point of these tests


@contextmanager
def serve() -> Iterator[Server]:
    """Run a scripted server on 127.0.0.1 (a free port) for the duration of the block."""
    state = Server()
    handler = type("Handler", (_Handler,), {"server_state": state})
    httpd = _QuietServer(("127.0.0.1", 0), handler)
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02},
                              daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
