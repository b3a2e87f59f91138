"""Search without a browser: Vietnamese folding and what a page gives the index
(kehoach.search.text), the search page's filters, and the manifest put in the search page
(hooks.search). The index of the reference site: tests/site/test_search_index.py; the search
in chromium: tests/browser/test_search.py."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from kehoach.search.index import MANIFEST, embed_manifest
from kehoach.search.text import (
    COMMON_SHARE,
    UNINDEXED_KINDS,
    common_words,
    filter_pairs,
    filter_token,
    neighbor_bit,
    prepare_page,
    search_terms,
)
from kehoach.site.pages.search import search_page
from kehoach.site.routes import SEARCH_INDEX, SEARCH_PAGE_FILE
from kehoach.site.spec import PageSpec
from kehoach.vietnamese import fold, sort_name


def _page(body: str, kind: str = "Kế hoạch") -> str:
    """A built page as main.html draws it: the search slot inside the indexed body."""
    meta = (f'<div hidden><span data-search-meta="kind">{kind}</span>'
            '<span data-search-filter="province">Tỉnh Hà Tĩnh</span></div>'
            '<form data-search-ignore="all">Tìm</form>')
    body = body.replace("data-search-body>", "data-search-body>" + meta, 1)
    return f'<!doctype html><html lang="vi"><body><nav>Đường dẫn</nav>{body}</body></html>'


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
        (1.0, ["chuyển", "đổi", "số", "mới", "541", "kh", "ubnd"]),
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


def test_search_filters_are_in_the_order_of_the_locality_lists() -> None:
    """One collation for the whole site: "Lâm" after "Lào" (â is a letter after a), as on
    the locality pages; marks ignored, Lâm Đồng came before Lạng Sơn here only."""
    names = ["Tỉnh Lâm Đồng", "Tỉnh Lào Cai", "Tỉnh Lai Châu", "Tỉnh Lạng Sơn"]
    pages = [PageSpec(f"{n}/index.md", "plan.html", n, facets={"province": name})
             for n, name in enumerate(names)]
    filters = {f["key"]: f["values"] for f in search_page(pages).data["filters"]}
    assert [v["value"] for v in filters["province"]] == sorted(names, key=sort_name)
    assert sorted(names, key=sort_name) == [
        "Tỉnh Lai Châu", "Tỉnh Lạng Sơn", "Tỉnh Lào Cai", "Tỉnh Lâm Đồng"]


def _embedded_manifest(site: Path) -> Any:
    html = (site / "tim-kiem" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="kh-search-manifest">([^<]*)</', html)
    assert found, "the search page has no manifest block"
    return json.loads(found[1])


def test_the_manifest_is_put_in_the_page_again_and_cannot_end_its_block(tmp_path: Path) -> None:
    """Written again over an older one; a "<" in it (none is expected) is escaped, so the
    data can never close the <script> element and become HTML."""
    page = tmp_path / "tim-kiem" / "index.html"
    page.parent.mkdir()
    block = '<script type="application/json" id="kh-search-manifest">{}</script>'
    page.write_text(f"<head>{block}</head><p>x</p>", encoding="utf-8")
    (tmp_path / SEARCH_INDEX).mkdir()
    manifest = {"version": "new", "shards": ["</script><b>"]}
    (tmp_path / SEARCH_INDEX / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert embed_manifest(tmp_path / SEARCH_INDEX, tmp_path / SEARCH_PAGE_FILE)
    html = page.read_text(encoding="utf-8")
    assert "<b>" not in html and html.endswith("</script></head><p>x</p>")
    assert _embedded_manifest(tmp_path) == manifest
    page.write_text("<head></head>", encoding="utf-8")
    # no block: the page fetches manifest.json
    assert not embed_manifest(tmp_path / SEARCH_INDEX, tmp_path / SEARCH_PAGE_FILE)




def test_a_page_keeps_for_each_word_the_words_just_before_and_after_it() -> None:
    """Across elements ("chữ <b>ký</b> số"), folded; what the index writes for phrases."""
    html = _page("<main data-search-body><h1>Chữ ký</h1><p>Đăng <b>ký</b> số.</p></main>")
    prepared = prepare_page(html)
    assert prepared is not None
    bit = {word: neighbor_bit(word) for word in ("chu", "ky", "dang", "so")}
    assert prepared.neighbors["ky"] == (bit["chu"] | bit["dang"], bit["dang"] | bit["so"])
    assert prepared.neighbors["chu"] == (0, bit["ky"])  # the first word: nothing before it
    assert prepared.neighbors["so"] == (bit["ky"], 0)
    assert "kh_province__tinh_ha_tinh__" not in prepared.neighbors  # a filter is no text
