"""Template data of implementation tracking (kehoach/site/tracking.py builds it): an
activity's status badge and report history, a roll-up, a plan's progress in a list. Read by
overrides/partials/plan-tracking.html, activity-tracking.html, status.html and the plan,
unit and locality templates."""

from __future__ import annotations

from typing import TypedDict

from markupsafe import Markup


class StatusBadge(TypedDict):
    """A status, always written out: ``key`` only adds a style (never colour alone)."""

    key: str  # kehoach.tracking.statuses.StatusKey: the CSS class and the search filter
    label: str  # "quá hạn, chưa có báo cáo"


class FigureView(TypedDict):
    label: str
    value: str
    unit: str


class EvidenceView(TypedDict):
    url: str
    title: str


class ReportEntry(TypedDict):
    """One report's word on the activity (oldest first on the page)."""

    date: str
    date_iso: str
    report: str  # "Báo cáo số 125/BC-UBND: Kết quả …"
    report_url: str | None  # the signed report, where it is published
    status: str  # as the report words it
    progress: str | None
    completed: str | None
    done: Markup
    reason: str | None
    figures: list[FigureView]
    evidence: list[EvidenceView]


class TargetResultView(TypedDict):
    """A target of the plan against the value a report gives."""

    target: str  # the target as the plan words it
    goal: str | None  # "trên 80%"
    achieved: str  # "82%"
    date: str
    date_iso: str
    source: str  # where the figure comes from (the report when it names no other)
    verdict: str  # "đạt", "chưa đạt", "không so được"


class ActivityTracking(TypedDict):
    status: StatusBadge
    due: str | None  # "31/10/2025", none for an ongoing activity
    progress: str  # "60%", "–"
    history: list[ReportEntry]
    targets: list[TargetResultView]


class StatusCount(TypedDict):
    key: str
    label: str
    count: int


class RollupView(TypedDict):
    counts: list[StatusCount]  # by status, the non-zero ones
    total: int  # activities
    progress: str  # "67%", "–"
    progress_value: int  # 0–100, the width of the bar (the text is the figure)
    basis: str  # how the progress is computed, in words
    last_report: str | None
    last_report_iso: str | None


class ChildProgress(TypedDict):
    """A plan implementing this one (a commune's plan under a province's)."""

    title: str
    place: str
    url: str
    progress: str
    summary: str  # "2/5 hoàn thành, 1 quá hạn"
    last_report: str | None


class HistoryReport(TypedDict):
    """A report that speaks of the plan."""

    title: str
    date: str
    date_iso: str
    url: str | None
    activities: int  # how many of the plan's activities it covers


class PlanTracking(TypedDict):
    """partials/plan-tracking.html: the plan's roll-up, its reports, its child plans."""

    as_of: str  # "Tình hình tính đến ngày 07/12/2026"
    rollup: RollupView
    reports: list[HistoryReport]
    children: list[ChildProgress]
    children_rollup: RollupView | None


class PlanProgress(TypedDict):
    """A plan's progress as one line of a list (locality and unit pages)."""

    progress: str
    summary: str
    last_report: str | None
