"""Accessibility of the built site in Debian's chromium, served under a sub-path as on GitHub
Pages: axe-core finds no WCAG 2.0/2.1 A or AA violation (nor a heading or landmark fault) on
each kind of page at a phone's and a desktop's width; timeline text, which axe cannot judge,
has enough contrast; the Tab key alone reaches the search box, a search result, a plan's
timeline and its activity table, each with a visible focus; the search page names its fields
and announces its results; and every page, the activity table too, fits a 360 px screen
(screenshots in test-artifacts/)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.sitetools import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# Headings and landmarks, which axe files under best practice rather than WCAG. Not "region"
# (all content inside landmarks): the drawer's checkbox must stay before Material's header,
# outside any landmark, to take keyboard focus (docs/assets/kehoach.css).
STRUCTURE = {"runOnly": {"type": "rule", "values": [
    "heading-order", "empty-heading", "page-has-heading-one", "landmark-one-main",
    "landmark-unique", "landmark-no-duplicate-main", "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo", "landmark-main-is-top-level",
    "landmark-banner-is-top-level", "landmark-contentinfo-is-top-level",
    "empty-table-header", "scope-attr-valid", "tabindex"]}}
PLAN = "ha-tinh/xa-thach-ha/ha-tinh-thach-ha-2025-ngay-cds/"
PAGES = {
    "home": "", "province": "ha-tinh/", "commune": "ha-tinh/xa-thach-ha/",
    "province-plan": "ha-tinh/ha-tinh-2025-ngay-cds/", "commune-plan": PLAN,
    "unit": "ha-tinh/xa-thach-ha/don-vi/phong-kinh-te/", "search": "tim-kiem/?q=thach+ha",
    "year": "lich/", "documents": "van-ban/", "open-data": "du-lieu/",
    "guide": "huong-dan-nhap-lieu/", "embed": "ha-tinh/xa-thach-ha/nhung/",
    "coverage": "tinh-hinh/2025/", "province-coverage": "ha-tinh/tinh-hinh/2025/",
}
# The focused element, and whether it is seen focused: matches :focus-visible, and it (or a
# label of it, which draws the drawer checkbox's ring) is on screen with an outline or shadow.
FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const ringed = (n) => {
    const s = getComputedStyle(n), r = n.getBoundingClientRect();
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
      || s.boxShadow !== 'none';
    return ring && s.visibility === 'visible' && r.width > 0 && r.height > 0
      && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  };
  const text = e.getAttribute('aria-label') || e.textContent || e.id;
  return {tag: e.tagName, text: text.trim().slice(0, 50),
          seen: e.matches(':focus-visible') && [e, ...(e.labels || [])].some(ringed)};
}"""
# Contrast of each timeline text against the page behind the chart (WCAG's formula).
SVG_CONTRAST = """() => {
  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => v / 255)
    .map((v) => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const over = (fg, bg) => fg.length < 4 ? fg : fg.slice(0, 3).map((v, i) =>
    v * fg[3] + bg[i] * (1 - fg[3]));
  const behind = (n) => {
    for (; n; n = n.parentElement) {
      const c = rgb(getComputedStyle(n).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  return [...document.querySelectorAll('svg.kh-tl-svg text')].map((t) => {
    const bg = behind(t.closest('svg')), fg = over(rgb(getComputedStyle(t).fill), bg);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    return {text: t.textContent.slice(0, 40), ratio: (hi + 0.05) / (lo + 0.05)};
  });
}"""


@pytest.fixture(scope="module", autouse=True)
def _axe_installed_and_artifacts_folder() -> None:
    # `make test` installs it first (make node): missing, every test here fails.
    assert AXE.exists(), "axe-core is not installed (make node)"
    ARTIFACTS.mkdir(exist_ok=True)


@pytest.fixture(params=[360, 1280], ids=lambda width: f"{width}px")
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": request.param, "height": 800},
                                  locale="vi-VN")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert not errors, errors


def _open(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    if "tim-kiem/?q=" in url:
        page.wait_for_selector("#kh-search-results a")


def _wait(page: Any, condition: str, seconds: float = 10) -> None:
    """Waits for ``condition`` (JavaScript). Not page.wait_for_function, which evaluates its
    text with eval(), refused by the site's Content-Security-Policy."""
    for _ in range(int(seconds * 20)):
        if page.evaluate(condition):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"still false after {seconds} s: {condition}")


