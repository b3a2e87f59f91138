"""End-to-end checks of every page kind except the plan page, on the reference site (the
fixture plans, built once per session by tests/conftest.py): home, localities, provinces,
communes and former units, units, documents, platforms. The data behind the pages, without a
build: tests/unit/test_page_data.py."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path

from kehoach.site import routes
from kehoach.site.index import build_index
from kehoach.site.markdown import MarkdownRenderer
from kehoach.source.catalog import load_catalog
from kehoach.source.localities import default_gazetteer
from kehoach.vietnamese import sort_name
from tests.sitetools import FIXTURE_PLANS, page_text

HA_TINH = "42"
THACH_HA_PLAN = "ha-tinh/xa-thach-ha/ha-tinh-thach-ha-2025-ngay-cds/"
HA_TINH_PLAN = "ha-tinh/ha-tinh-2025-ngay-cds/"
DUC_THO_PLAN = "ha-tinh/huyen-duc-tho/ha-tinh-duc-tho-2024-ngay-cds/"
CITING_57 = [HA_TINH_PLAN, THACH_HA_PLAN, "vinh-long/vinh-long-2025-ngay-cds/",
             "dong-nai/xa-xuan-loc/dong-nai-xuan-loc-2025-ngay-cds/"]


class _Page(HTMLParser):
    """Links (resolved to site-relative URLs), breadcrumbs and the class names of a page."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
        self.links: dict[str, list[str]] = {}  # target → link texts
        self.crumbs: list[str] = []
        self.classes: set[str] = set()
        self._href: str | None = None
        self._text: list[str] = []
        self._in_crumbs = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.classes.update((values.get("class") or "").split())
        if tag == "nav" and "kh-breadcrumbs" in (values.get("class") or ""):
            self._in_crumbs = True
        if tag == "a" and values.get("href"):
            self._href, self._text = values["href"], []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_crumbs = False
        if tag == "a" and self._href is not None:
            text = " ".join("".join(self._text).split())
            self.links.setdefault(self._resolve(self._href), []).append(text)
            if self._in_crumbs:
                self.crumbs.append(text)
            self._href = None

    def _resolve(self, href: str) -> str:
        if "://" in href:
            return href
        path, _, fragment = href.partition("#")
        joined = posixpath.normpath(posixpath.join(self.url or ".", path)) if path else self.url
        joined = "" if joined == "." else joined.rstrip("/") + "/"
        return f"{joined}#{fragment}" if fragment else joined


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _page(site: Path, url: str) -> _Page:
    parsed = _Page(url)
    parsed.feed(_html(site, url))
    return parsed


def _section(html: str, section_id: str) -> str:
    start = html.index(f'<section id="{section_id}"')
    return html[start : html.index("</section>", start)]


def test_home_has_latest_plans_theme_provinces_and_platforms(site: Path) -> None:
    page = _page(site, "")
    text = page_text(_html(site, ""))
    for plan_url in [*CITING_57, DUC_THO_PLAN]:
        assert plan_url in page.links
    assert "Chuyển đổi số: nhanh hơn, hiệu quả hơn, gần dân hơn" in text
    gazetteer = default_gazetteer()
    for code in gazetteer.province_codes():
        assert routes.locality(gazetteer.province(code)) in page.links
    assert "https://binhdanhocvuso.gov.vn/" in page.links
    assert "https://aicongdong.ptit.edu.vn/" in page.links
    assert "http://hatiplaza.com/" in page.links  # never rewritten to https
    assert "kh-insecure" in page.classes


def test_localities_index_lists_every_province_with_its_count(site: Path) -> None:
    page = _page(site, routes.LOCALITIES)
    gazetteer = default_gazetteer()
    codes = gazetteer.province_codes()
    assert len(codes) == 34
    for code in codes:
        province = gazetteer.province(code)
        assert routes.locality(province) in page.links
        assert (site / province.path / "index.html").exists()
    html = _html(site, routes.LOCALITIES)
    assert 'Tỉnh Hà Tĩnh</a> <span class="kh-count" title="3 kế hoạch">3</span>' in html


def test_ha_tinh_lists_its_plans_all_communes_and_former_units(site: Path) -> None:
    html = _html(site, "ha-tinh/")
    page = _page(site, "ha-tinh/")
    assert HA_TINH_PLAN in page.links
    assert THACH_HA_PLAN in page.links and DUC_THO_PLAN in page.links
    communes = _section(html, "xa-phuong")
    names = [c.name for c in default_gazetteer().communes_of(HA_TINH)]
    assert len(names) == 69
    for name in names:
        assert f">{name}<" in communes
    assert "ha-tinh/xa-thach-ha/" in page.links
    assert "ha-tinh/xa-xuan-loc/" not in page.links  # no plan: a plain name, no page
    former = page_text(_section(html, "don-vi-cu"))
    assert "Huyện Đức Thọ 1 đến 30/06/2025" in former


def test_commune_list_is_in_vietnamese_alphabetical_order(site: Path) -> None:
    communes = page_text(_section(_html(site, "ha-tinh/"), "xa-phuong"))
    order = [communes.index(n) for n in ("Xã Cẩm Bình", "Xã Cổ Đạm", "Xã Đan Hải")]
    assert order == sorted(order)
    assert sort_name("Đức") > sort_name("Dung") and sort_name("Ă") > sort_name("A")
    assert sort_name(" An  Nhơn") == sort_name("An Nhơn")  # stray spaces in the official list


