"""MkDocs adapter for search: index the built site with Pagefind at the end of every build.

The index is written to ``<site_dir>/pagefind/``; the search page (``tim-kiem/``, drawn by
overrides/search.html and docs/assets/search.js) queries it in the browser. Which pages are
indexed, and with which metadata and filters, is decided by the templates
(``data-pagefind-*`` attributes); kehoach.search adds the folded copy of the words with đ.
Only ``on_*`` functions are MkDocs hooks; ``index_site`` is also used by the tests.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from pagefind.service import get_executable

from kehoach.search import COMMON_MIN_PAGES, SEARCH_URL, common_words, filter_pairs
from kehoach.search_prep import BackgroundPreparer, PreparedSite, prepare_folder

OUTPUT = "pagefind"
LANGUAGE = "vi"
COMMON_FILE = "kehoach-common.json"  # words on most pages, read by docs/assets/search.js
# Words per index chunk (Pagefind's own setting, marked unstable, so pinned with pagefind-bin):
# smaller chunks than the default mean a query for a place name downloads ~35 KB of index
# instead of ~250 KB on the national data set, for 5 KB more of index metadata.
CHUNK_SIZE = "1000"
_log = logging.getLogger("mkdocs.hooks.search")


_state: dict[str, Any] = {}


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["search_filters"] = filter_pairs
    env.globals["kh_search_url"] = SEARCH_URL
    return env


def on_pre_build(config: MkDocsConfig) -> None:
    # Pages are prepared for Pagefind in a second process while MkDocs renders the next ones
    # (kehoach.search_prep); Pagefind reads them from a scratch folder, so the published
    # HTML stays as MkDocs wrote it.
    scratch = tempfile.TemporaryDirectory(prefix="kehoach-search-")
    _state["scratch"] = scratch
    _state["preparer"] = BackgroundPreparer(Path(scratch.name))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if output.strip():  # empty: not written by this process (hooks/parallel.py)
        _state["preparer"].add(page.file.dest_uri, output)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    preparer: BackgroundPreparer = _state.pop("preparer")
    with _state.pop("scratch") as scratch:
        prepared = preparer.finish()
        _run_pagefind(Path(config.site_dir), Path(scratch), prepared, COMMON_MIN_PAGES)
    _log.info("Pagefind: %d trang được lập chỉ mục tìm kiếm, %d trang bỏ qua",
              prepared.pages, prepared.skipped)  # fmt: skip


def on_build_error(error: Exception) -> None:
    preparer = _state.pop("preparer", None)
    if preparer is not None:
        preparer.cancel()
    scratch = _state.pop("scratch", None)
    if scratch is not None:
        scratch.cleanup()


def index_site(site_dir: Path, *, min_pages: int = COMMON_MIN_PAGES) -> PreparedSite:
    """(Re)build ``site_dir/pagefind/`` from the HTML files of an already built ``site_dir``,
    with COMMON_FILE beside Pagefind's files (``min_pages``: see
    kehoach.search.common_words; for tests). The build itself prepares pages as it writes
    them (on_post_page) and shares the rest (_run_pagefind)."""
    with tempfile.TemporaryDirectory(prefix="kehoach-search-") as scratch:
        prepared = prepare_folder(site_dir, Path(scratch), skip=site_dir / OUTPUT)
        _run_pagefind(site_dir, Path(scratch), prepared, min_pages)
        return prepared


def _run_pagefind(site_dir: Path, scratch: Path, prepared: PreparedSite, min_pages: int) -> None:
    binary = get_executable()
    if binary is None:
        raise PluginError(
            "Không tìm thấy chương trình Pagefind (the Pagefind binary is missing): "
            "cài gói pagefind-bin theo requirements.txt (`make setup`)."
        )
    output = site_dir / OUTPUT
    shutil.rmtree(output, ignore_errors=True)
    command = [str(binary), "--site", str(scratch), "--output-path", str(output),
               "--force-language", LANGUAGE, "--silent"]  # fmt: skip
    env = {**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": CHUNK_SIZE}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise PluginError(f"Pagefind lỗi (failed):\n{result.stdout}{result.stderr}")
    common = common_words(prepared.counts, prepared.pages, min_pages)
    payload = {"pages": prepared.pages, "common": common}
    (output / COMMON_FILE).write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
