"""Gantt geometry for the timelines: dates → pixels, as plain data. No markup here.

overrides/partials/timeline-svg.html draws the SVG from these numbers, and
docs/assets/timeline.js repeats the same scale (origin, day width, left edge) to move the
"today" line to the reader's date. A day ``d`` covers [x(d), x(d) + day_width); markers sit
in the middle of their day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from kehoach.model.plan import When
from kehoach.timeline.span import Span, bounds, close, is_dated, month_span, vn_date
from kehoach.vietnamese import shorten

TARGET_WIDTH = 640.0  # px of the date area a chart aims for (fits a desktop column)
MIN_DAY, MAX_DAY = 3.0, 24.0  # px per day, whatever the length of the window
PAD = 12.0  # px left and right of the date area, for arrows and labels
ROW_H, BAR_Y, BAR_H = 34.0, 16.0, 12.0  # a row: its label line, then its bar
LINE_H = 14.0  # one line of axis or marker text
CHAR_W = 6.6  # mean advance of a 12 px Vietnamese glyph, to shorten labels that cannot fit
MAX_LABEL = 90
MARK_SLACK = dt.timedelta(days=45)  # a marker this close to the window widens the chart

Anchor = Literal["start", "end"]


@dataclass(frozen=True)
class RowInput:
    key: str  # activity id
    label: str  # "a. Tổ chức Lễ phát động…"
    when: When | None


@dataclass(frozen=True)
class Mark:
    day: dt.date
    label: str
    kind: str  # "national-day", "report"


@dataclass(frozen=True)
class Bar:
    x: float
    width: float
    x_end: float
    start: str  # ISO dates the bar covers, both included
    end: str


@dataclass(frozen=True)
class Row:
    key: str
    y: float  # top of the row
    label: str  # shortened to fit the chart
    full_label: str
    label_x: float
    anchor: Anchor
    bar: Bar | None  # the dated window, open ends closed by the plan's frame
    open_start: bool
    open_end: bool
    peaks: tuple[Bar, ...]
    track: Bar | None  # "thường xuyên": a hatched band across the plan's period
    ongoing: bool


@dataclass(frozen=True)
class Tick:
    x: float
    width: float
    label: str
    iso: str


@dataclass(frozen=True)
class Marker:
    x: float
    label: str
    kind: str
    iso: str
    label_y: float  # baseline of its label, in the band above the axis
    line_top: float
    anchor: Anchor


@dataclass(frozen=True)
class Today:
    x: float
    label: str
    state: Literal["before", "inside", "after"]
    anchor: Anchor
    iso: str


@dataclass(frozen=True)
class Chart:
    width: float
    height: float
    origin: str  # ISO date at x0
    day_width: float
    x0: float
    date_width: float
    start: str
    end: str
    axis_top: float
    rows_top: float
    rows_bottom: float
    months: tuple[Tick, ...]
    weeks: tuple[Tick, ...]
    markers: tuple[Marker, ...]
    today: Today
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Scale:
    origin: dt.date
    days: int
    day_width: float
    x0: float = PAD

    @classmethod
    def fit(cls, domain: Span) -> Scale:
        day_width = round(min(MAX_DAY, max(MIN_DAY, TARGET_WIDTH / domain.days)), 2)
        return cls(domain.start, domain.days, day_width)

    @property
    def width(self) -> float:
        return round(self.days * self.day_width, 2)

    def x(self, day: dt.date) -> float:
        return round(self.x0 + (day - self.origin).days * self.day_width, 2)

    def mid(self, day: dt.date) -> float:
        return round(self.x(day) + self.day_width / 2, 2)

    def bar(self, span: Span) -> Bar:
        x, width = self.x(span.start), round(span.days * self.day_width, 2)
        return Bar(x, width, round(x + width, 2), span.start.isoformat(), span.end.isoformat())


def chart_domain(spans: Sequence[Span], window: Span, marks: Sequence[Mark]) -> Span:
    """Whole months around the window and every bar, widened to nearby markers."""
    domain = window
    for span in spans:
        domain = domain.union(span)
    near = Span(domain.start - MARK_SLACK, domain.end + MARK_SLACK)
    for mark in marks:
        if near.contains(mark.day):
            domain = domain.union(Span(mark.day, mark.day))
    return Span(month_span(domain.start).start, month_span(domain.end).end)


def build_chart(
    rows: Sequence[RowInput], window: Span, period: Span | None,
    marks: Sequence[Mark], today: dt.date,
) -> Chart | None:
    """Geometry of a plan's Gantt chart; None when no activity has a date or is ongoing."""
    drawn = [r for r in rows if is_dated(r.when) or (r.when is not None and r.when.ongoing)]
    if not drawn:
        return None
    spans = [s for r in drawn if (s := close(r.when, window)) is not None]
    domain = chart_domain(spans, window, marks)
    scale = Scale.fit(domain)
    shown = sorted({m for m in marks if domain.contains(m.day)}, key=lambda m: (m.day, m.label))
    axis_top = 4 + len(shown) * LINE_H
    rows_top = axis_top + 2 * LINE_H + 4
    track = _clip(period, domain) if period else domain
    out = tuple(_row(r, i, rows_top, window, track, scale) for i, r in enumerate(drawn))
    rows_bottom = rows_top + len(out) * ROW_H
    return Chart(
        width=round(scale.width + 2 * PAD, 2), height=rows_bottom + LINE_H + 8,
        origin=domain.start.isoformat(), day_width=scale.day_width, x0=scale.x0,
        date_width=scale.width, start=domain.start.isoformat(), end=domain.end.isoformat(),
        axis_top=axis_top, rows_top=rows_top, rows_bottom=rows_bottom,
        months=_months(domain, scale), weeks=_weeks(domain, scale),
        markers=tuple(_marker(m, i, scale) for i, m in enumerate(shown)),
        today=today_marker(today, scale), rows=out,
    )


