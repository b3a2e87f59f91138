"""Search: index the built pages at the end of every build.

The index (kehoach.search.index) is written to ``<site_dir>/chi-muc-tim-kiem/``, and its
manifest into the search page (``tim-kiem/``, drawn by overrides/search.html and
docs/assets/search.js), which queries it in the browser. Which pages are indexed, and with
which metadata and filters, is decided by the templates (``data-search-*`` attributes).
``index_site`` indexes a site already built (the tests use it).
"""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kehoach.adapter import compat, state
from kehoach.adapter.compat import theme_script
from kehoach.adapter.state import BuildState
from kehoach.search.index import IndexSummary, embed_manifest
from kehoach.search.prep import BackgroundPreparer, PreparedSite, prepare_folder
from kehoach.search.text import COMMON_MIN_PAGES, filter_pairs
from kehoach.site import routes

_log = logging.getLogger("mkdocs.hooks.search")


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["search_filters"] = filter_pairs
    env.globals["kh_search_url"] = routes.SEARCH
    env.globals["kh_theme_script"] = theme_script()  # Material's, which search.js loads
    return env


def on_pre_build(config: MkDocsConfig) -> None:
    # Pages are read for the index in a second process while MkDocs renders the next ones
    # (kehoach.search.prep), which writes the index once the last page is in.
    state.of(config).preparer = BackgroundPreparer(Path(config.site_dir) / routes.SEARCH_INDEX)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # Skipped (empty): not written by this process (kehoach/adapter/parallel.py).
    if not compat.is_skipped(output):
        _preparer(state.of(config)).add(page.file.dest_uri, output)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    build = state.of(config)
    preparer, build.preparer = _preparer(build), None
    summary, skipped = preparer.finish()
    _embed_manifest(Path(config.site_dir))
    _log_summary(summary, skipped)


def on_build_error(error: Exception) -> None:
    build = state.current()
    if build is not None and build.preparer is not None:
        preparer, build.preparer = build.preparer, None
        preparer.cancel()


def _preparer(build: BuildState) -> BackgroundPreparer:
    if build.preparer is None:
        raise RuntimeError("the search index was not started (on_pre_build)")
    return build.preparer


def index_site(site_dir: Path, *, min_pages: int = COMMON_MIN_PAGES) -> IndexSummary:
    """(Re)builds the index of an already built ``site_dir`` (``min_pages``: see
    kehoach.search.text.common_words; for tests). The build itself indexes pages as it writes
    them (on_post_page)."""
    summary = prepare_folder(site_dir, PreparedSite(site_dir / routes.SEARCH_INDEX, min_pages))
    _embed_manifest(site_dir)
    return summary


def _embed_manifest(site_dir: Path) -> None:
    embed_manifest(site_dir / routes.SEARCH_INDEX, site_dir / routes.SEARCH_PAGE_FILE)


def _log_summary(summary: IndexSummary, skipped: int) -> None:
    _log.info("Tìm kiếm: %d trang được lập chỉ mục (%d từ, %d tệp), %d trang bỏ qua",
              summary.pages, summary.words, summary.shards, skipped)  # fmt: skip
