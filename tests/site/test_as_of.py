"""Every page of the reference site says the day its statuses are computed for, "Tình hình tính
đến ngày dd/mm/yyyy": the build day in Asia/Ho_Chi_Minh (SOURCE_DATE_EPOCH 1760054400 is
10/10/2025 07:00 there). The pages that replace main.html's content block (the search page)
or stand alone (the embeddable pages) say it too. A site with reports:
tests/site/test_tracking_site.py."""

from __future__ import annotations

from pathlib import Path

from tests.sitetools import page_text

AS_OF = "Tình hình tính đến ngày 10/10/2025."
# Material's "page not found" (404.html) shows no data, so no status to date.
WITHOUT_DATA = {"404.html"}


def test_every_page_says_the_day_of_its_statuses(site: Path) -> None:
    pages = sorted(site.glob("**/*.html"))
    assert len(pages) > 100
    missing = [
        p.relative_to(site).as_posix() for p in pages
        if p.relative_to(site).as_posix() not in WITHOUT_DATA
        and AS_OF not in page_text(p.read_text("utf-8"))
    ]
    assert not missing, missing


def test_the_search_and_embed_pages_are_among_them(site: Path) -> None:
    for page in ("tim-kiem/index.html", "ha-tinh/nhung/index.html",
                 "ha-tinh/xa-thach-ha/nhung/index.html"):
        assert AS_OF in page_text((site / page).read_text("utf-8")), page
