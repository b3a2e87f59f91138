"""Every page of the public site except the plan pages, built from one shared lookup."""

from __future__ import annotations

from kehoach.site.index import SiteIndex
from kehoach.site.lookup import build_lookup
from kehoach.site.markdown import MarkdownRenderer
from kehoach.site.pages.documents import DocumentsView
from kehoach.site.pages.home import HomeView
from kehoach.site.pages.locality import LocalityView
from kehoach.site.pages.resources import ResourcesView
from kehoach.site.pages.unit import UnitView
from kehoach.site.spec import PageSpec


def public_pages(index: SiteIndex, md: MarkdownRenderer) -> list[PageSpec]:
    lookup = build_lookup(index)
    localities = LocalityView(lookup)
    return [
        HomeView(lookup, localities).page(),
        *localities.pages(),
        *UnitView(lookup, md).pages(),
        *DocumentsView(lookup).pages(),
        *ResourcesView(lookup).pages(),
    ]
