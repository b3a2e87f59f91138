"""The plan page of an amended plan (its header note, its history with a commit of several
changes as a nested list): axe-core finds no violation and the Nu HTML Checker no error. The
reference site's plans were committed once, so its pages show only a one-line history; this
page is built from the two-commit repository of tests/site/test_plan_history.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_accessibility import AXE, STRUCTURE, WCAG, _axe, _report
from tests.browser.test_html_validity import _check
from tests.site.test_plan_history import PAGE, build_history_site
from tests.sitetools import serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_history_site(tmp_path_factory.mktemp("history"))


@pytest.fixture(scope="module")
def history_base(history_site: Path) -> Iterator[str]:
    with serve(history_site, sub_path=True) as url:
        yield url


def test_the_amended_plan_page_passes_axe(browser: Any, history_base: str) -> None:
    assert AXE.exists(), "axe-core is not installed (make node)"
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="vi-VN")
    try:
        page = context.new_page()
        page.goto(history_base + PAGE.removesuffix("index.html"))
        page.wait_for_load_state("load")
        assert page.locator("#lich-su li ul li").count() == 2  # the commit of two changes
        assert page.locator(".kh-amended time").count() == 1
        violations = _axe(page, WCAG) + _axe(page, STRUCTURE)
    finally:
        context.close()
    assert not violations, _report(violations)


def test_the_amended_plan_page_is_valid_html(history_site: Path) -> None:
    page = (history_site / PAGE).resolve()
    messages, checked = _check(page)
    assert checked == {page}
    assert not messages, messages
