"""Digital platforms and links: the "nen-tang/" index and one page per resource, with the
activities that send people to it. URLs are shown exactly as the source gives them.

A platform used by more than SPLIT_AT plans lists provinces on its page, and the activities
of each province on "nen-tang/<id>/<province>/".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from kehoach.model.plan import Resource
from kehoach.site import routes
from kehoach.site.context import Contribution, SiteContext
from kehoach.site.lookup import SPLIT_AT, Lookup, home_crumb, newest_first
from kehoach.site.spec import PageSpec
from kehoach.site.views.common import Link
from kehoach.site.views.resources import (
    ResourceEntry,
    ResourceHead,
    ResourcePage,
    ResourceProvince,
    ResourceProvincePage,
    ResourcesPage,
    ResourceSplitPage,
    ResourceUse,
    UseActivity,
)
from kehoach.source.localities import Locality
from kehoach.vietnamese import sort_name

ResourceView = ResourcePage | ResourceSplitPage | ResourceProvincePage
KIND = "Nền tảng"
INDEX_LIMIT = 3  # plans shown per platform on the index; all of them on its own page


def generate(site: SiteContext, earlier: Sequence[PageSpec]) -> Contribution:
    return Contribution(pages=ResourcesView(site.lookup).pages())


class ResourcesView:
    def __init__(self, lookup: Lookup) -> None:
        self.lookup = lookup
        self._uses: dict[str, dict[str, list[str]]] = {}

    def pages(self) -> list[PageSpec]:
        resources = sorted(self.lookup.resources.values(), key=lambda r: sort_name(r.name))
        pages = [self.index_page(resources)]
        for resource in resources:
            pages.extend(self.resource_pages(resource))
        return pages

    def activity_ids(self, resource_id: str) -> dict[str, list[str]]:
        """Plan id → ids of its activities pointing to the resource."""
        if resource_id not in self._uses:
            by_plan: dict[str, list[str]] = defaultdict(list)
            for plan_id, activity_id in self.lookup.index.resource_uses.get(resource_id, []):
                by_plan[plan_id].append(activity_id)
            self._uses[resource_id] = dict(by_plan)
        return self._uses[resource_id]

    def plan_ids(self, resource_id: str) -> list[str]:
        return newest_first(self.lookup.index, list(self.activity_ids(resource_id)))

    def uses(self, resource_id: str, plan_ids: list[str]) -> list[ResourceUse]:
        """Each plan with its activities pointing to the resource (links to their anchors)."""
        by_plan = self.activity_ids(resource_id)
        groups: list[ResourceUse] = []
        for plan_id in plan_ids:
            url = self.lookup.index.plan_url(plan_id)
            activities: list[UseActivity] = []
            for activity_id in by_plan[plan_id]:
                activity = self.lookup.activity(plan_id, activity_id)
                activities.append({"label": activity.label, "title": activity.title,
                                   "url": f"{url}#hd-{activity.id}"})
            groups.append({"plan": self.lookup.summary(plan_id), "activities": activities})
        return groups

    def resource(self, resource: Resource) -> ResourceHead:
        return {
            "id": resource.id,
            "name": resource.name,
            "description": resource.description,
            "href": resource.url,
            "insecure": resource.insecure,
            "url": routes.resource(resource.id),
        }

    def index_page(self, resources: list[Resource]) -> PageSpec:
        entries: list[ResourceEntry] = []
        for resource in resources:
            ids = self.plan_ids(resource.id)
            count = sum(len(v) for v in self.activity_ids(resource.id).values())
            entries.append({**self.resource(resource), "plans": len(ids), "activities": count,
                            "uses": self.uses(resource.id, ids[:INDEX_LIMIT]),
                            "more": max(0, len(ids) - INDEX_LIMIT)})
        data: ResourcesPage = {
            "resources": entries, "insecure": sum(1 for r in resources if r.insecure),
            "breadcrumbs": [home_crumb(), {"name": "Nền tảng số", "url": routes.RESOURCES}],
        }
        return PageSpec(
            src_uri=routes.src_uri(routes.RESOURCES),
            template="resources.html",
            title="Nền tảng số và liên kết",
            data=data,
            description=f"{len(entries)} nền tảng số, trang web được các kế hoạch giới thiệu, "
            "kèm các hoạt động sử dụng từng nền tảng.",
            facets={"kind": KIND},
        )

    def resource_pages(self, resource: Resource) -> list[PageSpec]:
        """The platform's page; past SPLIT_AT plans, also one page per province."""
        head = self.resource(resource)
        ids = self.plan_ids(resource.id)
        count = sum(len(v) for v in self.activity_ids(resource.id).values())
        crumbs: list[Link] = [home_crumb(), {"name": "Nền tảng số", "url": routes.RESOURCES},
                              {"name": resource.name, "url": head["url"]}]
        if len(ids) <= SPLIT_AT:
            whole: ResourcePage = {"resource": head, "activities": count, "plans": len(ids),
                                   "breadcrumbs": crumbs, "uses": self.uses(resource.id, ids)}
            return [self.page(resource, head["url"], whole, ids)]
        groups = self.lookup.group_by_province(ids)
        by_plan = self.activity_ids(resource.id)
        provinces: list[ResourceProvince] = [
            {"name": p.name, "url": routes.in_province(head["url"], p), "count": len(g),
             "activities": sum(len(by_plan[x]) for x in g)} for p, g in groups
        ]
        split: ResourceSplitPage = {"resource": head, "activities": count, "plans": len(ids),
                                    "breadcrumbs": crumbs, "provinces": provinces}
        pages = [self.page(resource, head["url"], split, ids)]
        for province, group in groups:
            url = routes.in_province(head["url"], province)
            sub: ResourceProvincePage = {
                "resource": head, "activities": count, "plans": len(ids),
                "breadcrumbs": [*crumbs, {"name": province.name, "url": url}],
                "province": {"name": province.name, "url": url},
                "uses": self.uses(resource.id, group),
            }
            pages.append(self.page(resource, url, sub, group, province))
        return pages

    def page(self, resource: Resource, url: str, data: ResourceView, plan_ids: list[str],
             province: Locality | None = None) -> PageSpec:
        years = sorted({self.lookup.plan(p).year for p in plan_ids})
        facets = {"kind": KIND}
        if years:
            facets["year"] = ", ".join(str(y) for y in years)
        if province:
            facets["province"] = province.name
        where = f" – {province.name}" if province else ""
        return PageSpec(
            src_uri=routes.src_uri(url),
            template="resource.html",
            title=f"{resource.name}{where}",
            data=data,
            description=f"{resource.name} ({resource.url}){where}: nền tảng được giới thiệu "
            f"trong {len(plan_ids)} kế hoạch.",
            facets=facets,
        )

