"""Template data of the timelines (overrides/partials/timeline-svg.html and the partials
that call it): a plan's chart, table and lists, a locality's year, the "now / next" agenda
and the week heat table. Geometry stays in kehoach.timeline's frozen dataclasses (Chart,
Week, MonthHead, Cell): templates only read their attributes, never treat them as mappings.
"""

from __future__ import annotations

from typing import TypedDict

from kehoach.site.views.tracking import StatusBadge
from kehoach.timeline.gantt import Chart
from kehoach.timeline.weeks import Cell, MonthHead, Week


class CalendarLink(TypedDict):
    """A page's .ics (tl.subscribe): site-relative, and absolute and webcal:// when the
    site's address is known."""

    href: str
    absolute: str | None
    webcal: str | None


class TimelineRow(TypedDict):
    """A row of a plan's timeline table (tl.table)."""

    anchor: str  # "hd-<activity id>"
    label: str
    lead: str
    start: str | None
    start_iso: str | None
    end: str | None
    end_iso: str | None
    peaks: list[str]
    ongoing: bool
    status: StatusBadge  # at the build moment (kehoach.tracking)


class UndatedActivity(TypedDict):
    """An activity without dates (tl.undated)."""

    anchor: str
    label: str
    text: str | None


class Legend(TypedDict):
    """Which keys the chart's legend shows (tl.legend)."""

    peak: bool
    ongoing: bool
    open: bool
    report: bool


class PlanTimelineBase(TypedDict):
    """One plan's timeline as built once per build (kept in TimelineContext)."""

    id: str  # "tl-<plan id>": the SVG's id
    title: str
    chart: Chart | None
    desc: str
    table: list[TimelineRow]
    undated: list[UndatedActivity]
    legend: Legend
    status_of: dict[str, str]  # activity id → status key: the style of its bar
    calendar: CalendarLink
    build_date: str


class PlanTimeline(PlanTimelineBase):
    """A plan's timeline as a page shows it (partials/plan-timeline.html, and each plan of a
    locality's timeline): ``page_url`` set when shown away from the plan page."""

    page_url: str | None


class AgendaItem(TypedDict):
    """An entry of the "Đang diễn ra / Sắp tới" lists (tl.agenda)."""

    label: str
    url: str
    locality: str
    dates: str
    start: str  # ISO dates of the closed span, which timeline.js compares
    end: str
    status: str | None  # its status in words at the build day; None when not tracked


class Agenda(TypedDict):
    """What runs at the build date and what starts soon after (tl.agenda)."""

    now: list[AgendaItem]
    now_more: int
    next: list[AgendaItem]
    next_more: int
    horizon: int  # days
    build_date: str
    build_iso: str


class HeatHead(TypedDict):
    """What a row of a heat table is about: a province, a commune or all of them."""

    name: str
    url: str | None
    plans: int


class HeatRow(HeatHead):
    cells: list[Cell]


class HeatTable(TypedDict):
    """Activities per week, one row per place (tl.heat_table)."""

    weeks: list[Week]
    months: list[MonthHead]
    rows: list[HeatRow]


class CommunesHeat(HeatTable):
    """A province's communes (or a commune's former units) on its locality timeline."""

    places: int
    plans: int


class YearLink(TypedDict):
    year: int
    url: str


class LocalityTimelinePlan(TypedDict):
    title: str
    url: str
    timeline: PlanTimeline


class LocalityTimeline(TypedDict):
    """A locality page's year (partials/locality-timeline.html)."""

    year: int
    year_url: str
    other_years: list[YearLink]
    plans: list[LocalityTimelinePlan]
    communes: CommunesHeat | None
    agenda: Agenda
    calendar: CalendarLink | None
