"""Time spans of plans and activities: which days a "06/10/2025 – 10/10/2025", a
"tháng 10/2025", a "từ tháng 10/2025" or a "thường xuyên" covers. Shared by the charts,
the week strips and the calendars."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from kehoach.model.plan import Plan, When


@dataclass(frozen=True, order=True)
class Span:
    """Whole days from ``start`` to ``end``, both included."""

    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start <= other.end and other.start <= self.end

    def union(self, other: Span) -> Span:
        return Span(min(self.start, other.start), max(self.end, other.end))


def year_span(year: int) -> Span:
    return Span(dt.date(year, 1, 1), dt.date(year, 12, 31))


def month_span(day: dt.date) -> Span:
    last = calendar.monthrange(day.year, day.month)[1]
    return Span(day.replace(day=1), day.replace(day=last))


def bounds(when: When | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day a time window names; month or year dates span the whole of it."""
    if when is None:
        return None, None
    return (when.start.first_day() if when.start else None,
            when.end.last_day() if when.end else None)


def is_dated(when: When | None) -> bool:
    return bounds(when) != (None, None)


def close(when: When | None, window: Span) -> Span | None:
    """An activity's dates, an open end closed by ``window``; None when it has no date."""
    start, end = bounds(when)
    if start is None:
        if end is None:
            return None
        start = min(window.start, end)
    if end is None:
        end = max(window.end, start)
    return Span(min(start, end), max(start, end))


def plan_window(plan: Plan) -> Span:
    """The plan's time frame: its period, completed by its activities' dates, else its year."""
    p_start, p_end = bounds(plan.period)
    known = [d for a in plan.activities for d in bounds(a.when) if d is not None]
    start = p_start or (min(known) if known else dt.date(plan.year, 1, 1))
    end = p_end or (max(known) if known else dt.date(plan.year, 12, 31))
    return Span(min(start, end), max(start, end))


def period_span(plan: Plan) -> Span | None:
    """The plan's stated period (an open end closed by the plan's own frame), if it has one."""
    return close(plan.period, plan_window(plan))


def ongoing_span(plan: Plan) -> Span:
    """Where a "thường xuyên" activity without dates runs: the plan's period, else its year."""
    return period_span(plan) or year_span(plan.year)


def calendar_span(plan: Plan, when: When | None) -> Span | None:
    """The days an activity occupies in a calendar; None when it has neither date nor
    "thường xuyên"."""
    span = close(when, plan_window(plan))
    if span is None and when is not None and when.ongoing:
        return ongoing_span(plan)
    return span


def vn_date(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"
