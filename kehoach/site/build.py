"""The whole site as data: the page generators, in order, over one shared context. No MkDocs.

Each generator lives in the module of its page kind (kehoach/site/pages/) and makes its pages
and files whole (kehoach/site/context.py). The order below is the order MkDocs receives the
pages, which its sitemap keeps. To add a page kind: a module in kehoach/site/pages/ with a
``generate`` function, its URLs in kehoach/site/routes.py, its template in overrides/, and a
line here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kehoach.site.context import Generator, SiteContext
from kehoach.site.index import SiteIndex, build_index
from kehoach.site.lookup import build_lookup
from kehoach.site.markdown import MarkdownRenderer
from kehoach.site.options import SiteOptions
from kehoach.site.outpath import check_site_uri
from kehoach.site.pages import (
    calendars,
    coverage,
    documents,
    embed,
    feeds,
    home,
    locality,
    opendata,
    plan,
    resources,
    search,
    unit,
    years,
)
from kehoach.site.pages.timeline_plan import TimelineContext, build_moment
from kehoach.site.spec import PageSpec, StaticFile
from kehoach.source.catalog import Catalog
from kehoach.tracking.statuses import as_of_text
from kehoach.tracking.tracker import track

GENERATORS: tuple[Generator, ...] = (
    plan.generate,  # a page per plan, with its timeline
    home.generate,  # the home page
    locality.generate,  # dia-phuong/, a page per province and per commune with plans
    unit.generate,  # a page per unit of each locality, toan-quoc/
    documents.generate,  # van-ban/ and a page per cited document
    resources.generate,  # nen-tang/ and a page per platform
    search.generate,  # tim-kiem/: the filter values of every page above
    opendata.generate,  # du-lieu/, <plan>/du-lieu.json, the data set as JSON and CSV
    feeds.generate,  # feed.xml, <province>/feed.xml
    embed.generate,  # <locality>/nhung/: the page a commune portal embeds
    years.generate,  # lich/: the activities of a year, week by week
    calendars.generate,  # lich.ics of every plan and locality
    coverage.generate,  # tinh-hinh/<year>/, <province>/tinh-hinh/<year>/: who plans, who reports
)


@dataclass
class SiteData:
    index: SiteIndex
    as_of: str = ""  # "Tình hình tính đến ngày …", the build day in Vietnam, on every page
    pages: list[PageSpec] = field(default_factory=list)
    files: list[StaticFile] = field(default_factory=list)  # calendars, open data, feeds…

    def by_src_uri(self) -> dict[str, PageSpec]:
        return {page.src_uri: page for page in self.pages}


def build_site(
    catalog: Catalog, options: SiteOptions | None = None, moment: dt.datetime | None = None
) -> SiteData:
    """Every page and file of the site. ``moment``: when the site is built (the timelines'
    "today", the calendars' stamp), now by default."""
    site = site_context(catalog, options or SiteOptions(), moment or build_moment(None))
    data = SiteData(site.index, as_of_text(site.tracker.today))
    for generate in GENERATORS:
        made = generate(site, data.pages)
        data.pages.extend(made.pages)
        data.files.extend(made.files)
    # Every path the build will write, checked once here (the core), before anything is
    # written: a page MkDocs renders from src_uri, a file the hook writes from uri.
    for uri in [page.src_uri for page in data.pages] + [static.uri for static in data.files]:
        check_site_uri(uri)
    return data


def site_context(catalog: Catalog, options: SiteOptions, moment: dt.datetime) -> SiteContext:
    index = build_index(catalog)
    lookup = build_lookup(index)
    md = MarkdownRenderer()
    # Every activity's status at the build moment, computed once for all the page kinds.
    tracker = track([s.plan for s in catalog.plans], [r.report for r in catalog.reports], moment)
    timelines = TimelineContext(
        index, md, moment, options.site_url or None, frozenset(lookup.localities),
        tracker=tracker,
    )
    return SiteContext(index, lookup, md, options, timelines, tracker)
