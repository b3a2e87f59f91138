"""Maps shared by the non-plan pages (home, localities, units, documents, platforms).

Built once from the site index in one pass over the plans, so that no page scans all plans:
plans by locality and province, units by locality, registry entries by id, and what each
unit does in each plan.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kehoach.model.plan import Activity, Assignment, CitedDocument, Item, Plan, Report, Resource
from kehoach.site import routes
from kehoach.site.index import SiteIndex, UnitRecord
from kehoach.site.views.common import Link, PlanParent, PlanSummary
from kehoach.site.wording import document_label
from kehoach.source.localities import Locality
from kehoach.vietnamese import sort_name

# Past this many plans, a document's or platform's page lists provinces with counts and each
# province gets its own page, so that no page grows with the size of the whole country.
SPLIT_AT = 100


@dataclass
class UnitRoles:
    """What one unit does in one plan."""

    lead: list[Activity] = field(default_factory=list)
    partner: list[Activity] = field(default_factory=list)
    items: list[tuple[Activity, Item]] = field(default_factory=list)
    assigned: list[tuple[Activity, Assignment]] = field(default_factory=list)
    responsibilities: list[Assignment] = field(default_factory=list)
    reports_by: list[Report] = field(default_factory=list)
    reports_to: list[Report] = field(default_factory=list)


@dataclass
class Lookup:
    index: SiteIndex
    resources: dict[str, Resource] = field(default_factory=dict)
    documents: dict[str, CitedDocument] = field(default_factory=dict)
    localities: dict[str, Locality] = field(default_factory=dict)  # path → locality
    by_place: dict[str, list[str]] = field(default_factory=dict)  # path → plan ids, newest first
    by_province: dict[str, list[str]] = field(default_factory=dict)  # code → every plan inside
    sub_places: dict[str, list[Locality]] = field(default_factory=dict)  # code → communes…
    units_by_place: dict[str, list[UnitRecord]] = field(default_factory=dict)
    newest: list[str] = field(default_factory=list)  # every plan id, newest first
    _roles: dict[str, dict[str, UnitRoles]] = field(default_factory=dict)
    _activities: dict[str, dict[str, Activity]] = field(default_factory=dict)

    def plan(self, plan_id: str) -> Plan:
        return self.index.plans[plan_id]

    def roles(self, plan_id: str, unit_id: str) -> UnitRoles:
        if plan_id not in self._roles:
            self._roles[plan_id] = _plan_roles(self.index.plans[plan_id])
        return self._roles[plan_id].get(unit_id, UnitRoles())

    def activity(self, plan_id: str, activity_id: str) -> Activity:
        if plan_id not in self._activities:
            plan = self.index.plans[plan_id]
            self._activities[plan_id] = {a.id: a for a in plan.activities}
        return self._activities[plan_id][activity_id]

    def province_of(self, place: Locality) -> Locality:
        return self.localities[place.path.split("/", 1)[0]]

    def place_label(self, place: Locality) -> str:
        """ "Tỉnh Hà Tĩnh", or "Xã Xuân Lộc, Đồng Nai" where a name alone could be ambiguous."""
        if place.is_province:
            return place.name
        return f"{place.name}, {self.province_of(place).short_name}"

    def summary(self, plan_id: str) -> PlanSummary:
        """A plan as one line of a list: title, number, date, locality and links."""
        plan = self.index.plans[plan_id]
        place = self.index.places[plan_id]
        doc = plan.document
        return {
            "id": plan_id,
            "title": plan.title,
            "label": document_label(doc.type, doc.number),
            "number": doc.number,
            "date": str(doc.date) if doc.date else None,
            "year": plan.year,
            "locality": self.place_label(place),
            "place": place.name,
            "locality_url": routes.locality(place),
            "url": self.index.plan_url(plan_id),
        }

    def group_by_province(self, plan_ids: list[str]) -> list[tuple[Locality, list[str]]]:
        """Plans grouped by province (provinces in alphabetical order, plans kept in order)."""
        groups: dict[str, list[str]] = defaultdict(list)
        for plan_id in plan_ids:
            groups[self.index.places[plan_id].province_code].append(plan_id)
        gazetteer = self.index.catalog.gazetteer
        provinces = [gazetteer.province(code) for code in groups]
        provinces.sort(key=lambda p: sort_name(p.short_name))
        return [(p, groups[p.province_code]) for p in provinces]

    def parents(self, plan_id: str) -> list[PlanParent]:
        """What a plan implements: another plan (its page) or a registry document (its page)."""
        found: list[PlanParent] = []
        for ref in self.index.plans[plan_id].references:
            if ref.kind != "implements":
                continue
            if ref.plan:
                found.append({**self.summary(ref.plan), "is_plan": True})
            elif ref.document:
                doc = self.documents[ref.document]
                found.append({"label": document_label(doc.type or "Văn bản", doc.number),
                              "issuer": doc.issuer, "url": routes.document(doc.id),
                              "is_plan": False})
        return found


def home_crumb() -> Link:
    return {"name": "Trang chủ", "url": routes.home()}


def newest_first(index: SiteIndex, plan_ids: list[str]) -> list[str]:
    """By document date (or the plan's year when undated), newest first, then by id."""

    def key(plan_id: str) -> tuple[int, int, int]:
        plan = index.plans[plan_id]
        date = plan.document.date
        if date is None:
            return (plan.year, 0, 0)
        return (date.year, date.month or 0, date.day or 0)

    return sorted(sorted(plan_ids), key=key, reverse=True)


def build_lookup(index: SiteIndex) -> Lookup:
    registry = index.catalog.registry
    gazetteer = index.catalog.gazetteer
    lookup = Lookup(
        index,
        resources={r.id: r for r in registry.resources},
        documents={d.id: d for d in registry.documents},
    )
    for code in gazetteer.province_codes():
        province = gazetteer.province(code)
        lookup.localities[province.path] = province
    for place in index.places.values():
        lookup.localities.setdefault(place.path, place)
    lookup.newest = newest_first(index, list(index.plans))
    lookup.by_place = {k: newest_first(index, v) for k, v in sorted(index.by_place.items())}
    lookup.by_province = {
        k: newest_first(index, v) for k, v in sorted(index.by_province.items())
    }
    subs: dict[str, list[Locality]] = defaultdict(list)
    for place in lookup.localities.values():
        if not place.is_province:
            subs[place.province_code].append(place)
    lookup.sub_places = {
        k: sorted(v, key=lambda p: sort_name(p.short_name)) for k, v in sorted(subs.items())
    }
    units: dict[str, list[UnitRecord]] = defaultdict(list)
    for record in index.units.values():
        units[record.home.path].append(record)
    lookup.units_by_place = {
        k: sorted(v, key=lambda r: sort_name(r.names[0])) for k, v in sorted(units.items())
    }
    return lookup


def _plan_roles(plan: Plan) -> dict[str, UnitRoles]:
    """One pass over a plan: every unit's activities, tasks, duties and reports."""
    roles: dict[str, UnitRoles] = defaultdict(UnitRoles)
    for activity in plan.activities:
        for unit_id in activity.lead:
            roles[unit_id].lead.append(activity)
        for unit_id in activity.partners:
            roles[unit_id].partner.append(activity)
        for assignment in activity.assignments:
            for unit_id in assignment.units:
                roles[unit_id].assigned.append((activity, assignment))
        for item in _walk(activity.items):
            for unit_id in item.lead:
                roles[unit_id].items.append((activity, item))
    for assignment in plan.responsibilities:
        for unit_id in assignment.units:
            roles[unit_id].responsibilities.append(assignment)
    for report in plan.reporting:
        for unit_id in report.by:
            roles[unit_id].reports_by.append(report)
        for unit_id in report.to:
            roles[unit_id].reports_to.append(report)
    return dict(roles)


def _walk(items: tuple[Item, ...]) -> list[Item]:
    found: list[Item] = []
    for item in items:
        found.append(item)
        found.extend(_walk(item.items))
    return found
