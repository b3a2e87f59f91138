"""Template data of the plan page (overrides/plan.html, kehoach/site/pages/plan.py)."""

from __future__ import annotations

from typing import TypedDict

from markupsafe import Markup

from kehoach.model.plan import Comparator
from kehoach.site.views.common import Link
from kehoach.site.views.history import PlanHistory
from kehoach.site.views.timeline import PlanTimeline
from kehoach.site.views.tracking import ActivityTracking, PlanTracking


class Former(TypedDict):
    """The plan's locality is a former unit (a district dissolved in 2025)."""

    until: str
    note: str | None


class Signer(TypedDict):
    name: str
    lines: list[str]


class PlanHeader(TypedDict):
    """The plan's document: its header on the page. kehoach/adapter/publish.py (page_feeds) reads
    ``locality.url`` too, for the province's feed."""

    title: str
    year: int
    type: str
    number: str | None
    date: str | None
    date_iso: str | None
    place: str | None  # where it was signed
    note: str | None
    issuer: str
    level: str
    locality: Link
    former: Former | None
    signer: Signer | None


class WhenView(TypedDict):
    """A time window as the text gives it and as read (kh.when_block)."""

    text: str | None
    summary: str


class Section(TypedDict):
    heading: str
    body: Markup
    anchor: str  # kehoach.site.anchors


class Footnote(TypedDict):
    mark: str
    text: Markup
    activity: str | None  # anchor of the activity it belongs to


class PlanBody(TypedDict):
    intro: Markup
    theme: str | None
    slogans: list[str]
    slogans_note: str | None
    purposes: list[Markup]
    requirements: list[Markup]
    period: WhenView | None
    activities_note: str | None
    budget: Markup
    closing: Markup
    sections: list[Section]
    footnotes: list[Footnote]
    recipients: list[str]


class TargetView(TypedDict):
    text: str
    value: str | None
    unit: str | None
    comparator: Comparator | None
    deadline: str | None


class ResourceLink(TypedDict):
    """A platform an activity points to: its page (url) and its own address (href)."""

    name: str
    url: str
    href: str
    insecure: bool


class Detail(TypedDict):
    label: str
    text: Markup


class AssignmentView(TypedDict):
    """Who does what (kh.assignment)."""

    anchor: str | None  # a responsibility's (kehoach.site.anchors); None inside an activity
    heading: str | None
    units: list[Link]
    duties: list[Markup]


class ItemView(TypedDict):
    """A sub-item of an activity (kh.items_tree)."""

    title: str
    lead: list[Link]
    children: list[ItemView]


class ActivityView(TypedDict):
    anchor: str
    label: str | None
    title: str
    description: Markup
    lead: list[Link]
    partners: list[Link]
    lead_text: str | None
    partners_text: str | None
    when: WhenView | None
    place: str | None
    targets: list[TargetView]
    resources: list[ResourceLink]
    details: list[Detail]
    assignments: list[AssignmentView]
    subitems: list[ItemView]
    appendix_row: int | None
    tracking: ActivityTracking  # status badge, report history, targets achieved


class ReportView(TypedDict):
    text: Markup
    by: list[Link]
    to: list[Link]
    deadline: str | None
    deadline_iso: str | None


class AppendixRowView(TypedDict):
    row: int
    task: str
    lead: str | None
    partners: str | None
    time: str | None
    anchor: str


class AppendixView(TypedDict):
    title: str
    note: str | None
    rows: list[AppendixRowView]


class ReferenceView(TypedDict):
    """A plan or registry document the plan cites."""

    kind: str
    number: str | None
    title: str | None
    issuer: str
    date: str | None
    url: str


class PlanLink(TypedDict):
    """A plan in a short list (kh.plan_list)."""

    title: str
    number: str | None
    year: int
    locality: str
    url: str


class PlanPage(TypedDict):
    """overrides/plan.html."""

    plan: PlanHeader
    breadcrumbs: list[Link]
    body: PlanBody
    activities: list[ActivityView]
    appendix: AppendixView | None
    responsibilities: list[AssignmentView]
    reporting: list[ReportView]
    implemented_by: list[PlanLink]
    references: list[ReferenceView]
    units: list[Link]
    timeline: PlanTimeline
    history: PlanHistory | None  # its versions, from git (partials/plan-history.html)
    tracking: PlanTracking  # partials/plan-tracking.html