def _axe(page: Any, options: dict[str, Any]) -> list[dict[str, Any]]:
    # Evaluated, not added as a <script>: the site's Content-Security-Policy refuses inline
    # scripts, and the pages are tested as published.
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result: dict[str, Any] = page.evaluate("options => axe.run(document, options)", options)
    return list(result["violations"])


def _report(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"]:
            summary = " ".join(str(node.get("failureSummary", "")).split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary[:300]}")
    return "\n".join(lines)


@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_violation(page: Any, base: str, name: str) -> None:
    _open(page, base + PAGES[name])
    assert page.evaluate("document.documentElement.getAttribute('lang')") == "vi"
    violations = _axe(page, WCAG) + _axe(page, STRUCTURE)
    assert not violations, f"{name} ({PAGES[name] or '/'}):\n{_report(violations)}"


def test_axe_finds_no_violation_in_the_open_drawer(browser: Any, base: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800})
    tab = context.new_page()
    _open(tab, base + PAGES["province"])
    tab.keyboard.press("Tab")
    tab.keyboard.press("Space")
    _wait(tab, "document.getElementById('__drawer').checked")
    violations = _axe(tab, WCAG)
    context.close()
    assert not violations, _report(violations)


@pytest.mark.parametrize("name", ["province", "province-plan", "commune-plan"])
def test_timeline_text_has_enough_contrast(page: Any, base: str, name: str) -> None:
    _open(page, base + PAGES[name])
    texts = page.evaluate(SVG_CONTRAST)
    assert texts, "no timeline text found: the check would prove nothing"
    low = [t for t in texts if t["ratio"] < 4.5]
    assert not low, low


def _tab_until(page: Any, condition: str, limit: int) -> list[dict[str, Any]]:
    """Presses Tab until ``condition`` (JavaScript) holds, checking that every element it
    passes is seen focused. Returns the elements passed."""
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS)
        assert stop is not None and stop["seen"], f"focus not visible on {stop}, after {stops}"
        stops.append(stop)
        if page.evaluate(condition):
            return stops
    raise AssertionError(f"not reached in {limit} presses of Tab: {condition}; went {stops}")


def test_tab_reaches_the_search_box_then_the_first_result(page: Any, base: str) -> None:
    _open(page, base)
    _tab_until(page, "document.activeElement.id === 'kh-searchbox-q'", 30)
    page.keyboard.type("thach ha")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}tim-kiem/?q=thach+ha")
    page.wait_for_selector("#kh-search-results a")
    _tab_until(page, "!!document.activeElement.closest('#kh-search-results')", 40)
    assert page.evaluate(
        "document.activeElement === document.querySelector('#kh-search-results a')")
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)


def test_tab_reaches_the_timeline_box_and_the_activity_table(page: Any, base: str) -> None:
    _open(page, base + PLAN)
    _tab_until(page, "document.activeElement.classList.contains('kh-tl-scroll')", 40)
    assert page.evaluate("document.activeElement.getAttribute('role')") == "region"
    width = page.viewport_size["width"]
    page.screenshot(path=str(ARTIFACTS / f"a11y-focus-timeline-{width}.png"))
    # The table is folded under its summary: Tab reaches the summary, Enter unfolds it.
    _tab_until(page, "document.activeElement.matches('.kh-tl-details > summary')", 3)
    page.keyboard.press("Enter")
    _tab_until(page, "document.activeElement.matches('.kh-tl-details .kh-table-wrap')", 3)
    headers = page.evaluate("""[...document.activeElement.querySelectorAll(
        'table.kh-tl-table thead th[scope=col]')].map(th => th.textContent)""")
    assert headers[:2] == ["Hoạt động", "Chủ trì"], headers
    page.screenshot(path=str(ARTIFACTS / f"a11y-focus-table-{width}.png"))


