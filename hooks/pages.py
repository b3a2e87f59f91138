"""MkDocs adapter: generate one page per spec built by the pure core (kehoach.site).

Only ``on_*`` functions are public; the data lives in the core, the HTML in overrides/.
"""

from __future__ import annotations

import ctypes
import gc
import os
from pathlib import Path
from typing import Any

import mkdocs.utils
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kehoach.site.build import SiteData, build_site
from kehoach.site.options import OPTIONS_KEY, PROCESS_KEY, STATIC_URIS_KEY
from kehoach.site.outpath import UnsafePathError, output_path
from kehoach.site.spec import PageSpec
from kehoach.source.catalog import load_catalog
from kehoach.source.problems import DataError

_state: dict[str, Any] = {}
_URL_PARTS_KEPT = 20_000  # entries of MkDocs' URL cache (below)
_NO_ANCHORS: set[str] = set()  # shared by the generated pages once written; never changed


def _plans_dir(config: MkDocsConfig) -> Path:
    configured = os.environ.get("PLANS_DIR") or config.extra.get("plans_dir", "plans")
    path = Path(configured)
    return path if path.is_absolute() else Path(config.config_file_path).parent / path


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plans_dir = _plans_dir(config)
    try:
        catalog = load_catalog(plans_dir)
    except DataError as exc:
        # Stop before anything is written: a build never publishes part of a site.
        raise PluginError(
            "Dữ liệu kế hoạch chưa hợp lệ; chạy `make check` để xem chi tiết.\n" + str(exc)
        ) from None
    try:
        site = build_site(catalog, options=config.extra.get(OPTIONS_KEY))
    except UnsafePathError as exc:  # refused by the core before anything is written
        raise PluginError(f"Dừng dựng trang (build stopped): {exc}") from None
    _state["site"] = site
    _state["pages"] = site.by_src_uri()
    _state["plans_dir"] = plans_dir
    _freeze_heap()
    return config


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    # Every page has been read by now: what MkDocs holds for them lives until the end too.
    _freeze_heap()
    # With a second process (hooks/parallel.py), it writes them while the build renders.
    if config.extra.get(PROCESS_KEY) != "build":
        _write_static_files(_state["site"], Path(config.site_dir))
    return env


def _freeze_heap() -> None:
    """The site data and MkDocs' pages live for the whole build. Python's cyclic garbage
    collector would walk all of them (millions of objects nationally) at every full
    collection, which rendering triggers again and again: frozen, they are left out of those
    walks (gc.freeze). Nothing is leaked: on_post_build unfreezes them before they are freed."""
    gc.collect()
    gc.freeze()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site: SiteData = _state["site"]
    for spec in site.pages:
        existing = files.get_file_from_path(spec.src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(_SpecFile.of(config, spec))
    config.extra[STATIC_URIS_KEY] = frozenset(static.uri for static in site.files)
    return files


class _SpecFile(File):
    """A generated page whose Markdown (its front matter) is written when MkDocs reads it.

    Held as text, the front matter of every page would stay in memory from on_files to the
    end (~35 MB nationally), in both processes of a parallel build (hooks/parallel.py)."""

    _spec: PageSpec

    @classmethod
    def of(cls, config: MkDocsConfig, spec: PageSpec) -> _SpecFile:
        file = cls.generated(config, spec.src_uri, content="")
        assert isinstance(file, cls)  # made by cls
        file._spec = spec
        return file

    @property  # type: ignore[misc]  # read-only: nothing sets a generated page's text
    def content_string(self) -> str:
        return self._spec.markdown()


def _write_static_files(site: SiteData, site_dir: Path) -> None:
    """Calendars, open data and feeds go straight to site_dir (cleaned by MkDocs before
    on_files), each built and dropped in turn: as MkDocs files they would all be held in
    memory (~270 MB nationally). Written before the pages in the same process, whose
    open-data page states their sizes (noted as they are written, else measured)."""
    for static in site.files:
        target = output_path(site_dir, static.uri)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(static.content)
        except OSError as exc:  # a full disk or a read-only folder: say so, no traceback
            raise PluginError(
                f"Không ghi được tệp {target} ({exc.strerror}): ổ đĩa đầy hoặc không có quyền "
                "ghi? (Could not write a file of the site.)"
            ) from None


def on_post_build(config: MkDocsConfig) -> None:
    # The site data is no longer needed: freed before the search hook waits for its
    # indexing process to write the index, so that the memory is there for it.
    _state.pop("site", None)
    _state.pop("pages", None)
    gc.unfreeze()
    gc.collect()
    _release_free_memory()


def _release_free_memory() -> None:
    """Hands the memory freed above back to the system (glibc keeps it for the process
    otherwise), so that it is there for the search index. Elsewhere than glibc, nothing to do."""
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    trim = getattr(libc, "malloc_trim", None)
    if trim is not None:
        trim(0)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    spec = _state["pages"].get(page.file.src_uri)
    if spec is not None:
        # MkDocs treats titles as HTML and Material prints title and description unescaped
        # (<title>, <meta content="…">, header, footer): give them escaped, marked safe.
        page.meta["title"] = escape(spec.title)
        if spec.description:
            page.meta["description"] = escape(spec.description)
    return markdown


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    spec = _state["pages"].get(page.file.src_uri)
    if spec is not None:
        context["view"] = spec.view()
        context["source_path"] = spec.source_path
        context["facets"] = spec.facets
    return context


def on_nav(nav: Any, config: MkDocsConfig, files: Files) -> Any:
    _state["in_nav"] = {page.file.src_uri for page in nav.pages}
    return nav


@event_priority(-100)  # last: the page has been rendered
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # MkDocs keeps every page until the end of the build. Once written, a generated page
    # needs no more what it was rendered with (its front matter: title and description,
    # as Markup), unless the navigation shows it on other pages.
    uri = page.file.src_uri
    if uri in _state["pages"] and uri not in _state["in_nav"]:
        page.meta = {}
        if not page.present_anchor_ids:  # a generated page's Markdown has no headings
            page.present_anchor_ids = _NO_ANCHORS
    _bound_url_cache()
    return output


def _bound_url_cache() -> None:
    """MkDocs caches, without limit, the parts of every URL it makes relative (the url filter,
    mkdocs.utils._norm_parts): ~10 a page, ~40 MB nationally by the end. Emptied now and then,
    it holds what the next pages need (the same few links on every page) and no more."""
    norm_parts = getattr(mkdocs.utils, "_norm_parts", None)  # private: may go away
    info = getattr(norm_parts, "cache_info", None)
    if info is not None and info().currsize > _URL_PARTS_KEPT:
        norm_parts.cache_clear()  # type: ignore[union-attr]


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    server.watch(str(_state["plans_dir"]))
    return server
