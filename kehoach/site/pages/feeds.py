"""Atom feeds (kehoach.formats.atom): the whole site's, and one per province (all 34, so
anyone can subscribe before a province's first plan), newest plans and progress reports
first (a report is an entry, dated by the report)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from kehoach.formats.atom import EMPTY_FEED_DATE, Feed, FeedEntry, render_atom
from kehoach.model.report import ProgressReport
from kehoach.site import routes
from kehoach.site.context import Contribution, SiteContext
from kehoach.site.index import SiteIndex
from kehoach.site.options import SiteOptions
from kehoach.site.pages.opendata import issued_on
from kehoach.site.pages.plan_history import amendment_summary
from kehoach.site.spec import PageSpec, StaticFile
from kehoach.site.wording import document_label

FEED_LIMIT = 200  # newest entries per feed: readers poll feeds, keep them small


def generate(site: SiteContext, earlier: Sequence[PageSpec]) -> Contribution:
    return Contribution(files=feed_files(site.index, site.options, site.tracker.reports))


def feed_files(
    index: SiteIndex, options: SiteOptions, reports: Sequence[ProgressReport] = ()
) -> list[StaticFile]:
    """The site feed and one feed per province (all 34, so anyone can subscribe early)."""
    entries = [plan_entry(index, pid, options, routes.SITE_FEED) for pid in index.plans]
    entries += [report_entry(index, r, options, routes.SITE_FEED) for r in reports]
    newest = _newest_first(entries)
    latest = newest[0].updated if newest else EMPTY_FEED_DATE
    site = Feed(
        id=options.tag("feed"),
        title=f"{options.site_name}: kế hoạch mới và cập nhật",
        subtitle="Kế hoạch của tỉnh, xã mới đăng hoặc vừa được sửa.",
        url=options.link(routes.SITE_FEED, ""),
        home=options.link("", ""),
        author=options.site_name,
        entries=tuple(newest[:FEED_LIMIT]),
        updated=latest,
    )
    files = [StaticFile(routes.SITE_FEED, render_atom(site))]
    by_province = index.by_province
    gazetteer = index.catalog.gazetteer
    for code in gazetteer.province_codes():
        province = gazetteer.province(code)
        uri = routes.province_feed(province.path)
        own = _newest_first(
            [plan_entry(index, p, options, uri) for p in by_province.get(code, [])]
            + [report_entry(index, r, options, uri) for r in reports
               if r.locality.province == code])
        feed = Feed(
            id=options.tag(f"feed/{province.path}"),
            title=f"{province.name}: kế hoạch mới và cập nhật",
            subtitle=f"Kế hoạch của {province.name} và các xã, phường trực thuộc.",
            url=options.link(uri, uri),
            home=options.link(f"{province.path}/", uri),
            author=options.site_name,
            entries=tuple(own[:FEED_LIMIT]),
            updated=own[0].updated if own else latest,
        )
        files.append(StaticFile(uri, render_atom(feed)))
    return files


def plan_entry(index: SiteIndex, plan_id: str, options: SiteOptions, feed_uri: str) -> FeedEntry:
    """One plan as a feed entry; its link is written for the feed at ``feed_uri``."""
    plan = index.plans[plan_id]
    place = index.places[plan_id]
    doc = plan.document
    updated = options.changed_on(index.sources[plan_id])
    if updated is None:  # no git and no file date: the document's own date
        updated = doc.date.first_day() if doc.date else dt.date(plan.year, 1, 1)
    label = document_label(doc.type, doc.number)
    dated = f" {issued_on(doc.date)}" if doc.date else ""
    count = len(plan.activities)
    province = index.catalog.gazetteer.province(place.province_code)
    amended = amendment_summary(options, index.sources[plan_id])  # its newest amendment
    return FeedEntry(
        id=options.tag(f"ke-hoach/{plan_id}"),
        title=f"{place.name}: {plan.title}",
        url=options.link(index.plan_url(plan_id), feed_uri),
        updated=updated,
        summary=f"{label}{dated} của {plan.issuer}. {count} hoạt động."
        + (f" {amended}" if amended else ""),
        author=plan.issuer,
        published=doc.date.first_day() if doc.date and doc.date.day else None,
        categories=(province.name, str(plan.year)),
    )


def report_entry(
    index: SiteIndex, report: ProgressReport, options: SiteOptions, feed_uri: str
) -> FeedEntry:
    """A progress report as a feed entry, linked to the tracking section of the first plan it
    speaks of."""
    place = index.catalog.gazetteer.resolve(report.locality)
    plan_id = report.activities[0].plan
    day = report.date.last_day()
    statuses = Counter(u.status for u in report.activities)
    said = ", ".join(f"{status} {count}" for status, count in sorted(statuses.items()))
    label = document_label(report.document.type, report.document.number)
    province = index.catalog.gazetteer.province(place.province_code)
    return FeedEntry(
        id=options.tag(f"bao-cao/{report.id}"),
        title=f"{place.name}: {report.title}",
        url=options.link(f"{index.plan_url(plan_id)}#tinh-hinh", feed_uri),
        updated=day,
        summary=f"{label} ngày {report.date} của {report.issuer}: tình hình "
        f"{len(report.activities)} hoạt động ({said}).",
        author=report.issuer,
        published=day,
        categories=(province.name, str(index.plans[plan_id].year), "Báo cáo kết quả"),
    )


def _newest_first(entries: list[FeedEntry]) -> list[FeedEntry]:
    return sorted(sorted(entries, key=lambda e: e.id), key=lambda e: e.updated, reverse=True)
