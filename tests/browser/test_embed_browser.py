"""Embeddable pages ("<locality>/nhung/") and printing in Debian's chromium: an embed page fits
a 320 px iframe and fetches nothing from another origin; a plan page prints on A4 without
navigation, with external addresses written out (the static checks:
tests/site/test_embed.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.site.test_embed import _embed_pages
from tests.sitetools import serve


def _watch_origins(page: Any, base: str, outside: list[str]) -> None:
    origin = urlsplit(base)[:2]

    def handle(route: Any) -> None:
        if urlsplit(route.request.url)[:2] != origin:
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", handle)


@pytest.mark.browser
def test_embed_pages_in_a_320px_iframe(site_copy: Path, browser: Any) -> None:
    site = site_copy  # the host page is written into it
    pages = [p.parent.relative_to(site).as_posix() + "/" for p in _embed_pages(site)]
    host = "".join(
        f'<iframe src="{p}" width="320" height="600" style="border:0"></iframe>' for p in pages
    )
    (site / "iframe-host.html").write_text(f"<!doctype html><body>{host}</body>", "utf-8")
    with serve(site) as base:
        context = browser.new_context(viewport={"width": 400, "height": 800})
        page = context.new_page()
        outside: list[str] = []
        _watch_origins(page, base, outside)
        page.goto(base + "iframe-host.html", wait_until="load")
        frames = [f for f in page.frames if f != page.main_frame]
        assert len(frames) == len(pages)
        for frame in frames:
            width = frame.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert width[1] == 320 and width[0] <= width[1], f"{frame.url}: {width}"
            assert frame.locator("h1 a").count() == 1, frame.url
        context.close()
    assert not outside, outside


@pytest.mark.browser
def test_embed_pages_alone_fetch_only_from_the_site(site: Path, browser: Any) -> None:
    with serve(site) as base:
        context = browser.new_context(viewport={"width": 320, "height": 640})
        page = context.new_page()
        outside: list[str] = []
        _watch_origins(page, base, outside)
        for embed in _embed_pages(site):
            page.goto(base + embed.parent.relative_to(site).as_posix() + "/", wait_until="load")
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= 320, f"{page.url}: {scroll}px wide"
        context.close()
    assert not outside, outside


@pytest.mark.browser
def test_plan_page_prints_on_a4_without_navigation(site: Path, browser: Any) -> None:
    with serve(site) as base:
        page = browser.new_page()
        page.goto(base + "ha-tinh/xa-thach-ha/ha-tinh-thach-ha-2025-ngay-cds/", wait_until="load")
        page.emulate_media(media="print")
        hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer']
            .map(s => document.querySelector(s))
            .filter(e => e && getComputedStyle(e).display !== 'none').map(e => e.className)""")
        assert not hidden
        after = page.evaluate("""() => {
            const a = document.createElement('a');
            a.href = 'https://example.org/ke-hoach'; a.textContent = 'liên kết';
            document.querySelector('.kh-activity').append(a);
            const own = document.createElement('a');
            own.href = '../'; own.textContent = 'trong trang';
            document.querySelector('.kh-activity').append(own);
            return [getComputedStyle(a, '::after').content,
                    getComputedStyle(own, '::after').content] }""")
        assert after[0] == '" (https://example.org/ke-hoach)"' and after[1] in ("none", "normal")
        activity = page.evaluate("""() => getComputedStyle(
            document.querySelector('.kh-activity')).breakInside""")
        assert activity == "avoid"
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
        page.close()
