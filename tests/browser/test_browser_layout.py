"""Timelines in Debian's chromium, at a 360 px phone and a 1280 px desktop: the page never
scrolls sideways, the chart scrolls inside its own box, timeline.js moves "today" and the
now / next lists to the reader's date, and the chart fits the paper when printed.
Screenshots are kept under test-artifacts/ for review."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.sitetools import ROOT

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts"
PLAN_PAGES = [
    "ha-tinh/xa-thach-ha/ha-tinh-thach-ha-2025-ngay-cds/",
    "ha-tinh/ha-tinh-2025-ngay-cds/",
    "ha-tinh/huyen-duc-tho/ha-tinh-duc-tho-2024-ngay-cds/",
    "dong-nai/xa-xuan-loc/dong-nai-xuan-loc-2025-ngay-cds/",
    "vinh-long/vinh-long-2025-ngay-cds/",
]
OTHER_PAGES = ["ha-tinh/", "ha-tinh/xa-thach-ha/", "lich/", "lich/2024/"]
READER_DAY = dt.datetime(2025, 10, 15, 9, 0)  # the reader's clock, after the build date
BOX = """box => ({scroll: box.scrollWidth, client: box.clientWidth,
  overflow: getComputedStyle(box).overflowX,
  svg: box.querySelector('svg').getBoundingClientRect().width,
  attr: parseFloat(box.querySelector('svg').getAttribute('width'))})"""


def _page(browser: Any, width: int) -> Any:
    # bypass_csp: wait_for_function polls with eval, which the site's Content-Security-Policy
    # refuses; the policy itself is tested in test_csp_browser.py.
    context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True,
                                  timezone_id="Asia/Ho_Chi_Minh", locale="vi-VN")
    page = context.new_page()
    page.clock.set_fixed_time(READER_DAY)
    return page


def _name(url: str) -> str:
    return url.strip("/").replace("/", "_") or "home"


@pytest.mark.parametrize("width", [360, 1280])
def test_pages_never_overflow_and_the_chart_scrolls_in_its_box(
    browser: Any, base: str, width: int
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = _page(browser, width)
    for url in PLAN_PAGES + OTHER_PAGES:
        page.goto(base + url)
        page.wait_for_load_state("load")
        sizes = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert sizes[0] <= sizes[1], f"{url} at {width}px scrolls sideways: {sizes}"
        section = page.query_selector("#tien-do, #lich-hoat-dong, article.kh-year")
        assert section is not None, url
        section.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / f"timeline-{_name(url)}-{width}.png"))
        section.screenshot(path=str(ARTIFACTS / f"timeline-{_name(url)}-{width}-section.png"))
        for box in page.query_selector_all(".kh-tl-scroll"):
            metrics = box.evaluate(BOX)
            assert metrics["overflow"] == "auto"
            assert metrics["svg"] == pytest.approx(metrics["attr"], abs=1), "chart not shrunk"
            if width == 360:
                assert metrics["scroll"] > metrics["client"], f"{url}: chart box does not scroll"
    page.context.close()


def test_the_chart_box_takes_keyboard_focus_and_scrolls(browser: Any, base: str) -> None:
    page = _page(browser, 360)
    page.goto(base + PLAN_PAGES[0])
    box = page.query_selector(".kh-tl-scroll")
    assert box is not None
    box.focus()
    assert page.evaluate("document.activeElement.classList.contains('kh-tl-scroll')")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("End")
    # Keyboard scrolling may be animated: wait for it rather than read it at once.
    page.wait_for_function("document.querySelector('.kh-tl-scroll').scrollLeft > 0",
                           timeout=5000)
    page.context.close()


def test_timeline_js_moves_today_to_the_reader_date(browser: Any, base: str) -> None:
    page = _page(browser, 1280)
    page.goto(base + PLAN_PAGES[0])
    svg = page.query_selector("svg.kh-tl-svg")
    assert svg is not None
    data = svg.evaluate("""s => ({origin: s.dataset.origin, day: +s.dataset.dayWidth,
        x0: +s.dataset.x0, x: +s.querySelector('[data-kh-today] line').getAttribute('x1'),
        text: s.querySelector('[data-kh-today] text').textContent,
        state: s.querySelector('[data-kh-today]').dataset.state})""")
    offset = (READER_DAY.date() - dt.date.fromisoformat(data["origin"])).days
    assert data["text"] == "Hôm nay: 15/10/2025" and data["state"] == "inside"
    assert data["x"] == pytest.approx(data["x0"] + (offset + 0.5) * data["day"], abs=0.02)
    page.goto(base + "ha-tinh/")
    agenda = page.query_selector("[data-kh-agenda]")
    assert agenda is not None
    assert "hôm nay 15/10/2025" in agenda.inner_text()
    for key in ("now", "next"):
        for item in agenda.query_selector_all(f'[data-kh-list="{key}"] li'):
            start = dt.date.fromisoformat(item.get_attribute("data-start") or "")
            end = dt.date.fromisoformat(item.get_attribute("data-end") or "")
            day = READER_DAY.date()
            assert (start <= day <= end) if key == "now" else (day < start)
    page.context.close()


def test_the_chart_fits_the_page_when_printed(browser: Any, base: str) -> None:
    page = _page(browser, 1280)
    page.emulate_media(media="print")
    for url in PLAN_PAGES:
        page.goto(base + url)
        for box in page.query_selector_all(".kh-tl-scroll"):
            metrics = box.evaluate(BOX)
            assert metrics["scroll"] <= metrics["client"] + 1, url
        section = page.query_selector("#tien-do")
        assert section is not None
        section.screenshot(path=str(ARTIFACTS / f"timeline-print-{_name(url)}.png"))
    page.pdf(path=str(ARTIFACTS / "timeline-print.pdf"), format="A4")
    page.context.close()