def test_thach_ha_page_has_breadcrumbs_plans_parent_and_units(site: Path) -> None:
    page = _page(site, "ha-tinh/xa-thach-ha/")
    assert page.crumbs == ["Trang chủ", "Tỉnh Hà Tĩnh", "Xã Thạch Hà"]
    assert THACH_HA_PLAN in page.links
    assert page.links[HA_TINH_PLAN] == ["Kế hoạch số 541/KH-UBND"]  # the plan it implements
    assert "ha-tinh/xa-thach-ha/don-vi/phong-van-hoa-xa-hoi/" in page.links


def test_former_unit_page_is_marked_with_its_period(site: Path) -> None:
    page = _page(site, "ha-tinh/huyen-duc-tho/")
    text = page_text(_html(site, "ha-tinh/huyen-duc-tho/"))
    assert page.crumbs == ["Trang chủ", "Tỉnh Hà Tĩnh", "Huyện Đức Thọ"]
    assert "Đơn vị hành chính cũ, đến 30/06/2025" in text
    assert "van-ban/kh-388-kh-ubnd-ha-tinh-2024/" in page.links  # implements a document


def test_unit_page_lists_led_activities_with_anchors(site: Path) -> None:
    catalog = load_catalog(FIXTURE_PLANS)
    plan = next(s.plan for s in catalog.plans if s.plan.id == "ha-tinh-thach-ha-2025-ngay-cds")
    led = [a for a in plan.activities if "phong-van-hoa-xa-hoi" in a.lead]
    assert led
    url = "ha-tinh/xa-thach-ha/don-vi/phong-van-hoa-xa-hoi/"
    page = _page(site, url)
    assert page.crumbs[:3] == ["Trang chủ", "Tỉnh Hà Tĩnh", "Xã Thạch Hà"]
    for activity in led:
        assert f"{THACH_HA_PLAN}#hd-{activity.id}" in page.links
    html = _html(site, url)
    assert "<h3>Chủ trì</h3>" in html and "<h3>Trách nhiệm</h3>" in html
    duty = page_text(str(MarkdownRenderer()(plan.responsibilities[1].duties[0])))
    assert duty in page_text(html)


def test_every_unit_record_has_a_page(site: Path) -> None:
    index = build_index(load_catalog(FIXTURE_PLANS))
    missing = [r.url for r in index.units.values() if not (site / r.url / "index.html").exists()]
    assert not missing
    page = _page(site, "toan-quoc/")
    assert "toan-quoc/don-vi/bo-khoa-hoc-va-cong-nghe/" in page.links


def test_the_three_xuan_loc_never_collide(site: Path) -> None:
    gazetteer = default_gazetteer()
    xuan_loc = [c for code in gazetteer.province_codes() for c in gazetteer.communes_of(code)
                if c.name == "Xã Xuân Lộc"]
    assert len({c.path for c in xuan_loc}) == 3
    built = [c.path for c in xuan_loc if (site / c.path / "index.html").exists()]
    assert built == ["dong-nai/xa-xuan-loc"]
    page = _page(site, "dong-nai/xa-xuan-loc/")
    assert page.crumbs == ["Trang chủ", "Tỉnh Đồng Nai", "Xã Xuân Lộc"]
    assert "<title>Xã Xuân Lộc – Tỉnh Đồng Nai" in _html(site, "dong-nai/xa-xuan-loc/")


def test_documents_list_57_nq_tw_with_the_plans_citing_it(site: Path) -> None:
    page = _page(site, routes.DOCUMENTS)
    assert "van-ban/nq-57-nq-tw-2024/" in page.links
    doc = _page(site, "van-ban/nq-57-nq-tw-2024/")
    text = page_text(_html(site, "van-ban/nq-57-nq-tw-2024/"))
    assert "Nghị quyết số 57-NQ/TW" in text and "Bộ Chính trị" in text and "22/12/2024" in text
    for plan_url in CITING_57:
        assert plan_url in doc.links
    assert "VIỆN DẪN" in text.upper()
    # A plan cited by another plan is listed too, linking to its own page.
    html = _section(_html(site, routes.DOCUMENTS), "ke-hoach")
    assert 'href="../ha-tinh/ha-tinh-2025-ngay-cds/"' in html and "Thực hiện" in html


def test_platforms_list_hatiplaza_flagged_insecure(site: Path) -> None:
    html = _html(site, routes.RESOURCES)
    start = html.index('id="hatiplaza-com"')
    entry = html[start : html.index("</article>", start)]
    assert 'href="http://hatiplaza.com/"' in entry and "kh-insecure" in entry
    page = _page(site, "nen-tang/hatiplaza-com/")
    assert f"{HA_TINH_PLAN}#hd-thang-tieu-dung-so" in page.links
    assert f"{DUC_THO_PLAN}#hd-thang-tieu-dung-so" in page.links
    assert "kh-insecure" in page.classes


def test_targets_show_their_measure_beside_the_source_words(site: Path) -> None:
    """The measurable part of a target (value, unit, comparator) is on the page too, not only
    in the open data: "50% … năm 2025, 70% năm 2030" of Xuân Lộc."""
    text = page_text(_html(site, "dong-nai/xa-xuan-loc/dong-nai-xuan-loc-2025-ngay-cds/"))
    assert "dùng chữ ký số cá nhân (mức: ít nhất 50%) (thời hạn: năm 2025)" in text
    assert "đến năm 2030 đạt trên 70%. (mức: trên 70%)" in text
    assert "(mức: 100%)" in text
