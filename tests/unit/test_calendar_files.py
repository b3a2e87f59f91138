"""Calendars (.ics, RFC 5545) as the core writes them, without building the site: spans of
ongoing activities, absolute links when the site address is known, DTSTAMP from
SOURCE_DATE_EPOCH, lines folded as the RFC says (the built calendars:
tests/site/test_calendar.py)."""

from __future__ import annotations

import datetime as dt

import icalendar

from kehoach.formats.ical import CalendarInfo, Event, to_ics
from kehoach.model.dates import PartialDate
from kehoach.model.plan import When
from kehoach.site.build import build_site as build_core
from kehoach.site.options import SiteOptions
from kehoach.site.pages.timeline_plan import build_moment
from kehoach.source.catalog import load_catalog
from kehoach.timeline.span import Span, calendar_span
from tests.plansdirs import FIXTURE_PLANS

STAMP = dt.datetime(2025, 10, 10, tzinfo=dt.UTC)  # tests.sitetools.FIXED_EPOCH


def test_ongoing_activity_spans_the_plan_period() -> None:
    catalog = load_catalog(FIXTURE_PLANS)
    plan = next(s.plan for s in catalog.plans if s.plan.id == "dong-nai-xuan-loc-2025-ngay-cds")
    assert calendar_span(plan, When(ongoing=True)) == Span(dt.date(2025, 10, 1),
                                                           dt.date(2025, 12, 31))
    assert calendar_span(plan, When(end=PartialDate(2025, 10, 10), ongoing=True)) == Span(
        dt.date(2025, 10, 1), dt.date(2025, 10, 10))


def test_links_are_absolute_when_the_site_address_is_known() -> None:
    catalog = load_catalog(FIXTURE_PLANS)
    absolute = build_core(catalog, SiteOptions(site_url="https://example.org/kh/"))
    files = {f.uri: f.content for f in absolute.files}
    cal = icalendar.Calendar.from_ical(files["vinh-long/vinh-long-2025-ngay-cds/lich.ics"])
    event = cal.walk("VEVENT")[0]
    assert str(event["url"]) == ("https://example.org/kh/vinh-long/vinh-long-2025-ngay-cds/"
                                 "#hd-hoat-dong-truyen-thong")
    assert "Chi tiết: https://example.org/kh/" in str(event["description"])
    relative = {f.uri: f.content for f in build_core(catalog, SiteOptions()).files}
    cal = icalendar.Calendar.from_ical(relative["vinh-long/vinh-long-2025-ngay-cds/lich.ics"])
    assert str(cal.walk("VEVENT")[0]["url"]).startswith("vinh-long/vinh-long-2025-ngay-cds/#")


def test_calendar_bytes_follow_source_date_epoch() -> None:
    catalog = load_catalog(FIXTURE_PLANS)

    def calendars(epoch: int) -> dict[str, bytes]:
        built = build_core(catalog, moment=build_moment(epoch))
        return {f.uri: f.content for f in built.files if f.uri.endswith(".ics")}

    first, second = calendars(1760054400), calendars(1760054400)
    assert first == second and len(first) == 10
    later = calendars(1760140800)
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
