"""The clerk's preview (KEHOACH_ONLY, `make serve ONLY=…`): the core's preview of one folder
(kehoach/site/preview.py) built by MkDocs, then its links to pages left out marked."""

from __future__ import annotations

import os
from pathlib import Path

from kehoach.adapter.state import BuildState
from kehoach.site.build import SiteData, build_site
from kehoach.site.pages.timeline_plan import build_moment
from kehoach.site.preview import exact_pages, mark_links_out, note_partial, preview_catalog
from kehoach.source.heads import HeadCache

# The heads of the plans outside the preview (their ids and places), kept by a `mkdocs serve`
# process from one rebuild to the next: only the files changed since are read again.
_HEADS = HeadCache()


def build(state: BuildState, only: Path) -> SiteData:
    """The preview's pages; remembers which of them are not those of a full build."""
    settings = state.settings
    catalog, scope = preview_catalog(settings.plans_dir, only, state.plan_tree(), _HEADS)
    moment = build_moment(settings.source_date_epoch)
    site = build_site(catalog, options=state.options, moment=moment)
    exact = exact_pages(site, catalog, scope)
    state.preview_partial = frozenset(p.src_uri for p in site.pages) - exact
    return site


def mark(state: BuildState, site_dir: Path) -> None:
    """Every HTML page written: links to what the preview lacks marked, the pages drawn from
    the previewed plans only noted as such. Run once the pages are all written."""
    def present(target: str) -> bool:
        path = site_dir / target
        return path.is_file() or (path / "index.html").is_file()

    partial = state.preview_partial or frozenset()
    for folder, _dirs, names in os.walk(site_dir):
        for name in (n for n in names if n.endswith(".html")):
            page = Path(folder, name)
            relative = page.relative_to(site_dir).as_posix()
            url = relative.removesuffix("index.html") if name == "index.html" else relative
            html = page.read_text(encoding="utf-8")
            marked = mark_links_out(html, url, present, state.settings.site_url)
            if f"{url}index.md" in partial:
                marked = note_partial(marked)
            if marked != html:
                page.write_text(marked, encoding="utf-8")
