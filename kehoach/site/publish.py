"""Publishing outputs beside the pages: open data, Atom feeds and embeddable pages.

build_site() calls ``publish`` once. What only the site layer knows (the public address,
the repository, when each file last changed in git) arrives as ``SiteOptions``: plain values,
so the core stays free of MkDocs, git and the clock.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from kehoach.formats.atom import (
    EMPTY_FEED_DATE,
    SITE_FEED,
    Feed,
    FeedEntry,
    province_feed,
    render_atom,
)
from kehoach.site.index import SiteIndex
from kehoach.site.pages.embed import EmbedView
from kehoach.site.pages.opendata import OpenData, document_label, issued_on
from kehoach.site.spec import PageSpec, StaticFile

FEED_LIMIT = 200  # newest entries per feed: readers poll feeds, keep them small
SITE_NAME = "Kế hoạch Chuyển đổi số địa phương"


@dataclass(frozen=True)
class SiteOptions:
    site_url: str | None = None  # "https://user.github.io/repo/", ends with "/"
    repo_url: str | None = None  # "https://github.com/user/repo"
    # YAML file (absolute path) → ISO date of its last change (git, else the file's mtime).
    changed: dict[str, str] = field(default_factory=dict)
    site_name: str = SITE_NAME

    def changed_on(self, source_path: str) -> dt.date | None:
        found = self.changed.get(source_path) or self.changed.get(str(Path(source_path).resolve()))
        return dt.date.fromisoformat(found) if found else None

    def link(self, url: str, from_dir: str) -> str:
        """``url`` (relative to the site root) as seen from a file in ``from_dir``: absolute
        when the public address is known, else relative."""
        if self.site_url:
            return self.site_url + url
        return "../" * from_dir.count("/") + url or "./"

    def tag(self, specific: str) -> str:
        """A stable Atom id (RFC 4151 tag URI) that does not move with the plan's URL."""
        host = urlsplit(self.site_url or "").hostname or "kehoach.invalid"
        return f"tag:{host},2025:{specific}"


def publish(
    pages: list[PageSpec], files: list[StaticFile], index: SiteIndex, options: SiteOptions | None
) -> None:
    """Add the open-data page and files, the feeds and the embeddable pages."""
    options = options or SiteOptions()
    opendata = OpenData(index, options.site_url)
    pages.append(opendata.page())
    files.extend(opendata.files())
    files.extend(feed_files(index, options))
    pages.extend(EmbedView(index).pages())


def feed_files(index: SiteIndex, options: SiteOptions) -> list[StaticFile]:
    """The site feed and one feed per province (all 34, so anyone can subscribe early)."""
    newest = _newest_first([plan_entry(index, pid, options, SITE_FEED) for pid in index.plans])
    latest = newest[0].updated if newest else EMPTY_FEED_DATE
    site = Feed(
        id=options.tag("feed"),
        title=f"{options.site_name}: kế hoạch mới và cập nhật",
        subtitle="Kế hoạch của tỉnh, xã mới đăng hoặc vừa được sửa.",
        url=options.link(SITE_FEED, ""),
        home=options.link("", ""),
        author=options.site_name,
        entries=tuple(newest[:FEED_LIMIT]),
        updated=latest,
    )
    files = [StaticFile(SITE_FEED, render_atom(site))]
    by_province: dict[str, list[str]] = defaultdict(list)
    for plan_id, place in index.places.items():
        by_province[place.province_code].append(plan_id)
    gazetteer = index.catalog.gazetteer
    for code in gazetteer.province_codes():
        province = gazetteer.province(code)
        uri = province_feed(province.path)
        own = _newest_first([plan_entry(index, p, options, uri) for p in by_province[code]])
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
    return FeedEntry(
        id=options.tag(f"ke-hoach/{plan_id}"),
        title=f"{place.name}: {plan.title}",
        url=options.link(index.plan_url(plan_id), feed_uri),
        updated=updated,
        summary=f"{label}{dated} của {plan.issuer}. {count} hoạt động.",
        author=plan.issuer,
        published=doc.date.first_day() if doc.date and doc.date.day else None,
        categories=(province.name, str(plan.year)),
    )


def _newest_first(entries: list[FeedEntry]) -> list[FeedEntry]:
    return sorted(sorted(entries, key=lambda e: e.id), key=lambda e: e.updated, reverse=True)
