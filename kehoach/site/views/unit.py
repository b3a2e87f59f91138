"""Template data of a unit's page (overrides/unit.html, kehoach/site/pages/unit.py)."""

from __future__ import annotations

from typing import TypedDict

from markupsafe import Markup

from kehoach.site.views.common import Link, PlanSummary
from kehoach.site.views.tracking import StatusBadge


class UnitHead(TypedDict):
    name: str
    other_names: list[str]  # other wordings of its name in the plans


class UnitActivity(TypedDict):
    """An activity of a plan, linked to its anchor on the plan page."""

    label: str | None
    title: str
    url: str
    when: str
    status: StatusBadge  # at the build moment (kehoach.tracking)


class UnitItem(UnitActivity):
    item: str  # the sub-item of the activity that the unit leads


# "with" is a Python keyword: declared in the functional syntax.
Duties = TypedDict(
    "Duties", {"heading": str | None, "with": list[Link], "duties": list[Markup]}
)


class UnitAssignment(UnitActivity, Duties):
    """The unit's duties within one activity."""


class UnitReport(TypedDict):
    text: Markup
    deadline: str | None
    deadline_iso: str | None
    others: list[Link]  # who it reports to, or who reports to it


class UnitPlan(TypedDict):
    """What the unit does in one plan."""

    plan: PlanSummary
    lead: list[UnitActivity]
    partner: list[UnitActivity]
    subitems: list[UnitItem]
    assigned: list[UnitAssignment]
    responsibilities: list[Duties]
    reports_by: list[UnitReport]
    reports_to: list[UnitReport]


class UnitPage(TypedDict):
    """overrides/unit.html."""

    unit: UnitHead
    home: Link  # the locality the unit belongs to, or "Trung ương"
    breadcrumbs: list[Link]
    plans: list[UnitPlan]
    as_of: str  # "Tình hình tính đến ngày …": the day the statuses are computed for
