"""The tracking markup with real reports in it (badges, report history, targets against
achieved values, a parent plan's child plans, coverage tables and charts with figures, the
embeddable page's statuses), which the reference site of the seed plans (no report) cannot
show: a site built from tests/trackingdata.py at 15/11/2025 passes axe-core (WCAG A/AA and
structure) at 360 and 1280 px, fits a 360 px screen, passes the Nu HTML Checker, runs under
its Content-Security-Policy without a violation, and shows its statuses as text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_accessibility import (
    STRUCTURE,
    WCAG,
    _axe,
    _open,
    _report,
    _wider_than_360px,
)
from tests.browser.test_csp_browser import _Visit
from tests.browser.test_html_validity import _check, _where
from tests.sitetools import build_site, page_text, serve
from tests.trackingdata import MOMENT, PROVINCE, THACH_HA, XUAN_LOC, tracked_plans

pytestmark = pytest.mark.browser

PAGES = {
    "commune-plan": f"ha-tinh/xa-thach-ha/{THACH_HA}/",
    "parent-plan": f"ha-tinh/{PROVINCE}/",
    "targets-plan": f"dong-nai/xa-xuan-loc/{XUAN_LOC}/",
    "commune": "ha-tinh/xa-thach-ha/",
    "unit": "ha-tinh/xa-thach-ha/don-vi/uy-ban-nhan-dan-xa-thach-ha/",
    "province": "ha-tinh/",
    "national-coverage": "tinh-hinh/2025/",
    "province-coverage": "ha-tinh/tinh-hinh/2025/",
    "embed": "ha-tinh/xa-thach-ha/nhung/",
    "search": "tim-kiem/",
}


@pytest.fixture(scope="module")
def tracked_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tracked-site")
    out = folder / "site"
    build_site(out, tracked_plans(folder), epoch=str(int(MOMENT.timestamp())))
    return out


@pytest.fixture(scope="module")
def tracked_base(tracked_site: Path) -> Iterator[str]:
    with serve(tracked_site, sub_path=True) as url:
        yield url


def _text(site: Path, name: str) -> str:
    return page_text((site / PAGES[name] / "index.html").read_text(encoding="utf-8"))


def test_the_pages_say_their_statuses_in_words(tracked_site: Path) -> None:
    plan = _text(tracked_site, "commune-plan")
    assert "Tình hình tính đến ngày 15/11/2025" in plan
    assert "Tình trạng: không thực hiện" in plan and "Lý do: Cuộc thi cấp tỉnh" in plan
    assert "quá hạn, chưa có báo cáo" in plan
    parent = _text(tracked_site, "parent-plan")
    assert "Kế hoạch thực hiện kế hoạch này (1)" in parent and "23,3%" in parent
    targets = _text(tracked_site, "targets-plan")
    assert "ít nhất 50% 42,5% 31/10/2025 Công an xã chưa đạt" in targets


def test_the_tracking_pages_are_valid_html(tracked_site: Path) -> None:
    pages = [tracked_site / url / "index.html" for url in PAGES.values()]
    messages, checked = _check(*pages)
    assert checked == {p.resolve() for p in pages}
    assert not messages, "\n".join(_where(m, tracked_site.resolve()) for m in messages)


@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_violation_on_tracking_pages(browser: Any, tracked_base: str,
                                                  name: str) -> None:
    for width in (360, 1280):
        context = browser.new_context(viewport={"width": width, "height": 800}, locale="vi-VN")
        tab = context.new_page()
        _open(tab, tracked_base + PAGES[name])
        violations = _axe(tab, WCAG) + _axe(tab, STRUCTURE)
        context.close()
        assert not violations, f"{name} at {width}px:\n{_report(violations)}"


def test_the_coverage_pages_say_their_figures_in_words(tracked_site: Path) -> None:
    """The charts are drawn from the same figures as the tables; both are readable without
    script (the figures themselves: tests/unit/test_coverage.py)."""
    national = _text(tracked_site, "national-coverage")
    assert "Tình hình tính đến ngày 15/11/2025" in national
    assert "2 đã báo cáo kết quả (3 báo cáo)" in national
    assert "đã hoàn thành 1, đang thực hiện 1" in national
    page = (tracked_site / PAGES["national-coverage"] / "index.html").read_text("utf-8")
    assert "<svg" in page and "<table" in page


def test_the_tracking_pages_fit_a_360px_screen(browser: Any, tracked_base: str) -> None:
    wide = _wider_than_360px(browser, tracked_base, PAGES)
    assert not wide, f"pages wider than the screen: {wide}"


def test_the_tracking_pages_run_without_any_csp_violation(browser: Any,
                                                          tracked_base: str) -> None:
    visit = _Visit(browser)
    problems = [p for url in PAGES.values() for p in visit.open(tracked_base + url)]
    visit.context.close()
    assert not problems, "\n".join(problems)
