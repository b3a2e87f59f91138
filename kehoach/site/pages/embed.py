"""Embeddable pages "<locality url>nhung/": a locality's current plan, small enough for an
iframe on a commune information portal. overrides/embed.html draws them without the site's
chrome and without any request outside the site.

Every locality page that lists plans gets one: a commune or former unit shows its own plans;
a province shows its own newest plan if it has one, else the newest plan issued inside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from kehoach.model.plan import Activity, Plan
from kehoach.site import routes
from kehoach.site.context import Contribution, SiteContext
from kehoach.site.index import SiteIndex
from kehoach.site.pages.opendata import issued_on
from kehoach.site.spec import PageSpec
from kehoach.site.tracking import badge
from kehoach.site.views.embed import EmbedActivity, EmbedLink, EmbedOther, EmbedPage, EmbedPlan
from kehoach.site.wording import document_label, format_when
from kehoach.source.localities import Locality
from kehoach.tracking.statuses import as_of_text
from kehoach.tracking.tracker import Tracker
from kehoach.vietnamese import shorten

MAX_ACTIVITIES = 30  # keeps the page small (< 30 KB); the rest is one click away
MAX_OTHERS = 5
MAX_TITLE = 180


def generate(site: SiteContext, earlier: Sequence[PageSpec]) -> Contribution:
    return Contribution(pages=EmbedView(site.index, site.tracker).pages())


class EmbedView:
    def __init__(self, index: SiteIndex, tracker: Tracker) -> None:
        self.index = index
        self.tracker = tracker
        self.own = index.by_place  # locality path → its plans
        self.by_province = index.by_province  # code → plans inside
        self.places: dict[str, Locality] = {p.path: p for p in index.places.values()}

    def pages(self) -> list[PageSpec]:
        pages = [
            self.page(self.places[path], ids, ids)
            for path, ids in sorted(self.own.items())
            if not self.places[path].is_province
        ]
        gazetteer = self.index.catalog.gazetteer
        for code, inside in sorted(self.by_province.items()):
            province = gazetteer.province(code)
            pages.append(self.page(province, self.own.get(province.path, []), inside))
        return pages

    def newest_first(self, plan_ids: list[str]) -> list[str]:
        """Latest year first, then latest document date, then id."""

        def key(plan_id: str) -> tuple[int, dt.date]:
            plan = self.index.plans[plan_id]
            date = plan.document.date
            return plan.year, date.first_day() if date else dt.date(plan.year, 1, 1)

        return sorted(sorted(plan_ids), key=key, reverse=True)

    def page(self, place: Locality, own: list[str], area: list[str]) -> PageSpec:
        ordered = self.newest_first(area)
        current = (self.newest_first(own) or ordered)[0]
        others = [p for p in ordered if p != current]
        plan = self.index.plans[current]
        activities = self.timeline(plan)
        data: EmbedPage = {
            "locality": {"name": place.name, "url": routes.locality(place)},
            "as_of": as_of_text(self.tracker.today),
            "plan": self.summary(current, place),
            "activities": activities[:MAX_ACTIVITIES],
            "more_activities": max(0, len(activities) - MAX_ACTIVITIES),
            "links": self.links(plan),
            "others": [self.other(p) for p in others[:MAX_OTHERS]],
            "more_others": max(0, len(others) - MAX_OTHERS),
        }
        return PageSpec(
            src_uri=routes.src_uri(routes.embed(routes.locality(place))),
            template="embed.html",
            title=f"Kế hoạch – {place.name}",
            data=data,
            description=f"Kế hoạch hiện hành của {place.name}: {plan.title}",
        )

    def summary(self, plan_id: str, place: Locality) -> EmbedPlan:
        plan = self.index.plans[plan_id]
        doc = plan.document
        issued_in = self.index.places[plan_id]
        return {
            "label": document_label(doc.type, doc.number),
            "title": plan.title,
            "issued": issued_on(doc.date),
            "year": plan.year,
            "issuer": plan.issuer,
            "elsewhere": issued_in.name if issued_in.path != place.path else None,
            "period": format_when(plan.period) or plan.period.text if plan.period else None,
            "url": self.index.plan_url(plan_id),
        }

    def timeline(self, plan: Plan) -> list[EmbedActivity]:
        """Dated activities by start (or end) date, then the undated in document order."""

        def day(activity: Activity) -> dt.date | None:
            when = activity.when
            date = (when.start or when.end) if when else None
            return date.first_day() if date else None

        dated = sorted((a for a in plan.activities if day(a)), key=lambda a: day(a) or dt.date.min)
        undated = [a for a in plan.activities if not day(a)]
        return [self.activity(plan, a) for a in dated + undated]

    def activity(self, plan: Plan, activity: Activity) -> EmbedActivity:
        when = activity.when
        start = (when.start or when.end) if when else None
        reading = (format_when(when) or shorten(when.text or "", 80)) if when else ""
        return {
            "label": activity.label,
            "title": shorten(activity.title, MAX_TITLE),
            "when": reading,
            "iso": start.iso() if start else None,
            "url": f"{self.index.plan_url(plan.id)}#hd-{activity.id}",
            "status": badge(self.tracker.status(plan.id, activity.id)),
        }

    def links(self, plan: Plan) -> list[EmbedLink]:
        """The platforms the plan sends people to, once each, in the order they appear."""
        registry = {r.id: r for r in self.index.catalog.registry.resources}
        seen: list[str] = []
        for activity in plan.activities:
            seen.extend(r for r in activity.resources if r not in seen)
        return [
            {"name": registry[r].name, "href": registry[r].url, "insecure": registry[r].insecure}
            for r in seen
        ]

    def other(self, plan_id: str) -> EmbedOther:
        plan = self.index.plans[plan_id]
        return {
            "label": document_label(plan.document.type, plan.document.number),
            "year": plan.year,
            "locality": self.index.places[plan_id].name,
            "url": self.index.plan_url(plan_id),
        }
