"""Atom feeds as the core writes them, without building the site: dates from the data, not the
clock; an entry's date is the last change, else the document's date; links relative to the
feed without a site address; only the newest entries (the built feeds:
tests/site/test_feeds.py)."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest

from kehoach.formats.atom import Feed, FeedEntry, render_atom
from kehoach.site.index import build_index
from kehoach.site.options import SiteOptions
from kehoach.site.pages import feeds as feed_pages
from kehoach.site.pages.feeds import feed_files
from kehoach.source.catalog import Catalog, load_catalog
from tests.plansdirs import FIXTURE_PLANS, ROOT


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(FIXTURE_PLANS)


def test_feed_dates_come_from_the_data_not_the_clock() -> None:
    entry = FeedEntry(
        id="tag:x,2025:a",
        title="A",
        url="https://x/a/",
        updated=dt.date(2001, 2, 3),
        summary="s",
        author="UBND",
    )
    feed = Feed(
        id="tag:x,2025:feed",
        title="T",
        subtitle="S",
        url="https://x/feed.xml",
        home="https://x/",
        author="K",
        entries=(entry,),
        updated=dt.date(2001, 2, 3),
    )
    first = render_atom(feed)
    assert first == render_atom(feed)
    parsed = feedparser.parse(first)
    assert not parsed.bozo
    assert parsed.feed.updated.startswith("2001-02-03")
    assert parsed.entries[0].updated.startswith("2001-02-03")


def test_entry_updated_is_the_last_change_then_the_document_date(catalog: Catalog) -> None:
    index = build_index(catalog)
    source = next(s for s in catalog.plans if s.plan.id == "ha-tinh-2025-ngay-cds")
    changed = SiteOptions(changed={str((ROOT / source.path).resolve()): "2026-01-02"})
    entry = feed_pages.plan_entry(index, source.plan.id, changed, "feed.xml")
    assert entry.updated == dt.date(2026, 1, 2)
    unknown = feed_pages.plan_entry(index, source.plan.id, SiteOptions(), "feed.xml")
    assert unknown.updated == dt.date(2025, 10, 6)  # Kế hoạch 541/KH-UBND ngày 06/10/2025


def test_links_are_relative_to_the_feed_without_a_site_address(catalog: Catalog) -> None:
    files = {f.uri: f.content for f in feed_files(build_index(catalog), SiteOptions())}
    province = feedparser.parse(files["ha-tinh/feed.xml"])
    assert not province.bozo
    assert all(e.link.startswith("../ha-tinh/") for e in province.entries)
    site = feedparser.parse(files["feed.xml"])
    assert all(not e.link.startswith(("/", "..", "http")) for e in site.entries)
    assert site.entries[0].id.startswith("tag:kehoach.invalid,2025:")


def test_feeds_are_capped_to_the_newest_entries(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feed_pages, "FEED_LIMIT", 2)
    files = {f.uri: f.content for f in feed_files(build_index(catalog), SiteOptions())}
    assert len(feedparser.parse(files["feed.xml"]).entries) == 2
    assert len(feedparser.parse(files["ha-tinh/feed.xml"]).entries) == 2
