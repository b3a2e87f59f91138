"""Every page of the public site except the plan pages, built from one shared lookup."""

from __future__ import annotations

from kehoach.views.base import MarkdownRenderer, PageSpec
from kehoach.views.documents import DocumentsView
from kehoach.views.home import HomeView
from kehoach.views.index import SiteIndex
from kehoach.views.locality import LocalityView
from kehoach.views.lookup import build_lookup
from kehoach.views.resources import ResourcesView
from kehoach.views.unit import UnitView


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
