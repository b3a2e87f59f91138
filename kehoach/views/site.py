"""All the pages and files of the site, built from a validated catalog. No MkDocs here."""

from __future__ import annotations

from dataclasses import dataclass, field

from kehoach.catalog import Catalog
from kehoach.views.base import MarkdownRenderer, PageSpec, StaticFile
from kehoach.views.index import SiteIndex, build_index
from kehoach.views.plan import PlanView


@dataclass
class SiteData:
    index: SiteIndex
    pages: list[PageSpec] = field(default_factory=list)
    files: list[StaticFile] = field(default_factory=list)  # calendars, open data, feeds…

    def by_src_uri(self) -> dict[str, PageSpec]:
        return {page.src_uri: page for page in self.pages}


def build_site(catalog: Catalog) -> SiteData:
    index = build_index(catalog)
    md = MarkdownRenderer()
    site = SiteData(index)
    plans = PlanView(index, md)
    site.pages.extend(plans.page(plan_id) for plan_id in sorted(index.plans))
    return site
