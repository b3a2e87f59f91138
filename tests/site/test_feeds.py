"""Atom feeds of the reference site: well-formed for feedparser (no bozo), one entry per plan
for the site and per province, stable ids, absolute links when the site address is known
(the entries as the core writes them: tests/unit/test_feed_entries.py)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import feedparser
import pytest

from kehoach.source.catalog import Catalog, load_catalog
from tests.sitetools import FIXTURE_PLANS, TEST_SITE_URL

SITE_URL = TEST_SITE_URL  # the reference site's address: https://example.github.io/kehoach/


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(FIXTURE_PLANS)


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


def test_pages_point_readers_to_the_feeds(site: Path) -> None:
    page = (site / "du-lieu" / "index.html").read_text("utf-8")
    assert 'href="../feed.xml"' in page and 'type="application/atom+xml"' in page
    plan = (site / "ha-tinh" / "ha-tinh-2025-ngay-cds" / "index.html").read_text("utf-8")
    assert '<link rel="alternate feed" type="application/atom+xml"' in plan
    assert 'href="../../feed.xml"' in plan and 'href="../feed.xml"' in plan


