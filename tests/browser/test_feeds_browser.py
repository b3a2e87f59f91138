"""The feed links of every page cost the reader nothing in Debian's chromium (the feeds
themselves: tests/site/test_feeds.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.sitetools import ROOT, serve


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
