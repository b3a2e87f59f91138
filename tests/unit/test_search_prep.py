"""Pages indexed in a second process while the build renders (the build's path) give the same
index as indexing a built site file by file (index_site's)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.search.prep import BackgroundPreparer, PreparedSite, page_url, prepare_folder
from kehoach.search.text import may_be_indexed, prepare_page
from tests.sitetools import tree_bytes

PAGE = """<!DOCTYPE html><html lang="vi"><head><title>{title}</title></head><body>
<div data-search-body><span data-search-meta="kind">{kind}</span>
<h1>{title}</h1><p>Ngày Chuyển đổi số tại xã Đức Thọ, {title}.</p></div></body></html>"""
SITE = {
    "index.html": PAGE.format(title="Trang chủ", kind="Trang chủ"),  # a kind not indexed
    "ha-tinh/index.html": PAGE.format(title="Tỉnh Hà Tĩnh", kind="Tỉnh"),
    "ha-tinh/ke-hoach/index.html": PAGE.format(title="Kế hoạch số 541", kind="Kế hoạch"),
    "404.html": "<!DOCTYPE html><html><body><p>Không có trang này</p></body></html>",
}


def test_background_indexing_equals_the_file_by_file_one(tmp_path: Path) -> None:
    site, serial, background = tmp_path / "site", tmp_path / "serial", tmp_path / "background"
    for relative, html in SITE.items():
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_text(html, encoding="utf-8")
    expected = prepare_folder(site, PreparedSite(serial))
    preparer = BackgroundPreparer(background)
    for relative, html in reversed(SITE.items()):  # another order: the same index
        preparer.add(relative, html)
    summary, skipped = preparer.finish(timeout=60)
    assert summary == expected and summary.pages == 2 and skipped == 2
    assert tree_bytes(background) == tree_bytes(serial)
    assert any(name.startswith("t/") for name in tree_bytes(serial))


def test_page_addresses_are_relative_to_the_site_root() -> None:
    assert page_url("index.html") == ""
    assert page_url("ha-tinh/xa-thach-ha/index.html") == "ha-tinh/xa-thach-ha/"
    assert page_url("404.html") == "404.html"


def test_an_error_in_the_second_process_reaches_the_build(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")  # the index folder is under a file: writing fails
    preparer = BackgroundPreparer(blocked / "index")
    # More pages than the queue holds: the build must not block before the process fails.
    for number in range(200):
        preparer.add(f"p{number}/index.html", SITE["ha-tinh/index.html"])
    with pytest.raises(OSError):
        preparer.finish(timeout=60)


def test_cancel_stops_the_second_process(tmp_path: Path) -> None:
    preparer = BackgroundPreparer(tmp_path)
    preparer.add("a/index.html", SITE["ha-tinh/index.html"])
    preparer.cancel()
    assert not preparer.running


def test_pages_surely_not_indexed_are_known_without_parsing() -> None:
    # The build sends only these pages' names to the indexing process, not their HTML.
    unit = PAGE.format(title="Công an xã", kind="Đơn vị")
    pages = [*SITE.values(), unit, PAGE.format(title="Tình hình", kind="Tình hình thực hiện")]
    for html in pages:
        assert may_be_indexed(html) == (prepare_page(html) is not None)
    assert not may_be_indexed(unit)
