"""Cross-references computed once for the whole site: who implements whom, who cites what,
where each unit's page lives and which activities send people to each platform."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kehoach.model.plan import Plan, Unit
from kehoach.site import routes
from kehoach.source.catalog import Catalog
from kehoach.source.localities import Locality


@dataclass(frozen=True)
class UnitHome:
    """The locality a unit belongs to, which decides the URL of its page."""

    path: str  # locality path, or routes.NATIONAL_PATH
    name: str  # "Xã Thạch Hà", "Trung ương"
    key: str


NATIONAL = UnitHome(routes.NATIONAL_PATH, "Trung ương", "national")


@dataclass
class UnitRecord:
    """Everything one unit of one locality does, across plans."""

    home: UnitHome
    unit_id: str
    names: list[str] = field(default_factory=list)
    plan_ids: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return routes.unit(self.home.path, self.unit_id)


@dataclass
class SiteIndex:
    catalog: Catalog
    plans: dict[str, Plan] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # plan id → YAML path
    places: dict[str, Locality] = field(default_factory=dict)  # plan id → locality
    # The plans of each locality (by path) and of each province (by code, its communes'
    # included), ids sorted: the one map every page kind derives its lists from.
    by_place: dict[str, list[str]] = field(default_factory=dict)
    by_province: dict[str, list[str]] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    citations: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    units: dict[tuple[str, str], UnitRecord] = field(default_factory=dict)
    resource_uses: dict[str, list[tuple[str, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def plan_url(self, plan_id: str) -> str:
        return routes.plan(self.places[plan_id], plan_id)

    def unit_home(self, plan: Plan, unit: Unit) -> UnitHome:
        place = self.places[plan.id]
        if unit.scope == "national":
            return NATIONAL
        if unit.scope == "province" and not place.is_province:
            province = self.catalog.gazetteer.province(place.province_code)
            return UnitHome(province.path, province.name, province.key)
        return UnitHome(place.path, place.name, place.key)

    def unit_url(self, plan: Plan, unit_id: str) -> str:
        return routes.unit(self.unit_home(plan, plan.unit(unit_id)).path, unit_id)


def build_index(catalog: Catalog) -> SiteIndex:
    index = SiteIndex(catalog)
    for source in catalog.plans:
        plan = source.plan
        index.plans[plan.id] = plan
        index.sources[plan.id] = source.path
        index.places[plan.id] = catalog.locality_of(plan)
    for plan_id in sorted(index.places):
        place = index.places[plan_id]
        index.by_place.setdefault(place.path, []).append(plan_id)
        index.by_province.setdefault(place.province_code, []).append(plan_id)
    for plan in index.plans.values():
        _index_references(index, plan)
        _index_units(index, plan)
        for activity in plan.activities:
            for resource_id in activity.resources:
                index.resource_uses[resource_id].append((plan.id, activity.id))
    return index


def _index_references(index: SiteIndex, plan: Plan) -> None:
    for ref in plan.references:
        if ref.plan:
            index.citations[f"plan:{ref.plan}"].append((plan.id, ref.kind))
            if ref.kind == "implements":
                index.children[ref.plan].append(plan.id)
        elif ref.document:
            index.citations[ref.document].append((plan.id, ref.kind))


def _index_units(index: SiteIndex, plan: Plan) -> None:
    for unit in plan.units:
        home = index.unit_home(plan, unit)
        record = index.units.setdefault((home.path, unit.id), UnitRecord(home, unit.id))
        if unit.name not in record.names:
            record.names.append(unit.name)
        if plan.id not in record.plan_ids:
            record.plan_ids.append(plan.id)
