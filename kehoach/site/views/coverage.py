"""Template data of the coverage pages (overrides/coverage.html, kehoach/site/pages/coverage.py):
for a year, a province's communes or the country's provinces, who published a plan, who
reported, how the activities stand, with small SVG bar charts of the same figures."""

from __future__ import annotations

from typing import TypedDict

from kehoach.site.views.common import Link


class CoverageRow(TypedDict):
    name: str
    url: str | None  # the locality's page, or the province's coverage page (national)
    plans: int
    reports: int
    activities: int
    done: int
    in_progress: int
    overdue: int
    not_reported: int
    dropped: int
    targets: str  # "1/3": targets met / targets stating a number


class ChartBar(TypedDict):
    label: str
    value: int
    y: float  # top of the bar, in the chart's units
    width: float  # length of the bar
    value_x: float  # where its figure is written
    key: str  # the style: a coverage group or "places"


class Chart(TypedDict):
    """A small horizontal bar chart, every bar labelled with its name and its figure."""

    id: str
    title: str
    desc: str
    height: float
    label_width: float
    bars: list[ChartBar]


class Totals(TypedDict):
    localities: int
    with_plan: int
    reported: int
    plans: int
    reports: int
    activities: int
    targets: int
    targets_reported: int
    targets_met: int


class CoveragePage(TypedDict):
    """overrides/coverage.html."""

    title: str  # "Tỉnh Hà Tĩnh", "Cả nước"
    year: int
    as_of: str
    breadcrumbs: list[Link]
    totals: Totals
    charts: list[Chart]
    rows_are: str  # "Tỉnh, thành phố" / "Xã, phường, đơn vị"
    rows: list[CoverageRow]
    years: list[Link]  # the same page for the other years
    csv: str  # the figures as CSV (open data)
