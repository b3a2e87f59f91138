"""Test helpers: build the site into a folder (the reference site of the fixture plans, or
any other plans folder), read its HTML as text, serve it on loopback."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

from kehoach.formats.htmltext import page_text, squash
from tests.plansdirs import FIXTURE_PLANS, ROOT

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "FIXTURE_PLANS", "ROOT", "TEST_SITE_URL", "build_reference",
           "build_site", "differing_files", "page_text", "serve", "squash", "tree_bytes",
           "tree_digests"]  # fmt: skip

CHROMIUM = Path("/usr/bin/chromium")  # Debian's; no browser is ever downloaded
# As root without a sandbox; no background connections, which this closed network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
FIXED_EPOCH = "1760054400"  # 10/10/2025: builds in tests are reproducible
SUB_PATH = "/kehoach/"  # tests serve the site here, as GitHub project pages would
# A public address, as a fork's GitHub Pages would have (feeds, open data and the embed code
# use it). Only the 404 page uses absolute links (it is served at any missing address); they
# start with the path of site_url, which is the sub-path the tests serve.
TEST_SITE_URL = f"https://example.github.io{SUB_PATH}"
# The reference site's settings, whatever the environment the tests run in (GitHub Actions
# sets GITHUB_REPOSITORY): edit links to a repository, both build processes, the navigation
# cache. A comparison build changes one of them (build_reference's ``changes``).
REFERENCE_SETTINGS = {"SITE_URL": TEST_SITE_URL, "GITHUB_REPOSITORY": "example/kehoach"}
REFERENCE_UNSET = ("REPO_URL", "GITHUB_SERVER_URL", "KEHOACH_WORKERS", "KEHOACH_NAVCACHE")


def build_site(
    out: Path,
    plans_dir: Path = FIXTURE_PLANS,
    *,
    strict: bool = True,
    quiet: bool = True,
    environ: Mapping[str, str] | None = None,
    epoch: str = FIXED_EPOCH,
) -> subprocess.CompletedProcess[str]:
    """Builds ``plans_dir`` (the fixture plans unless told) into ``out``, asserting success;
    the run (its log: ``quiet=False``). ``environ`` replaces the process's environment;
    ``epoch`` is the build moment (SOURCE_DATE_EPOCH, 10/10/2025 unless told)."""
    base = os.environ if environ is None else environ
    env = {
        **base,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": epoch,
        "SITE_URL": base.get("SITE_URL", TEST_SITE_URL),  # a test may set its own
        "PLANS_DIR": str(plans_dir),
    }
    command = [sys.executable, "-m", "mkdocs", "build", *(["-q"] if quiet else []), "-d", str(out)]
    if strict:
        command.append("--strict")
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def build_reference(out: Path, **changes: str) -> subprocess.CompletedProcess[str]:
    """Builds the fixture plans into ``out`` as the session's reference site is built
    (tests/conftest.py), with the settings in ``changes`` changed (e.g. KEHOACH_WORKERS="1");
    the run, with its log."""
    kept = {k: v for k, v in os.environ.items() if k not in REFERENCE_UNSET}
    return build_site(out, quiet=False, environ={**kept, **REFERENCE_SETTINGS, **changes})


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (its path relative to it) and its bytes: to compare builds."""
    paths = sorted(p for p in folder.rglob("*") if p.is_file())
    return {str(p.relative_to(folder)): p.read_bytes() for p in paths}


def tree_digests(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and the SHA-256 of its bytes: to see that a tree changed."""
    return {name: hashlib.sha256(data).hexdigest() for name, data in tree_bytes(folder).items()}


def differing_files(first: Mapping[str, object], second: Mapping[str, object]) -> list[str]:
    """The files (as tree_bytes or tree_digests give them) that two builds do not share byte
    for byte: on one side only, or with other bytes."""
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
