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
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from pagefind.service import get_executable

from kehoach.search import (
    COMMON_MIN_PAGES,
    SEARCH_URL,
    common_words,
    filter_pairs,
    prepare_page,
)

OUTPUT = "pagefind"
LANGUAGE = "vi"
COMMON_FILE = "kehoach-common.json"  # words on most pages, read by docs/assets/search.js
# Words per index chunk (Pagefind's own setting, marked unstable, so pinned with pagefind-bin):
# smaller chunks than the default mean a query for a place name downloads ~35 KB of index
# instead of ~250 KB on the national data set, for 5 KB more of index metadata.
CHUNK_SIZE = "1000"
_log = logging.getLogger("mkdocs.hooks.search")


@dataclass(frozen=True)
class IndexStats:
    pages: int  # pages added to the index
    skipped: int  # HTML files left out: no data-pagefind-body, or a kind not indexed


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["search_filters"] = filter_pairs
    env.globals["kh_search_url"] = SEARCH_URL
    return env


def on_post_build(config: MkDocsConfig) -> None:
    stats = index_site(Path(config.site_dir))
    _log.info("Pagefind: %d trang được lập chỉ mục tìm kiếm, %d trang bỏ qua",
              stats.pages, stats.skipped)


def index_site(site_dir: Path, *, min_pages: int = COMMON_MIN_PAGES) -> IndexStats:
    """(Re)build ``site_dir/pagefind/`` from the HTML files of ``site_dir``, with COMMON_FILE
    beside Pagefind's files (``min_pages``: see kehoach.search.common_words; for tests)."""
    binary = get_executable()
    if binary is None:
        raise PluginError(
            "Không tìm thấy chương trình Pagefind (the Pagefind binary is missing): "
            "cài gói pagefind-bin theo requirements.txt (`make setup`)."
        )
    output = site_dir / OUTPUT
    shutil.rmtree(output, ignore_errors=True)
    # Pagefind reads the prepared pages (kehoach.search.prepare_page) from a scratch folder,
    # so the published HTML stays as MkDocs wrote it.
    with tempfile.TemporaryDirectory(prefix="kehoach-search-") as scratch:
        stats, counts = _prepare(site_dir, output, Path(scratch))
        command = [str(binary), "--site", scratch, "--output-path", str(output),
                   "--force-language", LANGUAGE, "--silent"]
        env = {**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": CHUNK_SIZE}
        result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise PluginError(f"Pagefind lỗi (failed):\n{result.stdout}{result.stderr}")
    payload = {"pages": stats.pages, "common": common_words(counts, stats.pages, min_pages)}
    (output / COMMON_FILE).write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return stats


def _prepare(site_dir: Path, output: Path, scratch: Path) -> tuple[IndexStats, Counter[str]]:
    pages = skipped = 0
    counts: Counter[str] = Counter()  # indexed pages holding each folded word
    for path in sorted(site_dir.rglob("*.html")):
        if output in path.parents:
            continue
        prepared = prepare_page(path.read_text(encoding="utf-8"))
        if prepared is None:
            skipped += 1
            continue
        target = scratch / path.relative_to(site_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(prepared.html, encoding="utf-8")
        counts.update(prepared.words)
        pages += 1
    return IndexStats(pages, skipped), counts
