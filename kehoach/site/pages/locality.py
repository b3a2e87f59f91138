"""Locality pages: the index of provinces, one page per province (all 34, with or without
plans) and one per commune or former unit that has at least one plan, each with its
timeline (kehoach/site/pages/timeline_locality.py)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from kehoach.site import routes
from kehoach.site.context import Contribution, SiteContext
from kehoach.site.lookup import Lookup, home_crumb
from kehoach.site.pages.timeline_locality import locality_timeline
from kehoach.site.pages.timeline_plan import TimelineContext
from kehoach.site.spec import PageSpec
from kehoach.site.tracking import plan_progress, rollup_view
from kehoach.site.views.common import CountedLink, Link
from kehoach.site.views.locality import (
    CommuneData,
    CommuneEntry,
    CommunePage,
    FormerUnitEntry,
    LocalitiesPage,
    LocalityData,
    LocalityPlan,
    LocalityPlanYear,
    ProvinceData,
    ProvincePage,
    SubPlan,
    SubPlanYear,
)
from kehoach.site.wording import former_period, level_label, plan_count, year_span
from kehoach.source.localities import Locality
from kehoach.tracking.statuses import as_of_text
from kehoach.tracking.tracker import Tracker
from kehoach.vietnamese import sort_name

KIND = "Địa phương"


def generate(site: SiteContext, earlier: Sequence[PageSpec]) -> Contribution:
    return Contribution(pages=LocalityView(site.lookup, site.timelines, site.tracker).pages())


class LocalityView:
    def __init__(self, lookup: Lookup, timelines: TimelineContext, tracker: Tracker) -> None:
        self.lookup = lookup
        self.timelines = timelines
        self.tracker = tracker
        self.gazetteer = lookup.index.catalog.gazetteer

    def pages(self) -> list[PageSpec]:
        provinces = [self.gazetteer.province(c) for c in self.gazetteer.province_codes()]
        pages = [self.index_page(provinces)]
        pages.extend(self.province_page(p) for p in provinces)
        for code in sorted(self.lookup.sub_places):
            pages.extend(self.commune_page(p) for p in self.lookup.sub_places[code])
        return pages

    def province_entries(self, provinces: list[Locality]) -> list[CountedLink]:
        """Every province with the number of plans issued in it (its communes included)."""
        return [
            {"name": p.name, "url": routes.locality(p),
             "count": len(self.lookup.by_province.get(p.province_code, []))}
            for p in sorted(provinces, key=lambda p: sort_name(p.short_name))
        ]

    def index_page(self, provinces: list[Locality]) -> PageSpec:
        entries = self.province_entries(provinces)
        with_plans = sum(1 for e in entries if e["count"])
        data: LocalitiesPage = {
            "provinces": entries,
            "national": {"name": "Trung ương", "url": f"{routes.NATIONAL_PATH}/"},
            "breadcrumbs": [home_crumb(), {"name": "Địa phương", "url": routes.LOCALITIES}],
        }
        return PageSpec(
            src_uri=routes.src_uri(routes.LOCALITIES),
            template="localities.html",
            title="Địa phương",
            data=data,
            description=f"{len(entries)} tỉnh, thành phố; {with_plans} nơi đã có kế hoạch. "
            "Chọn một tỉnh để xem kế hoạch của tỉnh và các xã, phường.",
            facets={"kind": KIND},
        )

    def locality_data(self, place: Locality, plan_ids: list[str]) -> LocalityData:
        """The keys every locality page shares (used by the timeline and embed partials)."""
        own = self.lookup.by_place.get(place.path, [])
        return {
            "locality": {"key": place.key, "name": place.name, "path": place.path,
                         "level": place.level, "province_code": place.province_code,
                         "url": routes.locality(place)},
            "plan_ids": plan_ids,
            "level": level_label(place.level),
            "former": {"period": former_period(place.former), "note": place.former.note}
            if place.former else None,
            "plans": [self.plan_entry(pid) for pid in own],
            "units": [{"name": r.names[0], "url": r.url}
                      for r in self.lookup.units_by_place.get(place.path, [])],
            "as_of": as_of_text(self.tracker.today),
            "rollup": rollup_view(self.tracker.rollup_of_plans(own)) if own else None,
        }

    def province_view(self, data: ProvinceData, place: Locality) -> ProvincePage:
        """The page's data and its timeline, made when the page is rendered: held for every
        locality at once, the timelines would weigh on a national build."""
        return {**data, "timeline": locality_timeline(self.timelines, place.path)}

    def commune_view(self, data: CommuneData, place: Locality) -> CommunePage:
        """As province_view, for a commune or a former unit."""
        return {**data, "timeline": locality_timeline(self.timelines, place.path)}

    def coverage_links(self, province: Locality) -> list[Link]:
        years = sorted({plan.year for plan in self.lookup.index.plans.values()}, reverse=True)
        own: list[Link] = [{"name": f"{province.name}, năm {y}",
                            "url": routes.coverage(y, province)} for y in years]
        country: list[Link] = [{"name": f"Cả nước, năm {y}", "url": routes.coverage(y)}
                               for y in years]
        return own + country

    def plan_entry(self, plan_id: str) -> LocalityPlan:
        return {**self.lookup.summary(plan_id), "parents": self.lookup.parents(plan_id),
                "progress": plan_progress(self.tracker, plan_id)}

    def province_page(self, province: Locality) -> PageSpec:
        code = province.province_code
        all_ids = self.lookup.by_province.get(code, [])
        own = set(self.lookup.by_place.get(province.path, []))
        common = self.locality_data(province, all_ids)
        communes = self.communes(code)
        data: ProvinceData = {
            **common,
            "breadcrumbs": [home_crumb(), {"name": "Địa phương", "url": routes.LOCALITIES},
                            {"name": province.name, "url": routes.locality(province)}],
            "plans_by_year": _group_years(common["plans"]),
            "communes": communes,
            "communes_with_plans": sum(1 for c in communes if c["url"]),
            "former_units": self.former_units(code),
            "sub_plans": self.sub_plans([p for p in all_ids if p not in own]),
            "coverage": self.coverage_links(province),
        }
        years = sorted({self.lookup.plan(p).year for p in all_ids})
        facets = {"kind": KIND, "province": province.name, "level": level_label("province"),
                  "locality": province.name}
        if years:
            facets["year"] = ", ".join(str(y) for y in years)
        span = f" ({year_span(years)})" if years else ""
        return PageSpec(
            src_uri=routes.src_uri(routes.locality(province)),
            template="locality.html",
            title=province.name,
            data=data,
            build=partial(self.province_view, data, province),
            description=f"{province.name}: {plan_count(len(all_ids))}{span} của tỉnh và "
            f"{len(communes)} xã, phường trực thuộc; đơn vị thực hiện, đơn vị hành chính cũ.",
            facets=facets,
        )

    def sub_plans(self, plan_ids: list[str]) -> list[SubPlanYear]:
        """The communes' and former units' plans by year, each with its progress."""
        groups: dict[int, list[SubPlan]] = {}
        for plan_id in self.by_place_name(plan_ids):
            plan: SubPlan = {**self.lookup.summary(plan_id),
                             "progress": plan_progress(self.tracker, plan_id)}
            groups.setdefault(plan["year"], []).append(plan)
        return [{"year": year, "plans": groups[year]} for year in sorted(groups, reverse=True)]

    def by_place_name(self, plan_ids: list[str]) -> list[str]:
        """Plans in the alphabetical order of their localities (a reader looks for a name)."""
        places = self.lookup.index.places
        return sorted(plan_ids, key=lambda p: sort_name(places[p].short_name))

    def communes(self, code: str) -> list[CommuneEntry]:
        """Every commune of a province; those with plans link to their page."""
        communes = sorted(self.gazetteer.communes_of(code), key=lambda c: sort_name(c.short_name))
        entries: list[CommuneEntry] = []
        for commune in communes:
            count = len(self.lookup.by_place.get(commune.path, []))
            entries.append({"name": commune.name, "count": count,
                            "url": routes.locality(commune) if count else None})
        return entries

    def former_units(self, code: str) -> list[FormerUnitEntry]:
        entries: list[FormerUnitEntry] = []
        for unit in self.gazetteer.former_of(code):
            count = len(self.lookup.by_place.get(unit.path, []))
            entries.append({"name": unit.name,
                            "period": former_period(unit.former) if unit.former else "",
                            "url": routes.locality(unit) if count else None, "count": count})
        return sorted(entries, key=lambda e: sort_name(e["name"]))

    def commune_page(self, place: Locality) -> PageSpec:
        province = self.lookup.province_of(place)
        plan_ids = self.lookup.by_place.get(place.path, [])
        common = self.locality_data(place, plan_ids)
        data: CommuneData = {
            **common,
            "breadcrumbs": [home_crumb(), {"name": province.name, "url": routes.locality(province)},
                            {"name": place.name, "url": routes.locality(place)}],
            "province": {"name": province.name, "url": routes.locality(province)},
            "plans_by_year": _group_years(common["plans"]),
        }
        years = sorted({self.lookup.plan(p).year for p in plan_ids})
        period = f" ({former_period(place.former)})" if place.former else ""
        return PageSpec(
            src_uri=routes.src_uri(routes.locality(place)),
            template="locality.html",
            title=f"{place.name} – {province.name}",
            data=data,
            build=partial(self.commune_view, data, place),
            description=f"{place.name}{period}, {province.name}: {plan_count(len(plan_ids))} "
            f"({year_span(years)}) và {len(data['units'])} đơn vị thực hiện.",
            facets={"kind": KIND, "province": province.name, "level": level_label(place.level),
                    "locality": place.name, "year": ", ".join(str(y) for y in years)},
        )


def _group_years(plans: list[LocalityPlan]) -> list[LocalityPlanYear]:
    """Plan entries (newest first) grouped by year, newest year first."""
    groups: dict[int, list[LocalityPlan]] = {}
    for plan in plans:
        groups.setdefault(plan["year"], []).append(plan)
    return [{"year": year, "plans": groups[year]} for year in sorted(groups, reverse=True)]
