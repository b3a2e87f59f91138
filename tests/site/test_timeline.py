"""Timelines of the reference site: the plan Gantt chart (bars at their dates, peaks, ongoing
and open-ended activities, milestones, the build date), its table, the locality and year
pages, and reproducible output under SOURCE_DATE_EPOCH (the pure geometry:
tests/unit/test_timeline_geometry.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from kehoach.model.plan import Plan, When
from kehoach.site import routes
from kehoach.source.catalog import load_catalog
from kehoach.source.localities import Locality
from kehoach.timeline.span import Span, bounds, close, plan_window
from tests.sitetools import FIXTURE_PLANS

BUILD_DAY = dt.date(2025, 10, 10)  # FIXED_EPOCH in Vietnam
Doc = Any  # an lxml element


def _plans() -> Iterator[tuple[Plan, Locality]]:
    catalog = load_catalog(FIXTURE_PLANS)
    for source in catalog.plans:
        yield source.plan, catalog.locality_of(source.plan)


def _page(site: Path, url: str) -> Doc:
    return lxml.html.parse(str(site / url / "index.html")).getroot()


def _one(found: list[Doc]) -> Doc:
    assert len(found) == 1, found
    return found[0]


def _scale(svg: Doc) -> tuple[dt.date, float, float]:
    return (dt.date.fromisoformat(svg.get("data-origin")), float(svg.get("data-day-width")),
            float(svg.get("data-x0")))


def _classes(node: Doc) -> set[str]:
    return set((node.get("class") or "").split())


def _dated(when: When | None) -> bool:
    return bounds(when) != (None, None)


@pytest.mark.parametrize("plan_id", sorted(p.id for p, _ in _plans()))
def test_every_dated_activity_has_one_bar_at_its_dates(site: Path, plan_id: str) -> None:
    plan, place = next((p, loc) for p, loc in _plans() if p.id == plan_id)
    svg = _one(_page(site, routes.plan(place, plan.id)).xpath('//section[@id="tien-do"]//svg'))
    origin, day, x0 = _scale(svg)

    def x(d: dt.date) -> float:
        return x0 + (d - origin).days * day

    bars = svg.xpath('.//rect[contains(@class, "kh-tl-bar")]')
    assert len(bars) == sum(1 for a in plan.activities if _dated(a.when))
    for activity in plan.activities:
        rows = svg.xpath(f'.//g[@data-activity="{activity.id}"]')
        start, end = bounds(activity.when)
        ongoing = bool(activity.when and activity.when.ongoing)
        if start is None and end is None:
            assert len(rows) == (1 if ongoing else 0), activity.id
            continue
        row = _one(rows)
        bar = _one(row.xpath('./rect[contains(@class, "kh-tl-bar")]'))
        left, width = float(bar.get("x")), float(bar.get("width"))
        if start is not None:
            assert left == pytest.approx(x(start), abs=0.02), activity.id
        if end is not None:
            assert left + width == pytest.approx(x(end) + day, abs=0.03), activity.id
        assert ("kh-tl-is-open-start" in _classes(row)) == (start is None)
        assert ("kh-tl-is-open-end" in _classes(row)) == (end is None)
        assert len(row.xpath('./path[@class="kh-tl-open-arrow"]')) == (
            (start is None) + (end is None))
        assert ("kh-tl-is-ongoing" in _classes(row)) == ongoing
        assert len(row.xpath('./rect[@class="kh-tl-track"]')) == ongoing
        peaks = row.xpath('./rect[@class="kh-tl-peak"]')
        assert activity.when is not None and len(peaks) == len(activity.when.peaks)
        for rect, peak in zip(peaks, activity.when.peaks, strict=True):
            assert float(rect.get("x")) == pytest.approx(x(peak.start.first_day()), abs=0.02)
            days = (peak.end.last_day() - peak.start.first_day()).days + 1
            assert float(rect.get("width")) == pytest.approx(days * day, abs=0.02)


def test_distinct_kinds_are_drawn_with_their_own_classes(site: Path) -> None:
    pages = {p.id: _page(site, routes.plan(loc, p.id)) for p, loc in _plans()}
    xuan_loc = pages["dong-nai-xuan-loc-2025-ngay-cds"]
    assert xuan_loc.xpath('//g[@data-activity="phong-trao-khong-giay"]/rect[@class="kh-tl-peak"]')
    assert xuan_loc.xpath('//g[@data-activity="thong-tin-tuyen-truyen"]'
                          '/rect[contains(@class, "kh-tl-bar-open-start")]')
    vinh_long = pages["vinh-long-2025-ngay-cds"]
    open_end = _one(vinh_long.xpath('//g[@data-activity="tang-toc-binh-dan-hoc-vu-so"]/rect'
                                    '[contains(@class, "kh-tl-bar-open-end")]'))
    assert open_end.get("data-start") == "2025-10-01"  # "từ tháng 10/2025"
    month = _one(vinh_long.xpath('//g[@data-activity="ngay-hoi-toan-dan-hoc-tap-so"]/rect'))
    assert (month.get("data-start"), month.get("data-end")) == ("2025-10-01", "2025-10-31")
    thach_ha = pages["ha-tinh-thach-ha-2025-ngay-cds"]
    track = _one(thach_ha.xpath('//g[@data-activity="ngay-hoi-toan-dan-hoc-tap-so"]/rect'))
    assert "kh-tl-track" in _classes(track) and "hatch" in track.get("fill")
    duc_tho = pages["ha-tinh-duc-tho-2024-ngay-cds"]
    assert duc_tho.xpath('//g[@data-activity="chien-dich-di-tung-ngo-go-tung-nha"]'
                         '/rect[@class="kh-tl-peak"]')


def test_milestones_and_build_date(site: Path) -> None:
    for plan, place in _plans():
        page = _page(site, routes.plan(place, plan.id))
        svg = _one(page.xpath('//section[@id="tien-do"]//svg'))
        origin, day, x0 = _scale(svg)
        national = _one(svg.xpath('.//g[contains(@class, "kh-tl-marker-national-day")]'))
        ten_ten = dt.date(plan.year, 10, 10)
        assert national.get("data-date") == ten_ten.isoformat()
        line = _one(national.xpath("./line"))
        assert float(line.get("x1")) == pytest.approx(x0 + ((ten_ten - origin).days + .5) * day,
                                                      abs=0.02)
        reports = [r.deadline.last_day().isoformat() for r in plan.reporting if r.deadline]
        drawn = [g.get("data-date") for g in svg.xpath('.//g[contains(@class, "-report")]')]
        assert drawn == reports
        today = _one(svg.xpath('.//g[@data-kh-today]'))
        text = "".join(today.xpath("./text/text()"))
        assert "Ngày tạo trang: 10/10/2025" in text
        assert today.get("data-state") == ("inside" if plan.year == 2025 else "after")


def test_chart_is_accessible_and_its_data_is_also_a_table(site: Path) -> None:
    for plan, place in _plans():
        page = _page(site, routes.plan(place, plan.id))
        section = _one(page.xpath('//section[@id="tien-do"]'))
        box = _one(section.xpath('.//div[@class="kh-tl-scroll"]'))
        assert box.get("tabindex") == "0" and box.get("role") == "region" and box.get("aria-label")
        svg = _one(box.xpath("./svg"))
        assert svg.get("role") == "img"
        title_id, desc_id = svg.get("aria-labelledby").split()
        assert _one(svg.xpath(f'./title[@id="{title_id}"]')).text
        assert "Biểu đồ thời gian" in _one(svg.xpath(f'./desc[@id="{desc_id}"]')).text
        table = _one(section.xpath(".//table"))
        assert _one(table.xpath("./caption")).text
        heads = [th.text for th in table.xpath("./thead//th")]
        assert heads == ["Hoạt động", "Chủ trì", "Bắt đầu", "Kết thúc", "Cao điểm", "Thường xuyên",
                         "Tình trạng"]
        shown = [a for a in plan.activities if _dated(a.when) or (a.when and a.when.ongoing)]
        rows = table.xpath("./tbody/tr")
        assert [r.get("data-activity") for r in rows] == [a.id for a in shown]
        for row in rows:
            assert row.xpath("./th/a/@href")[0].startswith("#hd-")
        undated = [a for a in plan.activities if a not in shown]
        listed = section.xpath('.//div[@class="kh-tl-undated"]//li/a/@href')
        assert listed == [f"#hd-{a.id}" for a in undated]
        if undated:
            assert "Chưa xác định thời gian" in section.text_content()
        assert not section.xpath(".//script"), "no inline script (CSP)"
        scripts = page.xpath('//script[contains(@src, "timeline.js")]')
        assert len(scripts) == 1 and not (scripts[0].text or "").strip()
        assert page.xpath('//link[contains(@href, "timeline.css")]')
        ics = _one(section.xpath('.//a[@data-kh-ics]'))
        assert ics.get("href") == "lich.ics"
        assert "Thêm lịch → Từ URL" in section.text_content()
        assert "Thêm lịch đăng ký" in section.text_content()


def test_locality_page_shows_its_year(site: Path) -> None:
    page = _page(site, "ha-tinh/")
    section = _one(page.xpath('//section[@id="lich-hoat-dong"]'))
    assert "năm 2025" in _one(section.xpath("./h2")).text
    assert section.xpath('.//svg[@id="tl-ha-tinh-2025-ngay-cds"]')  # the province's own plan
    links = section.xpath('.//svg/ancestor::figure/following-sibling::details[1]//tbody//a/@href')
    assert links and all(h.startswith("ha-tinh-2025-ngay-cds/#hd-") for h in links)
    heat = _one(section.xpath('.//table[@class="kh-tl-heat"]'))
    rows = heat.xpath("./tbody/tr")
    assert [r.xpath("string(./th/a)") for r in rows] == ["Xã Thạch Hà"]  # Đức Thọ is 2024
    for when, items in (("now", 1), ("next", 0)):
        for li in section.xpath(f'.//ul[@data-kh-list="{when}"]/li'):
            start = dt.date.fromisoformat(li.get("data-start"))
            end = dt.date.fromisoformat(li.get("data-end"))
            if items:
                assert start <= BUILD_DAY <= end
            else:
                assert BUILD_DAY < start <= BUILD_DAY + dt.timedelta(days=30)
    assert section.xpath('.//ul[@data-kh-list="now"]/li')
    assert _one(section.xpath('.//a[@data-kh-ics]')).get("href") == "lich.ics"
    commune = _page(site, "ha-tinh/xa-thach-ha/")
    assert commune.xpath('//section[@id="lich-hoat-dong"]'
                         '//svg[@id="tl-ha-tinh-thach-ha-2025-ngay-cds"]')


def test_year_pages(site: Path) -> None:
    page = _page(site, "lich/")
    assert "Lịch hoạt động năm 2025" in page.xpath("string(//h1)")
    assert _page(site, "lich/2024/").xpath('//nav[@class="kh-tl-years"]//a[@href="../"]')
    heat = _one(page.xpath('//table[@class="kh-tl-heat"]'))
    names = [r.xpath("string(./th/a)") for r in heat.xpath("./tbody/tr")]
    assert names == ["Tỉnh Đồng Nai", "Tỉnh Hà Tĩnh", "Tỉnh Vĩnh Long"]
    weeks = heat.xpath("./thead/tr[2]/th/abbr/text()")
    hatinh = heat.xpath("./tbody/tr[2]/td/text()")
    column = weeks.index("06/10")
    monday = dt.date(2025, 10, 6)
    week = Span(monday, monday + dt.timedelta(days=6))
    expected = 0
    for plan, place in _plans():
        if place.province_code == "42" and plan.year == 2025:
            for a in plan.activities:
                span = close(a.when, plan_window(plan))
                expected += bool(span and span.overlaps(week))
    assert int(hatinh[column]) == expected
    assert "kh-tl-nd" in _classes(heat.xpath("./tbody/tr[2]/td")[column])  # holds 10/10


def test_two_builds_with_the_same_epoch_are_identical(site: Path, rebuilt_site: Path) -> None:
    again = rebuilt_site
    mine = ["lich/index.html", "lich/2024/index.html", "ha-tinh/index.html",
            *[f"{routes.plan(loc, p.id)}index.html" for p, loc in _plans()],
            *[str(p.relative_to(site)) for p in site.rglob("lich.ics")]]
    assert len(mine) > 12
    for name in mine:
        assert (site / name).read_bytes() == (again / name).read_bytes(), name
