"""Calendars (.ics, RFC 5545): one per plan and per locality, one all-day event per dated
or ongoing activity, stable UIDs, DTSTAMP from SOURCE_DATE_EPOCH."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest

from kehoach.formats.ical import CalendarInfo, Event, to_ics
from kehoach.model.dates import PartialDate
from kehoach.model.plan import Plan, When
from kehoach.site import routes
from kehoach.site.build import build_site as build_core
from kehoach.source.catalog import load_catalog
from kehoach.source.localities import Locality
from kehoach.timeline.span import Span, bounds, calendar_span
from tests.sitetools import ROOT, build_site

STAMP = dt.datetime(2025, 10, 10, tzinfo=dt.UTC)  # tests.sitetools.FIXED_EPOCH


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("calendar") / "site"
    build_site(out)
    return out


def _plans() -> Iterator[tuple[Plan, Locality]]:
    catalog = load_catalog(ROOT / "plans")
    for source in catalog.plans:
        yield source.plan, catalog.locality_of(source.plan)


def _events(path: Path) -> tuple[icalendar.Calendar, dict[str, icalendar.Event]]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    return cal, events


def _in_calendar(plan: Plan) -> list[str]:
    return [a.id for a in plan.activities
            if bounds(a.when) != (None, None) or (a.when and a.when.ongoing)]


def test_every_plan_calendar_holds_its_dated_and_ongoing_activities(site: Path) -> None:
    for plan, place in _plans():
        cal, events = _events(site / routes.plan(place, plan.id) / "lich.ics")
        assert sorted(events) == sorted(f"{plan.id}-{a}@kehoach" for a in _in_calendar(plan))
        assert str(cal["x-wr-timezone"]) == "Asia/Ho_Chi_Minh"
        assert str(cal["x-wr-calname"]).endswith(f"{place.name} – {plan.year}")
        zone = cal.walk("VTIMEZONE")[0]
        assert str(zone["tzid"]) == "Asia/Ho_Chi_Minh"
        for activity in plan.activities:
            event = events.get(f"{plan.id}-{activity.id}@kehoach")
            if event is None:
                continue
            span = calendar_span(plan, activity.when)
            assert span is not None
            start, end = event.decoded("dtstart"), event.decoded("dtend")
            assert type(start) is dt.date and type(end) is dt.date  # all-day, VALUE=DATE
            assert (start, end) == (span.start, span.end + dt.timedelta(days=1))
            assert event.decoded("dtstamp") == STAMP
            assert str(event["url"]).endswith(f"{routes.plan(place, plan.id)}#hd-{activity.id}")
            assert "<" not in str(event["description"])
            if activity.place:
                assert str(event["location"]) == activity.place


def test_known_dates(site: Path) -> None:
    def dates(plan_path: str, activity: str) -> tuple[str, str]:
        plan_id = plan_path.rstrip("/").rsplit("/", 1)[1]
        _cal, events = _events(site / plan_path / "lich.ics")
        event = events[f"{plan_id}-{activity}@kehoach"]
        return event["dtstart"].to_ical().decode(), event["dtend"].to_ical().decode()

    thach_ha = "ha-tinh/xa-thach-ha/ha-tinh-thach-ha-2025-ngay-cds/"
    assert dates(thach_ha, "le-phat-dong-va-tap-huan") == ("20251006", "20251011")
    assert dates(thach_ha, "ngay-hoi-toan-dan-hoc-tap-so") == ("20250101", "20260101")  # ongoing
    vinh_long = "vinh-long/vinh-long-2025-ngay-cds/"
    assert dates(vinh_long, "ngay-hoi-toan-dan-hoc-tap-so") == ("20251001", "20251101")  # 10/2025
    assert dates(vinh_long, "tang-toc-binh-dan-hoc-vu-so") == ("20251001", "20260101")  # từ 10/2025
    body = (site / thach_ha / "lich.ics").read_bytes()  # CRLF line ends, as RFC 5545 says
    assert b"DTSTART;VALUE=DATE:20251006\r\n" in body and b"DTEND;VALUE=DATE:20251011\r\n" in body
    _cal, events = _events(site / thach_ha / "lich.ics")
    first = events["ha-tinh-thach-ha-2025-ngay-cds-le-phat-dong-va-tap-huan@kehoach"]
    assert "Chủ trì: Sở Khoa học và Công nghệ, UBND xã" in str(first["description"])


def test_locality_calendars_hold_their_own_plans(site: Path) -> None:
    by_place: dict[str, list[Plan]] = {}
    for plan, place in _plans():
        by_place.setdefault(place.path, []).append(plan)
    for path, plans in by_place.items():
        _cal, events = _events(site / path / "lich.ics")
        assert len(events) == sum(len(_in_calendar(p)) for p in plans), path


def test_ongoing_activity_spans_the_plan_period() -> None:
    plan = next(p for p, _ in _plans() if p.id == "dong-nai-xuan-loc-2025-ngay-cds")
    assert calendar_span(plan, When(ongoing=True)) == Span(dt.date(2025, 10, 1),
                                                           dt.date(2025, 12, 31))
    assert calendar_span(plan, When(end=PartialDate(2025, 10, 10), ongoing=True)) == Span(
        dt.date(2025, 10, 1), dt.date(2025, 10, 10))


def test_links_are_absolute_when_the_site_address_is_known() -> None:
    catalog = load_catalog(ROOT / "plans")
    files = {f.uri: f.content for f in build_core(catalog, "https://example.org/kh/").files}
    cal = icalendar.Calendar.from_ical(files["vinh-long/vinh-long-2025-ngay-cds/lich.ics"])
    event = cal.walk("VEVENT")[0]
    assert str(event["url"]) == ("https://example.org/kh/vinh-long/vinh-long-2025-ngay-cds/"
                                 "#hd-hoat-dong-truyen-thong")
    assert "Chi tiết: https://example.org/kh/" in str(event["description"])
    relative = {f.uri: f.content for f in build_core(catalog, None).files}
    cal = icalendar.Calendar.from_ical(relative["vinh-long/vinh-long-2025-ngay-cds/lich.ics"])
    assert str(cal.walk("VEVENT")[0]["url"]).startswith("vinh-long/vinh-long-2025-ngay-cds/#")


def test_calendar_bytes_follow_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = load_catalog(ROOT / "plans")

    def calendars() -> dict[str, bytes]:
        return {f.uri: f.content for f in build_core(catalog).files if f.uri.endswith(".ics")}

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1760054400")
    first, second = calendars(), calendars()
    assert first == second and len(first) == 10
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1760140800")
    later = calendars()
    assert later.keys() == first.keys() and later != first
    assert all(b"DTSTAMP:20251011T000000Z" in body for body in later.values() if b"VEVENT" in body)


def test_to_ics_round_trip() -> None:
    event = Event(uid="p-a@kehoach", summary="Lễ phát động; tập huấn, hướng dẫn",
                  start=dt.date(2025, 12, 31), end=dt.date(2026, 1, 2),
                  description="Dòng 1\nDòng 2", location="Hội trường, xã", url="https://x.vn/a/")
    body = to_ics(CalendarInfo("Lịch thử", "Mô tả"), [event], STAMP)
    assert body.count(b"\r\n") > 10 and all(len(line) <= 75 for line in body.split(b"\r\n"))
    parsed = icalendar.Calendar.from_ical(body).walk("VEVENT")[0]
    assert str(parsed["summary"]) == event.summary
    assert str(parsed["description"]) == event.description
    assert str(parsed["location"]) == event.location
    assert parsed.decoded("dtend") == dt.date(2026, 1, 3)  # exclusive