def test_the_drawer_opens_from_the_keyboard_and_hides_when_closed(browser: Any,
                                                                   base: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800})
    tab = context.new_page()
    _open(tab, base + PAGES["province"])
    stops = _tab_until(tab, "document.activeElement.id === '__drawer'", 1)
    assert stops[-1]["text"] == "Danh mục trang"
    tab.screenshot(path=str(ARTIFACTS / "a11y-focus-drawer-360.png"))
    # Closed, its links are out of the Tab order; opened with Space, they come next.
    _tab_until(tab, "document.activeElement.id === 'kh-searchbox-q'", 1)
    tab.keyboard.press("Shift+Tab")
    tab.keyboard.press("Space")
    _wait(tab, "document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
    _tab_until(tab, "!!document.activeElement.closest('.md-sidebar--primary')", 1)
    tab.screenshot(path=str(ARTIFACTS / "a11y-drawer-open-360.png"))
    context.close()


def test_tab_stays_in_the_open_drawer(browser: Any, base: str) -> None:
    """Past the drawer's last link, Tab went on through the page dimmed behind it, where the
    focus could not be seen; it now leaves the page (the browser's own controls) and comes
    back to the drawer, as in a dialog."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    tab = context.new_page()
    _open(tab, base + PAGES["province"])
    _tab_until(tab, "document.activeElement.id === '__drawer'", 1)
    tab.keyboard.press("Space")
    _wait(tab, "document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
    tab.wait_for_timeout(300)  # the slide-in is over
    inside = """() => { const e = document.activeElement;
      return e === document.body || e.id === '__drawer' || !!e.closest('.md-sidebar--primary'); }"""
    links = tab.evaluate("""document.querySelectorAll('.md-sidebar--primary a[href]').length""")
    places = []
    for _ in range(links + 5):
        tab.keyboard.press("Tab")
        places.append(tab.evaluate("(document.activeElement.textContent || '').trim()"))
        assert tab.evaluate(inside), f"focus left the drawer after {places}"
    context.close()


def test_search_fields_are_named_and_results_announced(page: Any, base: str) -> None:
    _open(page, base)
    box = page.get_by_role("search").get_by_role("searchbox", name="Tìm kế hoạch")
    assert box.count() == 1
    _open(page, base + "tim-kiem/")
    status = page.locator("#kh-search-status")
    # A live region is announced only if it is on the page, empty, before the results come.
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text() == ""
    page.evaluate("""() => { window.khStatus = document.getElementById('kh-search-status');
        window.khHeard = [];
        new MutationObserver(() => khHeard.push(khStatus.textContent))
          .observe(khStatus, {childList: true, characterData: true, subtree: true}); }""")
    query = page.get_by_role("searchbox", name="Từ khóa")
    assert query.get_attribute("aria-describedby") == "kh-q-hint"
    query.fill("vneid")
    query.press("Enter")
    _wait(page, "khHeard.length > 0")
    # The results: the list's own items (each may hold a list of the parts of its page).
    results = page.get_by_role("list", name="Kết quả tìm kiếm").locator(":scope > li")
    assert results.count() > 0
    assert page.evaluate("khStatus === document.getElementById('kh-search-status')")
    assert page.evaluate("khHeard.at(-1)") == f"Tìm thấy {results.count()} kết quả cho “vneid”."


def _wider_than_360px(browser: Any, base: str, pages: dict[str, str], *,
                      screenshots: bool = False) -> dict[str, list[int]]:
    """The pages (name → URL under ``base``) wider than a 360 px phone screen, with their
    [scroll width, screen width]."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="vi-VN")
    tab = context.new_page()
    wide = {}
    for name, url in pages.items():
        _open(tab, base + url)
        if screenshots:
            tab.screenshot(path=str(ARTIFACTS / f"a11y-{name}-360.png"), full_page=True)
        sizes = tab.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        if sizes[0] > sizes[1]:
            wide[name] = sizes
    context.close()
    return wide


def test_pages_fit_a_360px_screen(browser: Any, base: str) -> None:
    wide = _wider_than_360px(browser, base, PAGES, screenshots=True)
    assert not wide, f"pages wider than the screen: {wide}"


def test_the_activity_table_stays_readable_at_360px(browser: Any, base: str) -> None:
    """Its activity names keep a readable width (the box scrolls sideways instead): links may
    break anywhere elsewhere, which squeezed that column to a letter a line."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="vi-VN")
    tab = context.new_page()
    _open(tab, base + PLAN)
    tab.evaluate("document.querySelector('.kh-tl-details').open = true")
    widths = tab.evaluate("""[...document.querySelectorAll('.kh-tl-table tbody th')]
        .map(th => th.getBoundingClientRect().width)""")
    tab.locator(".kh-tl-details .kh-table-wrap").screenshot(
        path=str(ARTIFACTS / "a11y-activity-table-360.png"))
    context.close()
    assert widths and min(widths) >= 120, widths  # some 15 letters; 34 px before the fix