def _clip(span: Span, domain: Span) -> Span:
    return Span(max(span.start, domain.start), min(span.end, domain.end))


def _row(row: RowInput, index: int, top: float, window: Span, track: Span, scale: Scale) -> Row:
    when = row.when
    start, end = bounds(when)
    span = close(when, window)
    ongoing = bool(when and when.ongoing)
    bar = scale.bar(span) if span else None
    peaks = tuple(scale.bar(Span(p.start.first_day(), p.end.last_day())) for p in when.peaks) \
        if when else ()
    band = scale.bar(track) if ongoing else None
    label, label_x, anchor = fit_label(row.label, bar or band, scale)
    return Row(key=row.key, y=round(top + index * ROW_H, 2), label=label, full_label=row.label,
               label_x=label_x, anchor=anchor, bar=bar,
               open_start=span is not None and start is None,
               open_end=span is not None and end is None,
               peaks=peaks, track=band, ongoing=ongoing)


def fit_label(text: str, bar: Bar | None, scale: Scale) -> tuple[str, float, Anchor]:
    """Where a row's label goes: from the bar's start, else ending at its end, shortened
    so that it stays inside the chart."""
    left, right = scale.x0, scale.x0 + scale.width
    begin = bar.x if bar else left
    finish = bar.x + bar.width if bar else right
    need = len(text) * CHAR_W
    if need <= right + PAD - begin:
        return _shorten(text, MAX_LABEL), begin, "start"
    if need <= finish:
        return _shorten(text, MAX_LABEL), round(finish, 2), "end"
    if right + PAD - begin >= finish - left:
        return _shorten(text, int((right + PAD - begin) / CHAR_W)), begin, "start"
    return _shorten(text, int(finish / CHAR_W)), round(finish, 2), "end"


def _shorten(text: str, chars: int) -> str:
    return shorten(text, max(chars, 8))  # at least a word and its ellipsis


def _months(domain: Span, scale: Scale) -> tuple[Tick, ...]:
    ticks: list[Tick] = []
    day = domain.start
    while day <= domain.end:
        month = month_span(day)
        width = round(month.days * scale.day_width, 2)
        label = (f"Tháng {day.month}/{day.year}" if width >= 84
                 else f"T{day.month}" if width >= 24 else "")
        ticks.append(Tick(scale.x(day), width, label, day.isoformat()[:7]))
        day = month.end + dt.timedelta(days=1)
    return tuple(ticks)


def _weeks(domain: Span, scale: Scale) -> tuple[Tick, ...]:
    labelled = 7 * scale.day_width >= 34
    monday = domain.start + dt.timedelta(days=(7 - domain.start.weekday()) % 7)
    ticks: list[Tick] = []
    while monday <= domain.end:
        label = f"{monday.day:02d}/{monday.month:02d}" if labelled else ""
        ticks.append(Tick(scale.x(monday), round(7 * scale.day_width, 2), label,
                          monday.isoformat()))
        monday += dt.timedelta(days=7)
    return tuple(ticks)


def _marker(mark: Mark, index: int, scale: Scale) -> Marker:
    x = scale.mid(mark.day)
    anchor: Anchor = "start" if x < scale.x0 + scale.width / 2 else "end"
    baseline = 4 + index * LINE_H + 10
    return Marker(x, mark.label, mark.kind, mark.day.isoformat(), baseline, baseline + 2, anchor)


def today_marker(today: dt.date, scale: Scale) -> Today:
    """The build date on the chart; off the chart, a label at the near edge. timeline.js
    applies the same rules to the reader's date."""
    label = f"Ngày tạo trang: {vn_date(today)}"
    if today < scale.origin:
        return Today(scale.x0, "◀ " + label, "before", "start", today.isoformat())
    if (today - scale.origin).days >= scale.days:
        return Today(scale.x0 + scale.width, label + " ▶", "after", "end", today.isoformat())
    x = scale.mid(today)
    anchor: Anchor = "start" if x < scale.x0 + scale.width / 2 else "end"
    return Today(x, label, "inside", anchor, today.isoformat())
