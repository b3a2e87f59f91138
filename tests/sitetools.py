"""Test helpers: build the site into a folder, read its HTML as text, serve it on loopback."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from kehoach.formats.htmltext import page_text, squash

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "ROOT", "build_site", "differing_files", "page_text",
           "serve", "squash", "tree_bytes"]  # fmt: skip

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")  # Debian's; no browser is ever downloaded
# As root without a sandbox; no background connections, which this closed network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
FIXED_EPOCH = "1760054400"  # 10/10/2025: builds in tests are reproducible
SUB_PATH = "/kehoach/"  # tests serve the site here, as GitHub project pages would
# Only the 404 page uses absolute links (it is served at any missing address); they start
# with the path of site_url, which the tests set to the sub-path they serve.
TEST_SITE_URL = f"http://127.0.0.1{SUB_PATH}"


def build_site(
    out: Path, plans_dir: Path | None = None, *, strict: bool = True, quiet: bool = True
) -> subprocess.CompletedProcess[str]:
    """Builds the site into ``out``, asserting success; the run (its log: ``quiet=False``)."""
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": FIXED_EPOCH,
        "SITE_URL": os.environ.get("SITE_URL", TEST_SITE_URL),  # a test may set its own
    }
    if plans_dir is not None:
        env["PLANS_DIR"] = str(plans_dir)
    command = [sys.executable, "-m", "mkdocs", "build", *(["-q"] if quiet else []), "-d", str(out)]
    if strict:
        command.append("--strict")
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (its path relative to it) and its bytes: to compare builds."""
    paths = sorted(p for p in folder.rglob("*") if p.is_file())
    return {str(p.relative_to(folder)): p.read_bytes() for p in paths}


def differing_files(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    """The files (as tree_bytes gives them) that two builds do not share byte for byte: on one
    side only, or with other bytes."""
    both = first.keys() & second.keys()
    return sorted((first.keys() ^ second.keys()) | {n for n in both if first[n] != second[n]})


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _SubPathHandler(_QuietHandler):
    """Serves the site only under a sub-path, as GitHub project pages do."""

    prefix = SUB_PATH

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return "/nonexistent-outside-sub-path"
        return super().translate_path("/" + path[len(self.prefix) :])


@contextlib.contextmanager
def serve(directory: Path, *, sub_path: bool = True) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port); yields the site's base URL."""
    handler = _SubPathHandler if sub_path else _QuietHandler
    factory = functools.partial(handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), factory)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        yield base + (_SubPathHandler.prefix if sub_path else "/")
    finally:
        server.shutdown()
        server.server_close()
