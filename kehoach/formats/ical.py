"""iCalendar files (RFC 5545) of plan activities, written with the icalendar library.

Plans give dates only, so every event is an all-day event (VALUE=DATE, DTEND exclusive);
the VTIMEZONE and X-WR-TIMEZONE still tell calendar apps the plans are Vietnamese time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import icalendar

TZID = "Asia/Ho_Chi_Minh"
PRODID = "-//Ke hoach dia phuong//Lich hoat dong//VI"
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Event:
    uid: str  # stable across builds: "<plan id>-<activity id>@kehoach"
    summary: str
    start: dt.date
    end: dt.date  # last day, included
    description: str = ""
    location: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class CalendarInfo:
    name: str  # X-WR-CALNAME
    description: str = ""
    url: str | None = None  # the page the calendar belongs to


def vietnam_timezone() -> icalendar.Timezone:
    """Asia/Ho_Chi_Minh, UTC+7 without daylight saving since 13/6/1975. Written by hand
    rather than from the system's tz database, so that the file never depends on it."""
    zone = icalendar.Timezone()
    zone.add("tzid", TZID)
    standard = icalendar.TimezoneStandard()
    standard.add("dtstart", dt.datetime(1975, 6, 13))
    standard.add("tzoffsetfrom", dt.timedelta(hours=7))
    standard.add("tzoffsetto", dt.timedelta(hours=7))
    standard.add("tzname", "ICT")
    zone.add_component(standard)
    return zone


def _event(event: Event, stamp: dt.datetime) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.start)
    vevent.add("dtend", event.end + ONE_DAY)
    vevent.add("summary", event.summary)
    if event.description:
        vevent.add("description", event.description)
    if event.location:
        vevent.add("location", event.location)
    if event.url:
        vevent.add("url", event.url)
    vevent.add("transp", "TRANSPARENT")  # a campaign of days does not make anyone busy
    return vevent


END = b"END:VCALENDAR\r\n"


def event_bytes(event: Event, stamp: dt.datetime) -> bytes:
    """One VEVENT, serialised (folded, CRLF); ``stamp`` is its DTSTAMP. A plan's events are
    serialised once and shared by the plan's calendar and its locality's."""
    return bytes(_event(event, stamp.astimezone(dt.UTC)).to_ical())


def calendar_bytes(info: CalendarInfo, events: Sequence[bytes]) -> bytes:
    """The calendar file around already serialised events (see event_bytes)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", info.name)
    cal.add("name", info.name)
    cal.add("x-wr-timezone", TZID)
    if info.description:
        cal.add("x-wr-caldesc", info.description)
        cal.add("description", info.description)
    if info.url:
        cal.add("url", info.url)
    cal.add("x-published-ttl", "P1D")
    cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    head = bytes(cal.to_ical())
    assert head.endswith(END)
    return head[: -len(END)] + _timezone_bytes() + b"".join(events) + END


@cache
def _timezone_bytes() -> bytes:
    return bytes(vietnam_timezone().to_ical())


def to_ics(info: CalendarInfo, events: Sequence[Event], stamp: dt.datetime) -> bytes:
    """The calendar file; ``stamp`` (UTC) is DTSTAMP of every event, so that a build with
    the same SOURCE_DATE_EPOCH writes the same bytes."""
    return calendar_bytes(info, [event_bytes(event, stamp) for event in events])
