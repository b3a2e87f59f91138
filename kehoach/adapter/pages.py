"""The site's pages: one generated MkDocs page per spec built by the pure core
(kehoach.site), and the static files (calendars, open data, feeds) written beside them.

The data lives in the core, the HTML in overrides/. Most of what is here keeps the memory of
a national build in check (~70,000 pages): see kehoach/adapter/compat.py for the parts that
rely on MkDocs' internals.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kehoach.adapter import compat, parallel, preview, state, templatecache
from kehoach.adapter.state import Process
from kehoach.site.build import SiteData, build_site
from kehoach.site.outpath import UnsafePathError, output_path
from kehoach.site.pages.timeline_plan import build_moment
from kehoach.source.catalog import load_catalog
from kehoach.source.problems import DataError


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build = state.of(config)
    try:
        if build.settings.only is not None:  # a clerk's preview of one folder
            build.site = preview.build(build, build.settings.only)
            build.pages = build.site.by_src_uri()
            return config
        workers = build.settings.workers if parallel.enabled(build) else 1
        catalog = load_catalog(build.settings.plans_dir, tree=build.plan_tree(), workers=workers)
    except DataError as exc:
        # Stop before anything is written: a build never publishes part of a site.
        raise PluginError(
            "Dữ liệu kế hoạch chưa hợp lệ; chạy `make check` để xem chi tiết.\n" + str(exc)
        ) from None
    try:
        moment = build_moment(build.settings.source_date_epoch)
        site = build_site(catalog, options=build.options, moment=moment)
    except UnsafePathError as exc:  # refused by the core before anything is written
        raise PluginError(f"Dừng dựng trang (build stopped): {exc}") from None
    build.site = site
    build.pages = site.by_src_uri()
    _freeze_heap()
    return config


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    build = state.of(config)
    templatecache.keep_compiled(env, build.startup)
    if build.preview_partial is not None:  # a clerk's preview: its links out marked
        preview.show_marks(env, build.uris)
    # partials/as-of.html, on every page: the day the activities' statuses are computed for.
    env.globals["kh_as_of"] = build.site_data().as_of
    compat.fast_view_attributes(env)
    # Every page has been read by now: their Files no longer need their specs, which the
    # state holds until post_build (the navigation's held the whole site data to the end).
    # What MkDocs holds for them lives until the end too.
    for file in files:
        compat.release_source(file)
    _freeze_heap()
    # With a second process (kehoach/adapter/parallel.py), it writes them while the build
    # renders.
    if build.process is not Process.BUILD:
        _write_static_files(build.site_data(), Path(config.site_dir))
    return env


def _freeze_heap() -> None:
    """The site data and MkDocs' pages live for the whole build. Python's cyclic garbage
    collector would walk all of them (millions of objects nationally) at every full
    collection, which rendering triggers again and again: frozen, they are left out of those
    walks (gc.freeze). Nothing is leaked: on_post_build unfreezes them before they are freed."""
    gc.collect()
    gc.freeze()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = state.of(config)
    site = build.site_data()
    for spec in site.pages:
        existing = files.get_file_from_path(spec.src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(compat.generated_page(config, spec.src_uri, spec))
    build.static_uris = frozenset(static.uri for static in site.files)
    return files


def _write_static_files(site: SiteData, site_dir: Path) -> None:
    """Calendars, open data and feeds go straight to site_dir (cleaned by MkDocs before
    on_files), each built and dropped in turn: as MkDocs files they would all be held in
    memory (~270 MB nationally). Written before the pages in the same process, whose
    open-data page states their sizes (noted as they are written, else measured)."""
    for static in site.files:
        target = output_path(site_dir, static.uri)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as out:
                out.writelines(static.chunks())
        except OSError as exc:  # a full disk or a read-only folder: say so, no traceback
            raise PluginError(
                f"Không ghi được tệp {target} ({exc.strerror}): ổ đĩa đầy hoặc không có quyền "
                "ghi? (Could not write a file of the site.)"
            ) from None


def on_post_build(config: MkDocsConfig) -> None:
    # The site data is no longer needed: freed before the search hook waits for its
    # indexing process to write the index, so that the memory is there for it.
    build = state.of(config)
    build.site = None
    build.pages = {}
    gc.unfreeze()
    gc.collect()
    compat.release_free_memory()  # so that it is there for the search index


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    spec = state.of(config).pages.get(page.file.src_uri)
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
    spec = state.of(config).pages.get(page.file.src_uri)
    if spec is not None:
        context["view"] = spec.view()
        context["source_path"] = spec.source_path
        context["facets"] = spec.facets
    preview.page_context(context, state.of(config), page.file.src_uri)
    return context


def on_nav(nav: Any, config: MkDocsConfig, files: Files) -> Any:
    state.of(config).in_nav = frozenset(page.file.src_uri for page in nav.pages)
    return nav


@event_priority(-100)  # last: the page has been rendered
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # MkDocs keeps every page until the end of the build. Once written, a generated page
    # needs no more what it was rendered with (its front matter: title and description,
    # as Markup), unless the navigation shows it on other pages.
    build = state.of(config)
    uri = page.file.src_uri
    if uri in build.pages and uri not in build.in_nav:
        page.meta = {}
        compat.forget_anchors(page)  # a generated page's Markdown has no headings
    compat.bound_url_cache()
    return output


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    settings = state.of(config).settings
    # A preview watches its folder and the registry, not the whole country's files.
    watched = [settings.only, settings.plans_dir / "registry"] if settings.only else \
        [settings.plans_dir]
    for path in watched:
        server.watch(str(path))
    return server
