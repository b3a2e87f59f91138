"""Build and serve a site for the benchmarks (scripts/bench_search.py, scripts/audit.py).

``serving`` serves a built site on 127.0.0.1 under the sub-path PREFIX only, as GitHub
project pages do, with text files gzip-compressed when the client asks (as a static host
would), and counts the bytes it sends: what a reader downloads is measured as on the real host.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "/kehoach/"
TEXT_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class Log:
    """Bytes the server sent, per path, since the last reset, and the requests it is still
    answering (``busy``: a request the browser has finished may not be logged yet)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sent: list[tuple[str, int]] = []
        self.busy = 0

    def begin(self) -> None:
        with self.lock:
            self.busy += 1

    def end(self) -> None:
        with self.lock:
            self.busy -= 1

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.sent.append((path, size))

    def take(self) -> list[tuple[str, int]]:
        with self.lock:
            sent, self.sent = self.sent, []
        return sent


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under PREFIX only; text files gzip-compressed when the client asks."""

    log: ClassVar[Log]  # both set per server by serving()
    cache: ClassVar[dict[Path, bytes]]

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.log.begin()
        try:
            self._answer()
        finally:
            self.log.end()

    def _answer(self) -> None:
        path = self.path.split("?", 1)[0]
        if not path.startswith(PREFIX):
            self.send_error(404)
            return
        file = Path(self.translate_path("/" + path[len(PREFIX) :]))
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            self.send_error(404)
            return
        body = file.read_bytes()
        gzipped = file.suffix in TEXT_TYPES and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = self.cache.get(file) or self.cache.setdefault(file, gzip.compress(body, 6))
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Length", str(len(body)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)
        self.log.add(path[len(PREFIX) :], len(body))


@contextmanager
def serving(site: Path, log: Log) -> Iterator[str]:
    handler = type("BenchHandler", (Handler,), {"log": log, "cache": {}})
    factory = functools.partial(handler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), factory)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()


def build(plans: Path, out: Path) -> None:
    """``mkdocs build`` of ``plans`` into ``out`` (the benchmarks measure a real build)."""
    env = {**os.environ, "PLANS_DIR": str(plans.resolve()), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out.resolve())]
    print(f"build: {plans} -> {out}", file=sys.stderr)
    subprocess.run(command, cwd=ROOT, env=env, check=True)
