"""Timelines: the plan Gantt chart (bars at their dates, peaks, ongoing and open-ended
activities, milestones, the build date), its table, the locality and year pages, and
reproducible output under SOURCE_DATE_EPOCH."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from kehoach.model.plan import Plan, When
from kehoach.site import routes
from kehoach.site.pages.timeline_plan import build_moment
from kehoach.source.catalog import load_catalog
from kehoach.source.localities import Locality
from kehoach.timeline.gantt import RowInput, Scale, build_chart, fit_label
from kehoach.timeline.span import Span, bounds, calendar_span, close, plan_window
from kehoach.timeline.weeks import cells, counts, mondays, now_and_next
from tests.sitetools import FIXED_EPOCH, ROOT, build_site

BUILD_DAY = dt.date(2025, 10, 10)  # FIXED_EPOCH in Vietnam
Doc = Any  # an lxml element


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("timeline") / "site"
    build_site(out)
    return out


def _plans() -> Iterator[tuple[Plan, Locality]]:
    catalog = load_catalog(ROOT / "plans")
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
        assert heads == ["Hoạt động", "Chủ trì", "Bắt đầu", "Kết thúc", "Cao điểm", "Thường xuyên"]
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


def test_two_builds_with_the_same_epoch_are_identical(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    build_site(again)
    mine = ["lich/index.html", "lich/2024/index.html", "ha-tinh/index.html",
            *[f"{routes.plan(loc, p.id)}index.html" for p, loc in _plans()],
            *[str(p.relative_to(site)) for p in site.rglob("lich.ics")]]
    assert len(mine) > 12
    for name in mine:
        assert (site / name).read_bytes() == (again / name).read_bytes(), name


# --- the pure geometry --------------------------------------------------------------------


def test_build_moment_follows_source_date_epoch() -> None:
    moment = build_moment({"SOURCE_DATE_EPOCH": FIXED_EPOCH})
    assert moment == dt.datetime(2025, 10, 10, tzinfo=dt.UTC)
    assert abs(build_moment({}) - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)


def test_spans_of_partial_and_open_dates() -> None:
    window = Span(dt.date(2025, 10, 10), dt.date(2025, 12, 31))
    from kehoach.model.dates import PartialDate as D

    assert close(When(start=D(2025, 10), end=D(2025, 10)), window) == Span(
        dt.date(2025, 10, 1), dt.date(2025, 10, 31))
    assert close(When(start=D(2025, 10)), window) == Span(dt.date(2025, 10, 1), window.end)
    assert close(When(end=D(2025, 10, 15)), window) == Span(window.start, dt.date(2025, 10, 15))
    assert close(When(end=D(2025, 10, 1)), window) == Span(dt.date(2025, 10, 1),
                                                           dt.date(2025, 10, 1))
    assert close(When(ongoing=True), window) is None
    plan = next(p for p, _ in _plans() if p.id == "ha-tinh-thach-ha-2025-ngay-cds")
    ongoing = next(a for a in plan.activities if a.when and a.when.ongoing)
    assert calendar_span(plan, ongoing.when) == Span(dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_chart_geometry() -> None:
    from kehoach.model.dates import PartialDate as D

    rows = [RowInput("a", "a. Một", When(start=D(2025, 10, 6), end=D(2025, 10, 10))),
            RowInput("b", "b. Hai", When(ongoing=True)), RowInput("c", "c. Ba", None)]
    window = Span(dt.date(2025, 10, 6), dt.date(2025, 10, 10))
    chart = build_chart(rows, window, None, [], dt.date(2026, 1, 1))
    assert chart is not None and [r.key for r in chart.rows] == ["a", "b"]
    assert (chart.start, chart.end) == ("2025-10-01", "2025-10-31")  # whole months
    bar = chart.rows[0].bar
    assert bar is not None and bar.x == pytest.approx(chart.x0 + 5 * chart.day_width)
    assert bar.width == pytest.approx(5 * chart.day_width, abs=0.01)
    assert chart.rows[1].track is not None and chart.rows[1].bar is None
    assert chart.today.state == "after" and chart.today.anchor == "end"
    assert build_chart([rows[2]], window, None, [], dt.date(2025, 1, 1)) is None
    scale = Scale.fit(Span(dt.date(2025, 10, 1), dt.date(2025, 10, 31)))
    label, _left, anchor = fit_label("x" * 400, None, scale)
    assert anchor == "start" and len(label) * 6.6 <= scale.width + 2 * scale.x0


def test_weeks_and_agenda() -> None:
    days = mondays(Span(dt.date(2025, 10, 1), dt.date(2025, 10, 31)))
    assert days[0] == dt.date(2025, 9, 29) and len(days) == 5
    spans = [Span(dt.date(2025, 10, 6), dt.date(2025, 10, 10)),
             Span(dt.date(2025, 10, 1), dt.date(2025, 10, 31))]
    assert counts(spans, days) == [1, 2, 1, 1, 1]
    assert [c.level for c in cells([0, 1, 2], 2)] == [0, 2, 4]
    items = [(spans[1], "b"), (spans[0], "a"), (Span(dt.date(2025, 10, 20),
                                                     dt.date(2025, 10, 21)), "c")]
    now, upcoming = now_and_next(items, dt.date(2025, 10, 8))
    assert [d for _s, d in now] == ["a", "b"] and [d for _s, d in upcoming] == ["c"]
