"""MkDocs adapter: generate one page per spec built by the pure core (kehoach.views).

Only ``on_*`` functions are public; the data lives in the core, the HTML in overrides/.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kehoach.catalog import load_catalog
from kehoach.problems import DataError
from kehoach.views.publish import OPTIONS_KEY
from kehoach.views.site import SiteData, build_site

_state: dict[str, Any] = {}


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
    site = build_site(catalog, options=config.extra.get(OPTIONS_KEY))
    _state["site"] = site
    _state["pages"] = site.by_src_uri()
    _state["plans_dir"] = plans_dir
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site: SiteData = _state["site"]
    for spec in site.pages:
        existing = files.get_file_from_path(spec.src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, spec.src_uri, content=spec.markdown()))
    for static in site.files:
        files.append(File.generated(config, static.uri, content=static.content))
    return files


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


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    server.watch(str(_state["plans_dir"]))
    return server
