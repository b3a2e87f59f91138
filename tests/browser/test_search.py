"""Search: Vietnamese folding and what a page gives the index (kehoach.search.text), the index
files (kehoach.search.index), then the built site's search in Debian's chromium, served under
a sub-path: queries typed with or without tone marks and đ find the right page, exact
spelling ranks first, filters narrow, every page is indexed once, and the page works with
the keyboard and a screen reader."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from hooks.search import index_site
from kehoach.search.index import INDEX_DIR, MANIFEST, embed_manifest
from kehoach.search.text import (
    COMMON_SHARE,
    UNINDEXED_KINDS,
    common_words,
    filter_pairs,
    filter_token,
    fold,
    prepare_page,
    search_terms,
)
from kehoach.site.pages.search import search_page
from kehoach.site.spec import PageSpec
from tests.sitetools import ROOT, build_site, serve

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


def _page(body: str, kind: str = "Kế hoạch") -> str:
    """A built page as main.html draws it: the search slot inside the indexed body."""
    meta = (f'<div hidden><span data-search-meta="kind">{kind}</span>'
            '<span data-search-filter="province">Tỉnh Hà Tĩnh</span></div>'
            '<form data-search-ignore="all">Tìm</form>')
    body = body.replace("data-search-body>", "data-search-body>" + meta, 1)
    return f'<!doctype html><html lang="vi"><body><nav>Đường dẫn</nav>{body}</body></html>'


# --- pure helpers ---------------------------------------------------------------------------


def test_fold_removes_marks_case_and_the_stroke_of_d() -> None:
    assert fold("ĐỨC THỌ") == "duc tho"
    assert fold("Chuyển đổi số") == "chuyen doi so"
    assert fold("Ke hoach 541/KH-UBND") == "ke hoach 541/kh-ubnd"


def test_filter_pairs_split_years_and_keep_form_order() -> None:
    facets = {"kind": "Đơn vị", "year": "2024, 2025", "province": "Tỉnh Hà Tĩnh", "locality": "x"}
    assert filter_pairs(facets) == [("province", "Tỉnh Hà Tĩnh"), ("year", "2024"),
                                    ("year", "2025"), ("kind", "Đơn vị")]
    assert filter_pairs(None) == []


def test_search_terms_are_distinct_words_per_weight_heaviest_first() -> None:
    texts = [(1.0, "Chuyển đổi số, đổi mới (số 541/KH-UBND)."), (7.0, "Huyện Đức Thọ"),
             (7.0, "Đức Thọ"), (2.5, " ( ) ")]
    assert search_terms(texts) == [
        (7.0, ["huyện", "đức", "thọ"]),
        (1.0, ["chuyển", "đổi", "số", "mới", "541/kh-ubnd"]),
    ]


def test_prepare_page_indexes_the_distinct_words_of_the_body_only() -> None:
    html = _page('<main data-search-body><h1>Huyện Đức Thọ</h1><p>Chuyển đổi số, đổi mới.'
                 '</p><p data-search-ignore>Đảng</p><p data-search-weight="3">Ưu tiên</p>'
                 '</main><form>Đăng nhập</form>')
    prepared = prepare_page(html)
    assert prepared is not None
    assert prepared.groups == [(7.0, ["huyện", "đức", "thọ"]), (3.0, ["ưu", "tiên"]),
                               (1.0, ["chuyển", "đổi", "số", "mới"])]
    assert prepared.meta == {"kind": "Kế hoạch"}  # metadata, not page text ("kế hoạch")
    assert prepared.filters == ["kh_province__tinh_ha_tinh__"]  # a word of the index
    # Outside the body ("Đăng nhập") and ignored parts ("Đảng") are not indexed.
    assert prepared.words == {"huyen", "duc", "tho", "uu", "tien", "chuyen", "doi", "so", "moi"}


def test_filter_words_never_begin_one_another() -> None:
    assert filter_token("level", "Cấp huyện (đã giải thể)") == "kh_level__cap_huyen_da_giai_the__"
    tokens = [filter_token("province", v) for v in ("Tỉnh Hà", "Tỉnh Hà Tĩnh", "Tỉnh Hà Nam")]
    assert not any(a != b and b.startswith(a) for a in tokens for b in tokens)


def test_prepare_page_skips_pages_without_body_and_unindexed_kinds() -> None:
    assert prepare_page(_page("<h1>404</h1>")) is None
    for kind in UNINDEXED_KINDS:
        assert prepare_page(_page("<main data-search-body>Xin chào</main>", kind)) is None
    assert prepare_page(_page("<main data-search-body>Xin chào</main>")) is not None


def test_common_words_only_on_a_large_site() -> None:
    share = round(COMMON_SHARE * 1000)
    counts = Counter({"so": 900, "doi": share, "chu": share - 1, "thach": 3})
    assert common_words(counts, 1000) == ["doi", "so"]
    assert common_words(counts, 999) == []  # a small site looks every word up


def test_search_page_lists_filter_values_of_indexed_pages_in_reading_order() -> None:
    pages = [
        PageSpec("a/index.md", "plan.html", "A", facets={
            "kind": "Kế hoạch", "province": "Tỉnh Đồng Nai", "year": "2025"}),
        PageSpec("b/index.md", "plan.html", "B", facets={
            "kind": "Kế hoạch", "province": "Tỉnh Cà Mau", "year": "2024, 2025"}),
        PageSpec("c/index.md", "plan.html", "C", facets={
            "kind": "Kế hoạch", "province": "Tỉnh Dak"}),
        PageSpec("u/index.md", "unit.html", "U", facets={"kind": "Đơn vị", "province": "Tỉnh X"}),
    ]
    filters = {f["key"]: f["values"] for f in search_page(pages).data["filters"]}
    assert [v["value"] for v in filters["province"]] == ["Tỉnh Cà Mau", "Tỉnh Dak", "Tỉnh Đồng Nai"]
    assert filters["year"] == [{"value": "2025", "count": 2}, {"value": "2024", "count": 1}]
    assert [v["value"] for v in filters["kind"]] == ["Kế hoạch"]  # units are not indexed


# --- in the browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("search") / "site"
    build_site(out)
    return out


@pytest.fixture(scope="module")
def base(site: Path) -> Iterator[str]:
    with serve(site, sub_path=True) as url:
        yield url


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
    links = page.eval_on_selector_all("#kh-search-results a", "as => as.map(a => a.href)")
    assert all(link.startswith(base) for link in links), links
    return [link.removeprefix(base) for link in links]


@pytest.mark.parametrize(("path", "shown"), [
    (THACH_HA[0], "iframe"),  # a locality's embed code and its instructions
    (THACH_HA[1], "outlook"),  # how to add a plan's calendar to a phone
])
def test_help_for_editors_and_calendar_users_is_on_the_page_but_not_indexed(
    site: Path, path: str, shown: str
) -> None:
    """Text that every page of a kind repeats word for word is not what a reader looks for:
    indexed, "iframe" or "outlook" would find every locality or plan of the country."""
    html = (site / path / "index.html").read_text(encoding="utf-8")
    assert shown in html.lower()
    prepared = prepare_page(html)
    assert prepared is not None
    assert fold(shown) not in prepared.words


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
def test_each_result_shows_title_locality_province_year_with_the_words_marked(
    page: Any, base: str
) -> None:
    _results(page, base, "thach ha")
    first = page.locator(".kh-result").filter(has_text="Kế hoạch – Xã Thạch Hà").first
    assert first.locator(".kh-result-meta").inner_text() == (
        "Kế hoạch · Xã Thạch Hà, Tỉnh Hà Tĩnh · 2025")
    assert first.locator(".kh-result-title mark").all_inner_texts() == ["Thạch", "Hà"]
    assert "Thạch Hà" in first.locator(".kh-result-text").inner_text()


@pytest.mark.browser
def test_words_on_most_pages_of_a_national_site_ask_for_a_place_first(
    page: Any, base: str, site: Path
) -> None:
    common = site / INDEX_DIR / MANIFEST
    saved = common.read_text(encoding="utf-8")
    manifest = {**json.loads(saved), "pages": 7000, "common": ["chuyen", "doi", "so"]}
    common.write_text(json.dumps(manifest), encoding="utf-8")
    assert embed_manifest(site)  # the search page reads the manifest it holds
    try:
        assert _results(page, base, "chuyển đổi số") == []
        assert "có trong rất nhiều trang" in page.inner_text("#kh-search-status")
        page.get_by_role("button", name="Vẫn tìm với các từ này").click()
        page.wait_for_selector("#kh-search-results a")
        assert page.locator("#kh-search-anyway").is_hidden()
        assert _results(page, base, "chuyen doi so thach ha")
        assert _results(page, base, "chuyen doi so", province="Tỉnh Hà Tĩnh")
    finally:
        common.write_text(saved, encoding="utf-8")
        embed_manifest(site)


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


def _embedded_manifest(site: Path) -> Any:
    html = (site / "tim-kiem" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="kh-search-manifest">([^<]*)</', html)
    assert found, "the search page has no manifest block"
    return json.loads(found[1])


def test_the_search_page_holds_the_manifest_of_its_index(site: Path) -> None:
    manifest = json.loads((site / INDEX_DIR / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["pages"] > 0
    assert _embedded_manifest(site) == manifest


def test_the_manifest_is_put_in_the_page_again_and_cannot_end_its_block(tmp_path: Path) -> None:
    """Written again over an older one; a "<" in it (none is expected) is escaped, so the
    data can never close the <script> element and become HTML."""
    page = tmp_path / "tim-kiem" / "index.html"
    page.parent.mkdir()
    block = '<script type="application/json" id="kh-search-manifest">{}</script>'
    page.write_text(f"<head>{block}</head><p>x</p>", encoding="utf-8")
    (tmp_path / INDEX_DIR).mkdir()
    manifest = {"version": "new", "shards": ["</script><b>"]}
    (tmp_path / INDEX_DIR / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert embed_manifest(tmp_path)
    html = page.read_text(encoding="utf-8")
    assert "<b>" not in html and html.endswith("</script></head><p>x</p>")
    assert _embedded_manifest(tmp_path) == manifest
    page.write_text("<head></head>", encoding="utf-8")
    assert not embed_manifest(tmp_path)  # no block: the page fetches manifest.json


def test_every_indexed_page_appears_once_and_only_pages_with_a_body(site: Path) -> None:
    index = _read_index(site / INDEX_DIR)
    urls = [meta["url"] for meta in index.metas]
    assert len(urls) == len(set(urls)) == index.manifest["pages"] > 10
    assert urls == sorted(urls)  # numbered by address: the same index whatever the order
    assert "huong-dan-nhap-lieu/" in urls and "ha-tinh/" in urls
    assert "dong-nai/xa-xuan-loc/dong-nai-xuan-loc-2025-ngay-cds/" in urls
    for left_out in ("404.html", "tim-kiem/", ""):
        assert left_out not in urls
    assert not any("/don-vi/" in url for url in urls)  # unit pages are not indexed
    assert (site / "404.html").exists() and "data-search-body" not in (
        site / "404.html").read_text(encoding="utf-8")
    for word, pages in index.postings.items():  # each page once per word, in page order
        assert pages == sorted(set(pages)) and pages[-1] < len(urls), word


@dataclass
class _Index:
    manifest: dict[str, Any]
    metas: list[dict[str, str]]
    postings: dict[str, list[int]]  # folded word → its pages


def _read_index(folder: Path) -> _Index:
    """The index files decoded as search-engine.js reads them (kehoach/search/index.py)."""
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    version = manifest["version"]
    metas = [m for n in range(-(-manifest["pages"] // manifest["chunk"]))
             for m in json.loads((folder / f"p/{version}-{n}.json").read_text("utf-8"))]
    postings: dict[str, list[int]] = {}
    for number, first in enumerate(manifest["shards"]):
        shard = json.loads((folder / f"t/{version}-{number}.json").read_text(encoding="utf-8"))
        assert min(shard) == first
        for word, (_, flat) in shard.items():
            pages, at, page = postings.setdefault(word, []), 0, 0
            while at < len(flat):
                page += flat[at]
                pages.append(page)
                at += 4 + flat[at + 3]
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert len(files) == 1 + len(manifest["shards"]) + -(-len(metas) // manifest["chunk"])
    return _Index(manifest, metas, postings)


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
    tab.route(f"**/{INDEX_DIR}/{lost}/**", lambda route: route.abort())
    tab.goto(f"{base}tim-kiem/?q=thach+ha")
    expect(tab.locator("#kh-search-status")).to_have_text(re.compile("Chưa tải được"))
    assert tab.locator("#kh-search-results li").count() == 0
    context.close()
    assert not errors, errors


def test_the_theme_script_of_the_search_page_is_materials() -> None:
    """overrides/search.html names Material's script itself (search.js loads it later): the
    name must be the one in Material's base.html, which changes with each Material release."""
    import material

    ours = (ROOT / "overrides" / "search.html").read_text(encoding="utf-8")
    name = re.search(r'theme_script = "([^"]+)"', ours)
    assert name, "overrides/search.html sets no theme_script"
    materials = Path(material.__file__).parent / "templates" / "base.html"
    assert f"'{name[1]}'" in materials.read_text(encoding="utf-8")


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
