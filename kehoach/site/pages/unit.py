"""Unit pages: everything one unit leads, supports, is assigned and reports, plan by plan;
and the "toan-quoc/" page listing the national units."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from kehoach.model.plan import Activity, Assignment, Plan, Report
from kehoach.site import routes
from kehoach.site.context import Contribution, SiteContext
from kehoach.site.index import NATIONAL, UnitRecord
from kehoach.site.lookup import Lookup, UnitRoles, newest_first
from kehoach.site.markdown import MarkdownRenderer
from kehoach.site.spec import PageSpec
from kehoach.site.tracking import badge
from kehoach.site.views.common import CountedLink, Link
from kehoach.site.views.locality import NationalUnitsPage
from kehoach.site.views.unit import Duties, UnitActivity, UnitPage, UnitPlan, UnitReport
from kehoach.site.wording import format_when, level_label, plan_count, year_span
from kehoach.tracking.statuses import as_of_text
from kehoach.tracking.tracker import Tracker

KIND = "Đơn vị"


def generate(site: SiteContext, earlier: Sequence[PageSpec]) -> Contribution:
    return Contribution(pages=UnitView(site.lookup, site.md, site.tracker).pages())


class UnitView:
    def __init__(self, lookup: Lookup, md: MarkdownRenderer, tracker: Tracker) -> None:
        self.lookup = lookup
        self.md = md  # it keeps recent renderings: a duty is shown on each of its units' pages
        self.tracker = tracker  # the status of each activity, shown beside it

    def pages(self) -> list[PageSpec]:
        records = sorted(self.lookup.index.units.values(), key=lambda r: r.url)
        return [self.national_page(), *(self.page(r) for r in records)]

    def home_crumbs(self, record: UnitRecord) -> list[Link]:
        crumbs: list[Link] = [{"name": "Trang chủ", "url": routes.home()}]
        if record.home == NATIONAL:
            return [*crumbs, {"name": NATIONAL.name, "url": f"{NATIONAL.path}/"}]
        place = self.lookup.localities[record.home.path]
        if not place.is_province:
            province = self.lookup.province_of(place)
            crumbs.append({"name": province.name, "url": routes.locality(province)})
        return [*crumbs, {"name": place.name, "url": routes.locality(place)}]

    def page(self, record: UnitRecord) -> PageSpec:
        plan_ids = newest_first(self.lookup.index, record.plan_ids)
        home = self.home_crumbs(record)[-1]
        name = record.names[0]
        years = sorted({self.lookup.plan(p).year for p in plan_ids})
        return PageSpec(
            src_uri=routes.src_uri(record.url),
            template="unit.html",
            title=f"{name} – {home['name']}",
            build=functools.partial(self.data, record, plan_ids),
            description=f"{name} ({home['name']}): nhiệm vụ trong {plan_count(len(plan_ids))} "
            f"({year_span(years)}) – hoạt động chủ trì, phối hợp, trách nhiệm và báo cáo.",
            facets=self.facets(record, years),
        )

    def data(self, record: UnitRecord, plan_ids: list[str]) -> UnitPage:
        crumbs = self.home_crumbs(record)
        name = record.names[0]
        return {
            "unit": {"name": name, "other_names": record.names[1:]},
            "home": crumbs[-1],
            "breadcrumbs": [*crumbs, {"name": name, "url": record.url}],
            "plans": [self.plan_roles(pid, record.unit_id) for pid in plan_ids],
            "as_of": as_of_text(self.tracker.today),
        }

    def facets(self, record: UnitRecord, years: list[int]) -> dict[str, str]:
        facets = {"kind": KIND, "year": ", ".join(str(y) for y in years)}
        if record.home == NATIONAL:
            return {**facets, "level": "Trung ương"}
        place = self.lookup.localities[record.home.path]
        province = self.lookup.province_of(place)
        return {
            **facets,
            "province": province.name,
            "level": level_label(place.level),
            "locality": place.name,
        }

    def plan_roles(self, plan_id: str, unit_id: str) -> UnitPlan:
        plan = self.lookup.plan(plan_id)
        roles: UnitRoles = self.lookup.roles(plan_id, unit_id)
        return {
            "plan": self.lookup.summary(plan_id),
            "lead": [self.activity(plan_id, a) for a in roles.lead],
            "partner": [self.activity(plan_id, a) for a in roles.partner],
            "subitems": [{**self.activity(plan_id, a), "item": i.title} for a, i in roles.items],
            "assigned": [
                {**self.activity(plan_id, a), **self.duties(plan, x)} for a, x in roles.assigned
            ],
            "responsibilities": [self.duties(plan, x) for x in roles.responsibilities],
            "reports_by": [self.report(plan, r, r.to) for r in roles.reports_by],
            "reports_to": [self.report(plan, r, r.by) for r in roles.reports_to],
        }

    def activity(self, plan_id: str, activity: Activity) -> UnitActivity:
        plan_url = self.lookup.index.plan_url(plan_id)
        return {
            "label": activity.label,
            "title": activity.title,
            "url": f"{plan_url}#hd-{activity.id}",
            "when": format_when(activity.when) if activity.when else "",
            "status": badge(self.tracker.status(plan_id, activity.id)),
        }

    def duties(self, plan: Plan, assignment: Assignment) -> Duties:
        return {
            "heading": assignment.heading,
            "with": self.units(plan, assignment.units),
            "duties": [self.md(d) for d in assignment.duties],
        }

    def report(self, plan: Plan, report: Report, others: tuple[str, ...]) -> UnitReport:
        return {
            "text": self.md(report.text),
            "deadline": str(report.deadline) if report.deadline else None,
            "deadline_iso": report.deadline.iso() if report.deadline else None,
            "others": self.units(plan, others),
        }

    def units(self, plan: Plan, unit_ids: tuple[str, ...]) -> list[Link]:
        index = self.lookup.index
        return [{"name": plan.unit(u).name, "url": index.unit_url(plan, u)} for u in unit_ids]

    def national_page(self) -> PageSpec:
        records = self.lookup.units_by_place.get(NATIONAL.path, [])
        units: list[CountedLink] = [
            {"name": r.names[0], "url": r.url, "count": len(r.plan_ids)} for r in records
        ]
        data: NationalUnitsPage = {
            "units": units,
            "breadcrumbs": [
                {"name": "Trang chủ", "url": routes.home()},
                {"name": NATIONAL.name, "url": f"{NATIONAL.path}/"},
            ],
        }
        return PageSpec(
            src_uri=routes.src_uri(f"{NATIONAL.path}/"),
            template="localities.html",
            title="Cơ quan trung ương",
            data=data,
            description=f"{len(units)} bộ, ngành trung ương được giao nhiệm vụ trong các kế "
            "hoạch địa phương.",
            facets={"kind": KIND, "level": "Trung ương"},
        )
