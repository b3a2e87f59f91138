"""Calendars (.ics, RFC 5545) of the reference site: one per plan and per locality, one all-day
event per dated or ongoing activity, stable UIDs, DTSTAMP from SOURCE_DATE_EPOCH (the core's
calendars without a build: tests/unit/test_calendar_files.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import icalendar

from kehoach.model.plan import Plan
from kehoach.site import routes
from kehoach.source.catalog import load_catalog
from kehoach.source.localities import Locality
from kehoach.timeline.span import bounds, calendar_span
from tests.sitetools import FIXTURE_PLANS

STAMP = dt.datetime(2025, 10, 10, tzinfo=dt.UTC)  # tests.sitetools.FIXED_EPOCH


def _plans() -> Iterator[tuple[Plan, Locality]]:
    catalog = load_catalog(FIXTURE_PLANS)
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


