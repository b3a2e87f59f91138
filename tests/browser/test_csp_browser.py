"""The Content-Security-Policy in Debian's chromium: the site served under a sub-path, each
kind of page loaded with its policy enforced; no violation, search still finds results,
timeline.js still moves "today" to the reader's date."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Any

import pytest

from tests.sitetools import serve

pytestmark = pytest.mark.browser


PAGES = [
    "",  # home
    "ha-tinh/",  # province
    "ha-tinh/xa-thach-ha/",  # commune
    "ha-tinh/xa-thach-ha/ha-tinh-thach-ha-2025-ngay-cds/",  # plan, with its timeline
    "ha-tinh/xa-thach-ha/don-vi/cong-an-xa-thach-ha/",  # unit
    "ha-tinh/xa-thach-ha/nhung/",  # embed
    "huong-dan-nhap-lieu/",  # a documentation page
    "404.html",
    "tinh-hinh/2025/",  # coverage, with its SVG charts
    "ha-tinh/tinh-hinh/2025/",  # a province's coverage
]
SEARCH = "tim-kiem/?q=thach%20ha"  # search.js reads the query from ?q=
# Every violation the page reports, kept on the window for the test to read.
WATCH = """window.__kh_csp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__kh_csp.push(
  `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`));"""


class _Visit:
    """One browser tab that records CSP violations, CSP console messages and page errors."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context(locale="vi-VN")
        self.tab = self.context.new_page()
        self.tab.add_init_script(WATCH)
        self.problems: list[str] = []
        self.tab.on("console", self._console)
        self.tab.on("pageerror", lambda error: self.problems.append(f"error: {error}"))

    def _console(self, message: Any) -> None:
        if "Content Security Policy" in message.text:
            self.problems.append(f"console: {message.text}")

    def open(self, url: str) -> list[str]:
        """Load ``url``; every problem seen there (violations are reported asynchronously,
        so the tab waits for the network to settle first)."""
        self.problems.clear()
        self.tab.goto(url, wait_until="networkidle")
        found = self.problems + [f"violation: {v}" for v in self.tab.evaluate("window.__kh_csp")]
        return [f"{url}: {p}" for p in found]

    def search_results(self) -> int:
        """How many results the search page shows (0 when none come within 15 s)."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        results = self.tab.locator("#kh-search-results li")
        with contextlib.suppress(PlaywrightTimeout):
            results.first.wait_for(timeout=15000)
        return int(results.count())


def test_the_watch_sees_a_blocked_script(site: Path, browser: Any) -> None:
    """Control: with one hash taken out of the home page's policy, its script is blocked and
    the test sees it, so a clean result below means no violation, not a deaf watch."""
    page = (site / "index.html").read_text(encoding="utf-8")
    first_hash = re.search(r" 'sha256-[^']+'", page)
    assert first_hash
    with serve(site) as base:
        visit = _Visit(browser)
        visit.tab.route(base, lambda route: route.fulfill(
            status=200, content_type="text/html", body=page.replace(first_hash[0], "", 1)))
        problems = visit.open(base)
        visit.context.close()
    assert any("script-src" in p for p in problems), problems


def test_pages_run_without_any_violation(site: Path, browser: Any) -> None:
    with serve(site) as base:
        visit = _Visit(browser)
        problems = [p for path in PAGES for p in visit.open(base + path)]
        visit.open(base + PAGES[3])
        # timeline.js ran: the legend now names the reader's day, not the build date.
        legend = visit.tab.locator("[data-kh-today-legend]").first.text_content()
        visit.context.close()
    assert not problems, "\n".join(problems)
    assert legend and legend.startswith("Hôm nay ("), legend


def test_search_finds_results_without_any_violation(site: Path, browser: Any) -> None:
    """The search page preloads its module and the index's manifest, then fetches shards
    and pages' metadata (connect-src 'self'): no WebAssembly, no worker."""
    with serve(site) as base:
        visit = _Visit(browser)
        problems = visit.open(base + SEARCH)
        count = visit.search_results()
        problems += [f"after the search: {p}" for p in visit.tab.evaluate("window.__kh_csp")]
        visit.context.close()
    assert not problems, "\n".join(problems)
    assert count > 0
