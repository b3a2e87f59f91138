"""Search on the reference site in Debian's chromium, served under a sub-path: queries typed
with or without tone marks and đ find the right page, exact spelling ranks first, filters
narrow, a lost index file is said, and the page works with the keyboard and a screen reader.
Folding and the index without a browser: tests/unit/test_search_text.py,
tests/site/test_search_index.py."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from kehoach.adapter.search import index_site
from kehoach.search.index import MANIFEST, embed_manifest
from kehoach.site.routes import SEARCH_INDEX, SEARCH_PAGE_FILE
from kehoach.vietnamese import fold
from tests.sitetools import ROOT, serve
from tests.unit.test_search_text import _page

DUC_THO = ("ha-tinh/huyen-duc-tho/", "ha-tinh/huyen-duc-tho/ha-tinh-duc-tho-2024-ngay-cds/")
THACH_HA = ("ha-tinh/xa-thach-ha/", "ha-tinh/xa-thach-ha/ha-tinh-thach-ha-2025-ngay-cds/")
CHU_KY_SO = ("dong-nai/xa-xuan-loc/dong-nai-xuan-loc-2025-ngay-cds/",
             "ha-tinh/huyen-duc-tho/ha-tinh-duc-tho-2024-ngay-cds/")
# Query → pages of which one must be among the first three results.
EXPECTED = {
    "Duc Tho": DUC_THO, "ĐỨC THỌ": DUC_THO, "đức thọ": DUC_THO,
    "thach ha": THACH_HA, "Thạch Hà": THACH_HA,
    "binh dan hoc vu so": ("nen-tang/binhdanhocvuso-gov-vn/",),
    "bình dân học vụ số": ("nen-tang/binhdanhocvuso-gov-vn/",),
    "vneid": ("nen-tang/vneid/",), "VNeID": ("nen-tang/vneid/",),
    "chu ky so": CHU_KY_SO, "chữ ký số": CHU_KY_SO,
}


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="vi-VN")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield tab
    context.close()
    assert not errors, errors


def _results(page: Any, base: str, query: str, **filters: str) -> list[str]:
    """Result URLs (relative to the site) of the search page opened with ?q=…&filter=…."""
    page.goto(f"{base}tim-kiem/?{urlencode({'q': query, **filters})}")
    from playwright.sync_api import expect

    # Locator assertions, not wait_for_function: it polls with eval, which the site's
    # Content-Security-Policy refuses (and should).
    expect(page.locator("#kh-search-status")).not_to_have_text("", timeout=30000)
    links = page.eval_on_selector_all(".kh-result-title a", "as => as.map(a => a.href)")
    assert all(link.startswith(base) for link in links), links
    return [link.removeprefix(base) for link in links]


@pytest.mark.browser
@pytest.mark.parametrize("query", list(EXPECTED))
def test_query_finds_the_right_page_among_the_first_three(page: Any, base: str, query: str) -> None:
    top = _results(page, base, query)[:3]
    assert set(top) & set(EXPECTED[query]), f"{query!r}: {top}"


@pytest.mark.browser
@pytest.mark.parametrize("query", ["chuyen doi so", "chuyển đổi số", "CHUYỂN ĐỔI SỐ"])
def test_generic_query_ranks_pages_about_it_first(page: Any, base: str, query: str) -> None:
    _results(page, base, query)
    titles = page.eval_on_selector_all(".kh-result", "rs => rs.map(r => r.textContent)")
    assert len(titles) >= 10
    assert all("chuyen doi so" in fold(title) for title in titles[:3]), titles[:3]


@pytest.mark.browser
def test_each_result_shows_title_locality_province_year_progress_with_the_words_marked(
    page: Any, base: str
) -> None:
    _results(page, base, "thach ha")
    first = page.locator(".kh-result").filter(has_text="Kế hoạch – Xã Thạch Hà").first
    # The reference site is built on 10/10/2025: no report, no activity of it ended before.
    assert first.locator(".kh-result-meta").inner_text() == (
        "Kế hoạch · Xã Thạch Hà, Tỉnh Hà Tĩnh · 2025 · tiến độ 0%: 0/6 đã hoàn thành, "
        "6 chưa có báo cáo")
    assert first.locator(".kh-result-title mark").all_inner_texts() == ["Thạch", "Hà"]
    assert "Thạch Hà" in first.locator(":scope > .kh-result-text").inner_text()


@pytest.mark.browser
def test_words_on_most_pages_of_a_national_site_ask_for_a_place_first(
    page: Any, site_copy: Path
) -> None:
    site = site_copy  # its index manifest is made to look national
    common = site / SEARCH_INDEX / MANIFEST
    saved = common.read_text(encoding="utf-8")
    manifest = {**json.loads(saved), "pages": 7000, "common": ["chuyen", "doi", "so"]}
    common.write_text(json.dumps(manifest), encoding="utf-8")
    for n in range(3):  # the phrases each word begins: none kept (kehoach/search/common.py)
        phrases = site / SEARCH_INDEX / "c" / f"{manifest['version']}-{n}.json"
        phrases.parent.mkdir(exist_ok=True)
        phrases.write_text("{}", encoding="utf-8")
    # the search page reads the manifest it holds
    assert embed_manifest(site / SEARCH_INDEX, site / SEARCH_PAGE_FILE)
    with serve(site, sub_path=True) as base:
        assert _results(page, base, "chuyển đổi số") == []
        assert "có trong rất nhiều trang" in page.inner_text("#kh-search-status")
        page.get_by_role("button", name="Vẫn tìm với các từ này").click()
        page.wait_for_selector("#kh-search-results a")
        assert page.locator("#kh-search-anyway").is_hidden()
        assert _results(page, base, "chuyen doi so thach ha")
        assert _results(page, base, "chuyen doi so", province="Tỉnh Hà Tĩnh")


@pytest.mark.browser
def test_filters_narrow_the_results_and_stay_in_the_address(page: Any, base: str) -> None:
    everything = _results(page, base, "chu ky so")
    narrowed = _results(page, base, "chu ky so", province="Tỉnh Đồng Nai")
    assert 0 < len(narrowed) < len(everything)
    metas = page.locator(".kh-result-meta").all_inner_texts()
    assert all("Đồng Nai" in m for m in metas), metas
    page.select_option("#kh-f-year", "2024")  # a second filter: no 2024 plan in Đồng Nai
    from playwright.sync_api import expect

    expect(page).to_have_url(re.compile(r"[?&]year=2024"))
    expect(page.locator("#kh-search-results li")).to_have_count(0)
    assert "Không tìm thấy" in page.inner_text("#kh-search-status")


def _tab_to(page: Any, condition: str, times: int) -> bool:
    """Presses Tab until ``condition`` (JavaScript) holds, at most ``times`` times."""
    for _ in range(times):
        page.keyboard.press("Tab")
        if page.evaluate(condition):
            return True
    return False


@pytest.mark.browser
def test_keyboard_only_from_a_plan_page_to_a_result(page: Any, base: str) -> None:
    page.goto(f"{base}ha-tinh/ha-tinh-2025-ngay-cds/")
    assert _tab_to(page, "document.activeElement.id === 'kh-searchbox-q'", 40), "no search box"
    page.keyboard.type("binh dan hoc vu so")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}tim-kiem/?q=binh+dan+hoc+vu+so")
    page.wait_for_selector("#kh-search-results a")
    assert page.get_by_label("Từ khóa").input_value() == "binh dan hoc vu so"
    assert _tab_to(page, "!!document.activeElement.closest('#kh-search-results')", 20)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}nen-tang/**")


# Before each document: whether the theme's script was on the page when the first result was.
THEME_AT_FIRST_RESULT = """new MutationObserver((_, observer) => {
  if (!document.querySelector('#kh-search-results li')) return;
  observer.disconnect();
  window.__themeAtFirstResult = !!document.querySelector('script[src*="javascripts/bundle"]');
}).observe(document, {childList: true, subtree: true});"""


@pytest.mark.browser
@pytest.mark.parametrize("query", ["thach ha", ""])
def test_the_theme_starts_after_the_first_results(browser: Any, base: str, query: str) -> None:
    """search.js loads Material's script once the first results are shown (or at once when
    there is no query), and hands it the document: its sidebar then follows the scroll (it
    sets the sidebar's style), which it does not do when started after DOMContentLoaded
    without being handed the document."""
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.add_init_script(THEME_AT_FIRST_RESULT)
    tab.goto(f"{base}tim-kiem/?{urlencode({'q': query})}" if query else f"{base}tim-kiem/")
    if query:
        tab.wait_for_selector("#kh-search-results a")
        assert tab.evaluate("window.__themeAtFirstResult") is False
    expect(tab.locator(".md-sidebar--primary")).to_have_attribute("style", re.compile("top"))
    assert tab.locator('script[src*="javascripts/bundle"]').count() == 1
    assert tab.evaluate("document.documentElement.classList.contains('js')")
    context.close()
    assert not errors, errors


@pytest.mark.browser
@pytest.mark.parametrize("lost", ["t", "p"])  # the words' shards, the results' metadata
def test_a_lost_index_file_is_said_and_nothing_half_shown(browser: Any, base: str,
                                                          lost: str) -> None:
    from playwright.sync_api import expect

    context = browser.new_context()
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.route(f"**/{SEARCH_INDEX}/{lost}/**", lambda route: route.abort())
    tab.goto(f"{base}tim-kiem/?q=thach+ha")
    expect(tab.locator("#kh-search-status")).to_have_text(re.compile("Chưa tải được"))
    assert tab.locator("#kh-search-results li").count() == 0
    context.close()
    assert not errors, errors


@pytest.mark.browser
def test_screen_reader_hears_the_count_in_a_live_region(page: Any, base: str) -> None:
    _results(page, base, "vneid")
    status = page.locator("#kh-search-status")
    assert status.get_attribute("role") == "status"
    count = page.locator("#kh-search-results > li").count()
    assert status.inner_text() == f"Tìm thấy {count} kết quả cho “vneid”."
    assert page.get_by_role("search").count() == 1
    assert page.get_by_label("Tỉnh, thành phố").count() == 1


@pytest.mark.browser
def test_exact_spelling_ranks_above_a_folded_match(browser: Any, tmp_path: Path) -> None:
    """Two pages, one written with marks and đ, one typed without: each query puts the page
    spelled as the reader typed first, and still finds the other one."""
    pages = {"dau": "Kế hoạch chuyển đổi số huyện Đức Thọ.",
             "khong-dau": "Ke hoach chuyen doi so huyen Duc Tho."}
    for name, text in pages.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(
            _page(f"<main data-search-body><p>{text}</p></main>"), encoding="utf-8")
    (tmp_path / "index.html").write_text("<!doctype html><html lang='vi'></html>", "utf-8")
    assert index_site(tmp_path).pages == 2
    shutil.copytree(ROOT / "docs" / "assets", tmp_path / "assets")
    with serve(tmp_path, sub_path=True) as url:
        tab = browser.new_page()
        tab.goto(url)
        ranked = tab.evaluate("""async (queries) => {
            const engine = await import(new URL('assets/search-engine.js', location).href);
            const index = await engine.openIndex(new URL('./', location));
            const out = {};
            for (const q of queries) {
                const found = await index.search(q);
                out[q] = await Promise.all(found.map(async r => (await index.page(r.page)).url));
            }
            return out; }""", ["Đức Thọ", "duc tho", "chuyển đổi", "chuyen doi", "doi", "đôi",
                               "huyen duc th", "duc thoi"])
        tab.close()
    with_marks, without = url + "dau/", url + "khong-dau/"
    # Both ways: "Đức" also finds "Duc", below the page spelled as typed.
    assert ranked["Đức Thọ"] == [with_marks, without]
    assert ranked["chuyển đổi"] == [with_marks, without]
    assert ranked["duc tho"] == [without, with_marks]
    assert ranked["chuyen doi"] == [without, with_marks]
    assert ranked["doi"] == [without, with_marks]
    assert set(ranked["đôi"]) == {with_marks, without}  # neither spelling is "đôi"
    # The last word may be the beginning of a word (the reader is typing); only the last.
    assert set(ranked["huyen duc th"]) == {with_marks, without}
    assert ranked["duc thoi"] == []


def _marked_runs(locator: Any) -> list[str]:
    """The texts of ``locator``'s paragraphs with the marked words in [brackets]."""
    return locator.evaluate_all("""ps => ps.map(p => [...p.childNodes].map(
        n => n.nodeName === 'MARK' ? `[${n.textContent}]` : n.textContent).join(''))""")


@pytest.mark.browser
@pytest.mark.parametrize(("query", "spelled"), [
    ("chu ky so", "[chữ] [ký] [số]"),
    ("binh dan hoc vu so", "[Bình] [dân] [học] [vụ] [số]"),
])
def test_a_result_shows_the_passage_with_the_words_as_the_page_spells_them(
    page: Any, base: str, query: str, spelled: str
) -> None:
    """Typed without marks, the words are marked as the page writes them (marks and đ), in
    the passage where they stand side by side (cut on word boundaries: search-excerpt.test.mjs)."""
    _results(page, base, query)
    passages = _marked_runs(page.locator(".kh-result > .kh-result-text"))
    assert any(spelled.lower() in p.lower() for p in passages[:3]), passages[:3]


@pytest.mark.browser
def test_a_sub_result_links_to_the_activity_and_lands_on_it(page: Any, base: str) -> None:
    _results(page, base, "chu ky so")
    sub = page.locator(".kh-result-parts a[href*='#hd-']").first
    href = sub.get_attribute("href")
    anchor = href.split("#", 1)[1]
    heading = sub.inner_text().strip("…")  # cut when long
    assert sub.locator("mark").all_inner_texts() == ["chữ", "ký", "số"]  # its heading
    # The parts below a page have their own passages, the words marked (but the part whose
    # passage is the page's, just above).
    assert page.locator(".kh-result-parts .kh-result-text mark").count() > 0
    sub.click()
    page.wait_for_url(f"**#{anchor}")
    target = page.locator(f"[id='{anchor}']")
    from playwright.sync_api import expect

    expect(target).to_be_in_viewport()
    assert heading in target.locator("h3").inner_text()
    assert target.get_attribute("tabindex") == "-1"  # focusable: reached by the keyboard
    assert page.evaluate("document.activeElement.id") == anchor


@pytest.mark.browser
def test_up_to_three_parts_of_a_page_are_listed_under_it(page: Any, base: str) -> None:
    _results(page, base, "chu ky so")
    counts = page.locator(".kh-result").evaluate_all(
        "rs => rs.map(r => r.querySelectorAll('.kh-result-parts > li').length)")
    assert max(counts) >= 2 and all(count <= 3 for count in counts), counts
    anchors = page.eval_on_selector_all(".kh-result-parts a", "as => as.map(a => a.hash)")
    assert all(re.fullmatch(r"#[a-z0-9-]+", a) for a in anchors), anchors


@pytest.mark.browser
def test_the_last_word_is_a_prefix_while_typing_not_after_enter(page: Any, base: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{base}tim-kiem/")
    page.get_by_label("Từ khóa").press_sequentially("duc th")  # paused: "th" begins "thọ"
    expect(page.locator("#kh-search-status")).to_have_text(re.compile("Tìm thấy"), timeout=30000)
    typed = page.eval_on_selector_all(".kh-result-title a", "as => as.map(a => a.href)")
    assert any(link.endswith(DUC_THO[1]) for link in typed), typed
    page.get_by_label("Từ khóa").press("Enter")  # submitted: "th" is a word of its own
    expect(page.locator("#kh-search-status")).not_to_have_text(
        re.compile(f"Tìm thấy {len(typed)} kết quả"))
    submitted = _results(page, base, "duc th")  # the same from the address
    assert len(submitted) < len(typed) and DUC_THO[1] not in submitted, submitted


@pytest.mark.browser
def test_a_lost_parts_file_leaves_the_result_with_its_description(browser: Any, base: str) -> None:
    context = browser.new_context()
    tab = context.new_page()
    tab.route(f"**/{SEARCH_INDEX}/f/**", lambda route: route.abort())
    tab.goto(f"{base}tim-kiem/?q=vneid")
    tab.wait_for_selector(".kh-result-title a")
    assert tab.locator(".kh-result-parts").count() == 0
    assert tab.locator(".kh-result > .kh-result-text").count() > 0  # the descriptions
    context.close()


@pytest.mark.browser
def test_a_phrase_on_most_pages_shows_its_best_pages_at_once_with_the_place_filter(
    page: Any, site_copy: Path
) -> None:
    """Indexed as a national site is (words on 40 % of pages are common: a reference site of
    74 pages passes for one of over 10), "chuyen doi so" is answered at once with the pages
    the index keeps for it, their passages marked, and the province filter opened beside."""
    from playwright.sync_api import expect

    index_site(site_copy, min_pages=10)
    manifest = json.loads((site_copy / SEARCH_INDEX / MANIFEST).read_text(encoding="utf-8"))
    assert {"chuyen", "doi", "so"} <= set(manifest["common"])
    with serve(site_copy, sub_path=True) as base:
        found = _results(page, base, "chuyen doi so")
        assert 3 <= len(found) <= 10, found
        expect(page.locator("#kh-search-status")).to_contain_text("trang tiêu biểu nhất")
        # Each shows where the phrase is: its title, its passage or a part of it.
        assert all("chuyen doi so" in fold(t) for t in page.locator(
            ".kh-result").all_inner_texts()[:3])
        passages = _marked_runs(page.locator(".kh-result > .kh-result-text"))
        assert any("[chuyển] [đổi] [số]" in p.lower() for p in passages), passages
        expect(page.get_by_label("Tỉnh, thành phố")).to_be_visible()
        page.get_by_role("button", name="Vẫn tìm với các từ này").click()
        expect(page.locator("#kh-search-status")).to_contain_text("Tìm thấy")
        assert len(page.locator(".kh-result-title a").all()) == 10  # every page, ten at a time
