"""All the pages of the site, built from a validated catalog. No MkDocs here."""

from __future__ import annotations

from dataclasses import dataclass, field

from kehoach.catalog import Catalog
from kehoach.views.base import MarkdownRenderer, PageSpec
from kehoach.views.index import SiteIndex, build_index
from kehoach.views.plan import PlanView


@dataclass
class SiteData:
    index: SiteIndex
    pages: list[PageSpec] = field(default_factory=list)

    def by_src_uri(self) -> dict[str, PageSpec]:
        return {page.src_uri: page for page in self.pages}


def build_site(catalog: Catalog) -> SiteData:
    index = build_index(catalog)
    md = MarkdownRenderer()
    plans = PlanView(index, md)
    pages = [plans.page(plan_id) for plan_id in sorted(index.plans)]
    return SiteData(index, pages)
