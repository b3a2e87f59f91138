"""The typed model of a progress report (schema/report.schema.json): a dated document of a
locality saying, for activities of its plans, how far each has come.

Field names mirror the schema one to one (tests/unit/test_schema_sync.py keeps them in step).
A report is not the plan's ``reporting`` duty (kehoach.model.plan.Report, "who reports to whom
by when"): it is the report itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kehoach.model.dates import PartialDate
from kehoach.model.plan import LocalityRef

# The statuses a report may give an activity, exactly as a clerk writes them.
ReportedStatus = Literal[
    "chưa bắt đầu",
    "đang thực hiện",
    "hoàn thành",
    "hoàn thành một phần",
    "không thực hiện",
    "tạm dừng",
]


@dataclass(frozen=True, slots=True)
class ReportDocument:
    type: str
    date: PartialDate  # always to the day (the schema's "day" pattern)
    number: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    label: str
    value: float
    unit: str


@dataclass(frozen=True, slots=True)
class Achieved:
    """The value reached by one target of the activity (``target``: its rank, from 1)."""

    target: int
    value: float
    unit: str | None = None
    date: PartialDate | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    url: str
    title: str | None = None


@dataclass(frozen=True, slots=True)
class ActivityUpdate:
    """What one report says of one activity of one plan."""

    plan: str
    activity: str
    status: ReportedStatus
    completed: PartialDate | None = None
    progress: float | None = None
    done: str | None = None
    reason: str | None = None
    figures: tuple[Figure, ...] = ()
    targets: tuple[Achieved, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class ProgressReport:
    id: str
    document: ReportDocument
    issuer: str
    locality: LocalityRef
    title: str
    activities: tuple[ActivityUpdate, ...]
    url: str | None = None
    summary: str | None = None

    @property
    def date(self) -> PartialDate:
        return self.document.date


@dataclass(frozen=True, slots=True)
class ReportFile:
    """Where a report came from (its YAML path), like kehoach.model.plan.SourceFile."""

    path: str
    report: ProgressReport
