"""The typed model of a plan and of the shared registry.

Field names mirror schema/plan.schema.json and schema/registry.schema.json one to one
(tests/test_schema_sync.py keeps them in step); ``from_`` stands for the key ``from``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kehoach.model.dates import PartialDate

ReferenceKind = Literal["implements", "basis", "cites"]
UnitScope = Literal["local", "province", "national", "other"]
Comparator = Literal["at_least", "more_than", "exactly"]


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    type: str
    number: str | None = None
    date: PartialDate | None = None
    place: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class LocalityRef:
    province: str
    commune: str | None = None
    former_unit: str | None = None


@dataclass(frozen=True, slots=True)
class Reference:
    kind: ReferenceKind
    plan: str | None = None
    document: str | None = None


@dataclass(frozen=True, slots=True)
class Peak:
    start: PartialDate
    end: PartialDate


@dataclass(frozen=True, slots=True)
class When:
    text: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    ongoing: bool = False
    peaks: tuple[Peak, ...] = ()


@dataclass(frozen=True, slots=True)
class Unit:
    id: str
    name: str
    scope: UnitScope = "local"


@dataclass(frozen=True, slots=True)
class Target:
    text: str
    value: float | None = None
    unit: str | None = None
    comparator: Comparator | None = None
    deadline: PartialDate | None = None


@dataclass(frozen=True, slots=True)
class Detail:
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Item:
    title: str
    lead: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()


@dataclass(frozen=True, slots=True)
class AppendixRow:
    row: int
    task: str
    lead: str | None = None
    partners: str | None = None
    time: str | None = None


@dataclass(frozen=True, slots=True)
class Assignment:
    units: tuple[str, ...]
    heading: str | None = None
    duties: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Activity:
    id: str
    title: str
    label: str | None = None
    description: str | None = None
    lead: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    lead_text: str | None = None
    partners_text: str | None = None
    when: When | None = None
    place: str | None = None
    targets: tuple[Target, ...] = ()
    resources: tuple[str, ...] = ()
    details: tuple[Detail, ...] = ()
    assignments: tuple[Assignment, ...] = ()
    items: tuple[Item, ...] = ()
    appendix: AppendixRow | None = None
    weight: int | None = None  # 1–100, on every activity of a plan or on none


@dataclass(frozen=True, slots=True)
class Report:
    text: str
    by: tuple[str, ...] = ()
    to: tuple[str, ...] = ()
    deadline: PartialDate | None = None


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    body: str


@dataclass(frozen=True, slots=True)
class Footnote:
    mark: str
    text: str
    activity: str | None = None


@dataclass(frozen=True, slots=True)
class Signer:
    name: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Appendix:
    title: str
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    id: str
    document: DocumentInfo
    issuer: str
    locality: LocalityRef
    year: int
    title: str
    intro: str | None = None
    references: tuple[Reference, ...] = ()
    theme: str | None = None
    slogans: tuple[str, ...] = ()
    slogans_note: str | None = None
    purposes: tuple[str, ...] = ()
    requirements: tuple[str, ...] = ()
    period: When | None = None
    units: tuple[Unit, ...] = ()
    activities: tuple[Activity, ...] = ()
    activities_note: str | None = None
    budget: str | None = None
    responsibilities: tuple[Assignment, ...] = ()
    reporting: tuple[Report, ...] = ()
    closing: str | None = None
    sections: tuple[Section, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    recipients: tuple[str, ...] = ()
    signer: Signer | None = None
    appendix: Appendix | None = None

    def unit(self, unit_id: str) -> Unit:
        return next(u for u in self.units if u.id == unit_id)


# --- registry -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Resource:
    id: str
    name: str
    url: str
    description: str | None = None

    @property
    def insecure(self) -> bool:
        """True for an http:// link, kept as the source gives it and flagged on the site."""
        return self.url.startswith("http://")


@dataclass(frozen=True, slots=True)
class CitedDocument:
    id: str
    number: str
    issuer: str
    type: str | None = None
    date: PartialDate | None = None
    title: str | None = None
    url: str | None = None


FormerLevel = Literal["district", "province", "commune"]


@dataclass(frozen=True, slots=True)
class FormerUnit:
    id: str
    name: str
    level: FormerLevel
    province: str
    until: PartialDate
    from_: PartialDate | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Registry:
    resources: tuple[Resource, ...] = ()
    documents: tuple[CitedDocument, ...] = ()
    former_units: tuple[FormerUnit, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceFile:
    """Where a plan came from, for "edit on GitHub" links and freshness dates."""

    path: str
    plan: Plan
