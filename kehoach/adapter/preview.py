"""The clerk's preview (KEHOACH_ONLY, `make serve ONLY=…`): the core's preview of one folder
(kehoach/site/preview.py) built by MkDocs; the templates mark its links to pages left out and
note its pages drawn from the previewed plans only, with what is given them here."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import Environment

from kehoach.adapter.state import BuildState
from kehoach.site.build import SiteData, build_site
from kehoach.site.pages.timeline_plan import build_moment
from kehoach.site.preview import (
    exact_pages,
    is_absent,
    own_provinces,
    present_urls,
    preview_catalog,
)
from kehoach.source.heads import HeadCache

# The heads of the plans outside the preview (their ids and places), kept by a `mkdocs serve`
# process from one rebuild to the next: only the files changed since are read again.
_HEADS = HeadCache()


def build(state: BuildState, only: Path) -> SiteData:
    """The preview's pages; remembers which of them are not those of a full build."""
    settings = state.settings
    catalog, scope = preview_catalog(settings.plans_dir, only, state.plan_tree(), _HEADS)
    moment = build_moment(settings.source_date_epoch)
    site = own_provinces(build_site(catalog, options=state.options, moment=moment), catalog)
    exact = exact_pages(site, catalog, scope)
    state.preview_partial = frozenset(p.src_uri for p in site.pages) - exact
    return site


def show_marks(env: Environment, uris: Iterable[str]) -> None:
    """What the templates of a preview holding the files ``uris`` (src_uri) need to mark its
    links to pages it lacks: the global ``kh_preview`` and the test ``kh_absent``
    (``{% if kh_preview and url is kh_absent %}``). Never called for a full build, whose
    pages are thus those it had before previews existed."""
    present = present_urls(uris)
    env.globals["kh_preview"] = True
    env.tests["kh_absent"] = lambda href: isinstance(href, str) and is_absent(href, present)


def page_context(context: dict[str, Any], state: BuildState, src_uri: str) -> None:
    """In a preview, ``kh_preview_note`` on a page drawn from the previewed plans only
    (overrides/partials/preview-note.html writes the note)."""
    if state.preview_partial is not None and src_uri in state.preview_partial:
        context["kh_preview_note"] = True
