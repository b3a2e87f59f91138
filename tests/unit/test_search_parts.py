"""The parts of a page that search shows as excerpts and links to (kehoach.search.parts), their
files in the index (kehoach.search.index), the anchors plan pages give them
(kehoach.site.anchors), and the pages kept for phrases of common words
(kehoach.search.common). The excerpts themselves: tests/js/search-excerpt.test.mjs."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html  # type: ignore[import-untyped]  # lxml ships no type hints

from kehoach.search.common import CommonPhrases
from kehoach.search.index import FRAGMENTS, IndexBuilder
from kehoach.search.parts import CUT, PART_CHARS, Part, page_parts
from kehoach.search.text import prepare_page
from kehoach.site.anchors import slug, unique_anchors

PAGE = """<main data-search-body>
<h1>Kế hoạch <b>chuyển</b>đổi số</h1><p>Xã Thạch Hà.</p>
<section id="hoat-dong"><h2>Hoạt động</h2>
  <article id="hd-ky-so"><h3>Phổ cập chữ ký số</h3>
    <p>Hướng dẫn <em>đăng ký</em></p><p>chữ ký số.</p>
    <div class="kh-assignment"><h5>Xã đoàn</h5><p>Hỗ trợ.</p></div>
    <nav>Mục lục</nav><p data-search-ignore>Bỏ qua</p></article>
</section>
<div id="khong-phai-phan"><p>Không có tiêu đề: thuộc phần trước.</p></div>
<section id="to-chuc-thuc-hien"><h2>Tổ chức thực hiện</h2>
  <div id="tn-so-tt" class="kh-assignment"><h3>Sở Thông tin</h3>
    <ul><li>Một</li><li>Hai</li></ul></div>
</section></main>"""


def _parts(html: str) -> list[Part]:
    document = lxml.html.document_fromstring(html)
    return page_parts(document.xpath("//*[@data-search-body]"))


def test_parts_are_elements_with_an_id_and_a_heading_first_their_text_as_seen() -> None:
    assert _parts(PAGE) == [
        # An element without a heading first is no part: its text is its parent part's.
        ("", "", "Kế hoạch chuyểnđổi số Xã Thạch Hà. Không có tiêu đề: thuộc phần trước."),
        ("hd-ky-so", "Phổ cập chữ ký số", "Hướng dẫn đăng ký chữ ký số. Xã đoàn Hỗ trợ."),
        # "hoat-dong" and "to-chuc-thuc-hien" hold no text of their own: left out.
        ("tn-so-tt", "Sở Thông tin", "Một Hai"),
    ]


def test_a_long_part_is_cut_at_a_space_and_says_so() -> None:
    [(_, _, text, cut)] = _parts("<main data-search-body><p>" + "chữ " * PART_CHARS + "</p></main>")
    assert len(text) <= PART_CHARS and text.endswith("chữ") and cut == CUT
    # An ellipsis of the plan's own is no cut.
    assert _parts("<main data-search-body><p>Cộng đồng,…</p></main>") == [("", "", "Cộng đồng,…")]


def test_each_pages_parts_are_written_once_in_a_file_named_by_its_content(tmp_path: Path) -> None:
    page = prepare_page('<html><body><main data-search-body><p>Xin chào</p></main></body></html>')
    empty = prepare_page('<html><body><main data-search-body><p> </p></main></body></html>')
    assert page is not None and empty is not None
    builder = IndexBuilder(tmp_path / "index")
    for url in ("a/", "b/"):
        builder.add(url, page)
    builder.add("c/", empty)
    builder.write(min_pages=1000)
    files = list((tmp_path / "index" / FRAGMENTS).iterdir())
    assert len(files) == 1  # the same parts, one file
    assert json.loads(files[0].read_text(encoding="utf-8")) == [["", "", "Xin chào"]]
    metas = json.loads(next((tmp_path / "index" / "p").iterdir()).read_text(encoding="utf-8"))
    assert [m.get("f") for m in metas] == [files[0].stem, files[0].stem, None]


def test_anchors_come_from_the_data_a_repeated_one_numbered() -> None:
    assert slug("Phụ lục 1: Đơn vị") == "phu-luc-1-don-vi"
    assert unique_anchors("muc", ["Phụ lục", "Ghi chú", "Phụ lục", "!!"]) == [
        "muc-phu-luc", "muc-ghi-chu", "muc-phu-luc-2", "muc-x"]


def test_common_phrases_keep_the_pages_bearing_them_in_a_title_first_then_highest() -> None:
    phrases = CommonPhrases()
    urls = ["ha-tinh/xa-a/kh/", "nen-tang/bdhvs/", "ha-tinh/kh/", "ha-tinh/xa-b/kh/", "x/"]
    phrases.add("Kế hoạch xã A", "", ["Phổ cập chữ ký số", "Bình dân học vụ số"])
    phrases.add("Bình dân học vụ số", "", [])
    phrases.add("Kế hoạch tỉnh", "Kế hoạch: bình dân học vụ số", [])  # in its h1
    phrases.add("Kế hoạch xã B: Bình dân học vụ số", "", ["Chữ ký số"])
    phrases.add("Chữ và số", "", ["Học vụ"])  # the words apart: no phrase
    common = ["binh", "dan", "hoc", "vu", "so", "chu", "ky", "ke", "hoach"]
    order = [4, 3, 2, 1, 0]  # the pages as written: by address
    by_first = phrases.best(common, urls, order)
    assert sorted(by_first) == sorted(common)  # a file for each common word
    best = {phrase: pages for kept in by_first.values() for phrase, pages in kept.items()}
    assert all(phrase.startswith(f"{word} ") for word, kept in by_first.items() for phrase in kept)
    as_added = {phrase: [order[n] for n in pages] for phrase, pages in best.items()}
    # In a title or h1 first: the platform (the phrase alone), the province's plan (higher
    # than the commune's), then in a heading.
    assert as_added["binh dan hoc vu so"] == [1, 2, 3, 0]
    assert as_added["chu ky so"] == [3, 0]  # both in a heading: the one of fewer words first
    assert as_added["hoc vu"] == [1, 2, 3, 4, 0]  # headings: "x/" higher than "ha-tinh/xa-a/kh/"
    assert "so chu" not in best and "xa a" not in best  # words apart; words not common
    assert "ke hoach" in best and "hoach xa" not in best  # "xa" is not common
    assert "ke hoach" in best


def test_common_phrases_hold_each_heading_and_word_once() -> None:
    # Held for every indexed page until the index is written: plans share their headings.
    phrases = CommonPhrases()
    phrases.add("Kế hoạch xã A", "", ["Mục đích, yêu cầu", "Tổ chức thực hiện"])
    phrases.add("Kế hoạch xã B", "", ["Mục đích, yêu cầu", "Tổ chức thực hiện"])
    first, second = phrases._texts
    assert first[2] == ("muc", "dich", "yeu", "cau") and first[2] is second[2]
    assert first[0][0] is second[0][0]  # "ke", the same string
