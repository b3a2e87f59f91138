"""The plan page: every field of a plan and its timeline, as plain data for overrides/plan.html."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from kehoach.model.dates import PartialDate
from kehoach.model.plan import Activity, Assignment, Item, Plan, Target, When
from kehoach.site import routes
from kehoach.site.anchors import unique_anchors
from kehoach.site.context import Contribution, SiteContext
from kehoach.site.index import SiteIndex
from kehoach.site.markdown import MarkdownRenderer
from kehoach.site.options import SiteOptions
from kehoach.site.pages.plan_history import plan_history
from kehoach.site.pages.timeline_plan import TimelineContext, plan_timeline
from kehoach.site.spec import PageSpec
from kehoach.site.tracking import activity_tracking, plan_tracking, search_progress, status_facet
from kehoach.site.views import plan as views
from kehoach.site.views.common import Link
from kehoach.site.wording import document_label, format_when, level_label, reference_kind_label
from kehoach.source.localities import Locality
from kehoach.tracking.tracker import Tracker


def generate(site: SiteContext, earlier: Sequence[PageSpec]) -> Contribution:
    plans = PlanView(site.index, site.md, site.timelines, site.options, site.tracker)
    return Contribution(pages=[plans.page(plan_id) for plan_id in sorted(site.index.plans)])


class PlanView:
    """Builds plan pages; holds the index and one Markdown renderer for the whole site."""

    def __init__(
        self,
        index: SiteIndex,
        md: MarkdownRenderer,
        timelines: TimelineContext,
        options: SiteOptions,
        tracker: Tracker,
    ) -> None:
        self.index = index
        self.md = md
        self.timelines = timelines
        self.options = options
        self.tracker = tracker

    def page(self, plan_id: str) -> PageSpec:
        plan = self.index.plans[plan_id]
        place = self.index.places[plan_id]
        return PageSpec(
            src_uri=routes.src_uri(routes.plan(place, plan_id)),
            template="plan.html",
            title=self._page_title(plan),
            description=plan.title,
            source_path=self.index.sources[plan_id],
            facets=self.facets(plan),
            # Built when rendered: nationally, held for every plan, this data weighed ~300 MB.
            build=partial(self.data, plan_id),
        )

    def data(self, plan_id: str) -> views.PlanPage:
        plan = self.index.plans[plan_id]
        return {
            "plan": self.header(plan),
            "breadcrumbs": self.breadcrumbs(plan),
            "body": self.body(plan),
            "activities": [self.activity(plan, a) for a in plan.activities],
            "appendix": self.appendix(plan),
            "responsibilities": [
                self.assignment(plan, r, anchor)
                for r, anchor in zip(plan.responsibilities, unique_anchors(
                    "tn", ("-".join(r.units) for r in plan.responsibilities)), strict=True)
            ],
            "reporting": [self.report(plan, i) for i in range(len(plan.reporting))],
            "implemented_by": self.plan_links(self.index.children.get(plan_id, [])),
            "references": [self.reference(plan, i) for i in range(len(plan.references))],
            "units": self.units(plan, tuple(u.id for u in plan.units)),
            "timeline": plan_timeline(self.timelines, plan_id),
            "history": plan_history(self.options, self.index.sources[plan_id]),
            "tracking": plan_tracking(self.tracker, self.index, plan),
        }

    def facets(self, plan: Plan) -> dict[str, str]:
        place = self.index.places[plan.id]
        province = self.index.catalog.gazetteer.province(place.province_code)
        return {
            "kind": "Kế hoạch",
            "province": province.name,
            "year": str(plan.year),
            "level": level_label(place.level),
            "locality": place.name,
            "status": status_facet(self.tracker.plan_rollups[plan.id]),
            "progress": search_progress(self.tracker.plan_rollups[plan.id]),
        }

    def _page_title(self, plan: Plan) -> str:
        numbered = document_label(plan.document.type, plan.document.number)
        return f"{numbered} – {self.index.places[plan.id].name} – {plan.year}"

    def header(self, plan: Plan) -> views.PlanHeader:
        place = self.index.places[plan.id]
        doc = plan.document
        return {
            "title": plan.title,
            "year": plan.year,
            "type": doc.type,
            "number": doc.number,
            "date": str(doc.date) if doc.date else None,
            "date_iso": doc.date.iso() if doc.date else None,
            "place": doc.place,
            "note": doc.note,
            "issuer": plan.issuer,
            "level": level_label(place.level),
            "locality": {"name": place.name, "url": routes.locality(place)},
            "former": _former(place),
            "signer": {"name": plan.signer.name, "lines": list(plan.signer.lines)}
            if plan.signer
            else None,
        }

    def breadcrumbs(self, plan: Plan) -> list[Link]:
        place = self.index.places[plan.id]
        crumbs: list[Link] = [{"name": "Trang chủ", "url": routes.home()}]
        if not place.is_province:
            province = self.index.catalog.gazetteer.province(place.province_code)
            crumbs.append({"name": province.name, "url": routes.locality(province)})
        crumbs.append({"name": place.name, "url": routes.locality(place)})
        return crumbs

    def body(self, plan: Plan) -> views.PlanBody:
        md = self.md
        return {
            "intro": md(plan.intro),
            "theme": plan.theme,
            "slogans": list(plan.slogans),
            "slogans_note": plan.slogans_note,
            "purposes": [md(p) for p in plan.purposes],
            "requirements": [md(r) for r in plan.requirements],
            "period": self.when(plan.period),
            "activities_note": plan.activities_note,
            "budget": md(plan.budget),
            "closing": md(plan.closing),
            "sections": [
                {"heading": s.heading, "body": md(s.body), "anchor": anchor}
                for s, anchor in zip(plan.sections, unique_anchors(
                    "muc", (s.heading for s in plan.sections)), strict=True)
            ],
            "footnotes": [
                {
                    "mark": f.mark,
                    "text": md.inline(f.text),
                    "activity": f"hd-{f.activity}" if f.activity else None,
                }
                for f in plan.footnotes
            ],
            "recipients": list(plan.recipients),
        }

    def when(self, when: When | None) -> views.WhenView | None:
        if when is None:
            return None
        return {
            "text": when.text,
            "summary": format_when(when),
        }

    def units(self, plan: Plan, unit_ids: tuple[str, ...]) -> list[Link]:
        return [{"name": plan.unit(u).name, "url": self.index.unit_url(plan, u)} for u in unit_ids]

    def activity(self, plan: Plan, activity: Activity) -> views.ActivityView:
        md = self.md
        return {
            "anchor": f"hd-{activity.id}",
            "label": activity.label,
            "title": activity.title,
            "description": md(activity.description),
            "lead": self.units(plan, activity.lead),
            "partners": self.units(plan, activity.partners),
            "lead_text": activity.lead_text,
            "partners_text": activity.partners_text,
            "when": self.when(activity.when),
            "place": activity.place,
            "targets": [self.target(t) for t in activity.targets],
            "resources": [self.resource(r) for r in activity.resources],
            "details": [{"label": d.label, "text": md(d.text)} for d in activity.details],
            "assignments": [self.assignment(plan, a) for a in activity.assignments],
            "subitems": [self.item(plan, i) for i in activity.items],
            "appendix_row": activity.appendix.row if activity.appendix else None,
            "tracking": activity_tracking(self.tracker, md, plan, activity),
        }

    def target(self, target: Target) -> views.TargetView:
        return {
            "text": target.text,
            "value": _number(target.value),
            "unit": target.unit,
            "comparator": target.comparator,
            "deadline": str(target.deadline) if target.deadline else None,
        }

    def resource(self, resource_id: str) -> views.ResourceLink:
        resource = next(r for r in self.index.catalog.registry.resources if r.id == resource_id)
        return {
            "name": resource.name,
            "url": routes.resource(resource_id),
            "href": resource.url,
            "insecure": resource.insecure,
        }

    def assignment(
        self, plan: Plan, assignment: Assignment, anchor: str | None = None
    ) -> views.AssignmentView:
        return {
            "anchor": anchor,
            "heading": assignment.heading,
            "units": self.units(plan, assignment.units),
            "duties": [self.md(d) for d in assignment.duties],
        }

    def item(self, plan: Plan, item: Item) -> views.ItemView:
        return {
            "title": item.title,
            "lead": self.units(plan, item.lead),
            "children": [self.item(plan, child) for child in item.items],
        }

    def report(self, plan: Plan, index: int) -> views.ReportView:
        report = plan.reporting[index]
        return {
            "text": self.md(report.text),
            "by": self.units(plan, report.by),
            "to": self.units(plan, report.to),
            "deadline": str(report.deadline) if report.deadline else None,
            "deadline_iso": report.deadline.iso() if report.deadline else None,
        }

    def appendix(self, plan: Plan) -> views.AppendixView | None:
        if plan.appendix is None:
            return None
        rows = sorted((a for a in plan.activities if a.appendix), key=lambda a: a.appendix.row)  # type: ignore[union-attr]
        return {
            "title": plan.appendix.title,
            "note": plan.appendix.note,
            "rows": [
                {
                    "row": a.appendix.row,
                    "task": a.appendix.task,
                    "lead": a.appendix.lead,
                    "partners": a.appendix.partners,
                    "time": a.appendix.time,
                    "anchor": f"hd-{a.id}",
                }
                for a in rows
                if a.appendix is not None
            ],
        }

    def reference(self, plan: Plan, index: int) -> views.ReferenceView:
        ref = plan.references[index]
        kind = reference_kind_label(ref.kind)
        if ref.plan:
            cited = self.index.plans[ref.plan]
            return {
                "kind": kind,
                "number": cited.document.number,
                "title": cited.title,
                "issuer": cited.issuer,
                "date": _date(cited.document.date),
                "url": self.index.plan_url(ref.plan),
            }
        doc = next(d for d in self.index.catalog.registry.documents if d.id == ref.document)
        return {
            "kind": kind,
            "number": doc.number,
            "title": doc.title,
            "issuer": doc.issuer,
            "date": _date(doc.date),
            "url": routes.document(doc.id),
        }

    def plan_links(self, plan_ids: list[str]) -> list[views.PlanLink]:
        return [plan_link(self.index, pid) for pid in sorted(plan_ids)]


def plan_link(index: SiteIndex, plan_id: str) -> views.PlanLink:
    plan = index.plans[plan_id]
    place = index.places[plan_id]
    return {
        "title": plan.title,
        "number": plan.document.number,
        "year": plan.year,
        "locality": place.name,
        "url": index.plan_url(plan_id),
    }


def _former(place: Locality) -> views.Former | None:
    former = place.former
    if former is None:
        return None
    return {"until": str(former.until), "note": former.note}


def _number(value: float | None) -> str | None:
    if value is None:
        return None
    return str(int(value)) if value == int(value) else str(value)


def _date(value: PartialDate | None) -> str | None:
    return str(value) if value else None
