"""Pages prepared for Pagefind in a second process while the build renders (the build's path)
give the same files and word counts as preparing a built site file by file (index_site's)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.search_prep import BackgroundPreparer, prepare_folder

PAGE = """<!DOCTYPE html><html lang="vi"><head><title>{title}</title></head><body>
<div data-pagefind-body><span data-pagefind-meta="kind">{kind}</span>
<h1>{title}</h1><p>Ngày Chuyển đổi số tại xã Đức Thọ, {title}.</p></div></body></html>"""
SITE = {
    "index.html": PAGE.format(title="Trang chủ", kind="Trang chủ"),  # a kind not indexed
    "ha-tinh/index.html": PAGE.format(title="Tỉnh Hà Tĩnh", kind="Tỉnh"),
    "ha-tinh/ke-hoach/index.html": PAGE.format(title="Kế hoạch số 541", kind="Kế hoạch"),
    "404.html": "<!DOCTYPE html><html><body><p>Không có trang này</p></body></html>",
}


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_background_preparation_equals_the_file_by_file_one(tmp_path: Path) -> None:
    site, serial, background = tmp_path / "site", tmp_path / "serial", tmp_path / "background"
    for relative, html in SITE.items():
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_text(html, encoding="utf-8")
    expected = prepare_folder(site, serial, skip=site / "pagefind")
    preparer = BackgroundPreparer(background)
    for relative, html in SITE.items():
        preparer.add(relative, html)
    result = preparer.finish(timeout=60)
    assert (result.pages, result.skipped) == (expected.pages, expected.skipped) == (2, 2)
    assert result.counts == expected.counts and result.counts["duc"] == 2
    assert _tree(background) == _tree(serial)
    assert set(_tree(serial)) == {"ha-tinh/index.html", "ha-tinh/ke-hoach/index.html"}


def test_an_error_in_the_second_process_reaches_the_build(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")  # the scratch "folder" is a file: writes fail
    preparer = BackgroundPreparer(blocked)
    # More pages than the queue holds: the build must not block once the process failed.
    for number in range(200):
        preparer.add(f"p{number}/index.html", SITE["ha-tinh/index.html"])
    with pytest.raises(OSError):
        preparer.finish(timeout=60)


def test_cancel_stops_the_second_process(tmp_path: Path) -> None:
    preparer = BackgroundPreparer(tmp_path)
    preparer.add("a/index.html", SITE["ha-tinh/index.html"])
    preparer.cancel()
    assert not preparer.running
