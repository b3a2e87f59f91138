"""Atom feeds: well-formed for feedparser (no bozo), one entry per plan for the site and per
province, stable ids, absolute links when the site address is known, dates from the data."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import feedparser
import pytest

from kehoach.formats.atom import Feed, FeedEntry, render_atom
from kehoach.site import publish
from kehoach.site.index import build_index
from kehoach.site.publish import SiteOptions, feed_files
from kehoach.source.catalog import Catalog, load_catalog
from tests.sitetools import ROOT, build_site, serve

SITE_URL = "https://example.github.io/kehoach/"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(ROOT / "plans")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("feeds") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", SITE_URL)
        build_site(out)
    return out


def _parse(path: Path) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
    assert parsed.version == "atom10"
    return parsed


def test_site_feed_has_one_entry_per_plan(site: Path, catalog: Catalog) -> None:
    parsed = _parse(site / "feed.xml")
    ids = [e.id for e in parsed.entries]
    assert len(ids) == len(catalog.plans) == len(set(ids))
    assert sorted(ids) == sorted(
        f"tag:example.github.io,2025:ke-hoach/{s.plan.id}" for s in catalog.plans
    )
    for entry in parsed.entries:
        assert entry.link.startswith(SITE_URL)
        assert entry.updated_parsed is not None and entry.author
    assert parsed.feed.links[0].href == SITE_URL + "feed.xml"
    dates = [e.updated_parsed for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)  # newest first


def test_each_province_feed_has_its_plans(site: Path, catalog: Catalog) -> None:
    counts = Counter(catalog.locality_of(s.plan).province_code for s in catalog.plans)
    gazetteer = catalog.gazetteer
    for code in gazetteer.province_codes():
        province = gazetteer.province(code)
        parsed = _parse(site / province.path / "feed.xml")
        assert len(parsed.entries) == counts.get(code, 0), province.name
        assert parsed.feed.links[0].href == f"{SITE_URL}{province.path}/feed.xml"
    assert counts["42"] == 3  # Hà Tĩnh: the province, Thạch Hà and the former Đức Thọ


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
    entry = publish.plan_entry(index, source.plan.id, changed, "feed.xml")
    assert entry.updated == dt.date(2026, 1, 2)
    unknown = publish.plan_entry(index, source.plan.id, SiteOptions(), "feed.xml")
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
    monkeypatch.setattr(publish, "FEED_LIMIT", 2)
    files = {f.uri: f.content for f in feed_files(build_index(catalog), SiteOptions())}
    assert len(feedparser.parse(files["feed.xml"]).entries) == 2
    assert len(feedparser.parse(files["ha-tinh/feed.xml"]).entries) == 2


def test_pages_point_readers_to_the_feeds(site: Path) -> None:
    page = (site / "du-lieu" / "index.html").read_text("utf-8")
    assert 'href="../feed.xml"' in page and 'type="application/atom+xml"' in page
    main = (ROOT / "overrides" / "main.html").read_text("utf-8")
    if "feeds-head.html" not in main:
        pytest.skip("overrides/main.html does not include partials/feeds-head.html yet")
    plan = (site / "ha-tinh" / "ha-tinh-2025-ngay-cds" / "index.html").read_text("utf-8")
    assert '<link rel="alternate feed" type="application/atom+xml"' in plan
    assert 'href="../../feed.xml"' in plan and 'href="../feed.xml"' in plan


@pytest.mark.browser
def test_feed_links_cost_no_request(site: Path, browser: Any) -> None:
    """Material downloads "sitemap.xml" beside every link[rel=alternate] (exact match) it
    finds; the feed links must not trigger that on every page view."""
    assert "feeds-head.html" in (ROOT / "overrides" / "main.html").read_text("utf-8")
    requested: list[str] = []
    with serve(site) as base:
        page = browser.new_page()
        page.on("request", lambda r: requested.append(r.url))
        page.goto(base + "ha-tinh/xa-thach-ha/ha-tinh-thach-ha-2025-ngay-cds/")
        page.wait_for_load_state("networkidle")
        page.close()
    assert [u for u in requested if "sitemap" in u or u.endswith("feed.xml")] == []
