"""Activities counted by week (the heat strips of locality and year pages) and the
"Đang diễn ra / Sắp tới" lists, relative to a given day. Plain data, no markup."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from kehoach.timeline.span import Span, month_span

T = TypeVar("T")
WEEK = dt.timedelta(days=7)
LEVELS = 4  # heat levels above zero
HORIZON_DAYS = 30  # "Sắp tới": starts within this many days


@dataclass(frozen=True)
class Week:
    start: str  # ISO date of its Monday
    label: str  # "06/10"
    title: str  # "06/10 – 12/10/2025"
    national_day: bool  # holds 10/10, National Digital Transformation Day


@dataclass(frozen=True)
class MonthHead:
    label: str  # "Tháng 10/2025"
    weeks: int  # columns it spans


@dataclass(frozen=True)
class Cell:
    count: int
    level: int  # 0 … LEVELS


def mondays(domain: Span) -> list[dt.date]:
    """The Monday on or before ``domain.start``, then every Monday up to ``domain.end``."""
    day = domain.start - dt.timedelta(days=domain.start.weekday())
    days: list[dt.date] = []
    while day <= domain.end:
        days.append(day)
        day += WEEK
    return days


def month_domain(spans: Sequence[Span], year: int) -> Span | None:
    """Whole months covering the spans inside ``year``; None when none falls in it."""
    inside = [s for s in spans if s.start.year <= year <= s.end.year]
    if not inside:
        return None
    first = max(min(s.start for s in inside), dt.date(year, 1, 1))
    last = min(max(s.end for s in inside), dt.date(year, 12, 31))
    return Span(month_span(first).start, month_span(last).end)


def week_grid(days: Sequence[dt.date]) -> tuple[list[Week], list[MonthHead]]:
    """Column headers: each week, and the months they group into (by their Thursday)."""
    weeks: list[Week] = []
    months: list[MonthHead] = []
    for monday in days:
        sunday = monday + dt.timedelta(days=6)
        national = any(d.month == 10 and d.day == 10 for d in (monday + dt.timedelta(days=i)
                                                               for i in range(7)))
        weeks.append(Week(monday.isoformat(), f"{monday.day:02d}/{monday.month:02d}",
                          f"{monday.day:02d}/{monday.month:02d} – "
                          f"{sunday.day:02d}/{sunday.month:02d}/{sunday.year}", national))
        thursday = monday + dt.timedelta(days=3)
        label = f"Tháng {thursday.month}/{thursday.year}"
        if months and months[-1].label == label:
            months[-1] = MonthHead(label, months[-1].weeks + 1)
        else:
            months.append(MonthHead(label, 1))
    return weeks, months


def counts(spans: Sequence[Span], days: Sequence[dt.date]) -> list[int]:
    """How many spans touch each week starting on ``days``."""
    return [sum(1 for s in spans if s.overlaps(Span(d, d + dt.timedelta(days=6)))) for d in days]


def cells(values: Sequence[int], peak: int) -> list[Cell]:
    """Counts with a heat level relative to ``peak`` (shared by every row of one table)."""
    return [Cell(v, 0 if v == 0 else min(LEVELS, math.ceil(LEVELS * v / max(peak, 1))))
            for v in values]


def now_and_next(
    items: Sequence[tuple[Span, T]], today: dt.date, horizon: int = HORIZON_DAYS
) -> tuple[list[tuple[Span, T]], list[tuple[Span, T]]]:
    """(running on ``today`` — soonest to end first, starting within ``horizon`` days —
    soonest first); ties keep the input order."""
    order = {id(item): i for i, item in enumerate(items)}
    limit = today + dt.timedelta(days=horizon)
    now = [it for it in items if it[0].contains(today)]
    upcoming = [it for it in items if today < it[0].start <= limit]
    now.sort(key=lambda it: (it[0].end, it[0].start, order[id(it)]))
    upcoming.sort(key=lambda it: (it[0].start, it[0].end, order[id(it)]))
    return now, upcoming
