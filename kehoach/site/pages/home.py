"""The home page: what the site is, the latest plans, this year's theme, entry by province
and the main learning platforms."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from kehoach.site import routes
from kehoach.site.context import Contribution, SiteContext
from kehoach.site.lookup import Lookup
from kehoach.site.pages.locality import LocalityView
from kehoach.site.spec import PageSpec
from kehoach.site.views.home import HomePage, Platform, ThemeEntry, Themes
from kehoach.vietnamese import number

LATEST = 10
PLATFORMS = 8
THEMES = 3  # the most common wordings; local variants beyond these are only counted
# The national learning platforms come first; then the platforms plans point to most.
FEATURED = ("binhdanhocvuso-gov-vn", "aicongdong-ptit-edu-vn")


def generate(site: SiteContext, earlier: Sequence[PageSpec]) -> Contribution:
    home = HomeView(site.lookup, LocalityView(site.lookup, site.timelines, site.tracker))
    return Contribution(pages=[home.page()])


class HomeView:
    def __init__(self, lookup: Lookup, localities: LocalityView) -> None:
        self.lookup = lookup
        self.localities = localities

    def page(self) -> PageSpec:
        gazetteer = self.lookup.index.catalog.gazetteer
        provinces = [gazetteer.province(c) for c in gazetteer.province_codes()]
        themes = self.themes()
        data: HomePage = {
            "latest": [self.lookup.summary(p) for p in self.lookup.newest[:LATEST]],
            "total": number(len(self.lookup.newest)),
            "themes": themes,
            "provinces": self.localities.province_entries(provinces),
            "platforms": self.platforms(),
            "links": {"localities": routes.LOCALITIES, "documents": routes.DOCUMENTS,
                      "resources": routes.RESOURCES, "national": f"{routes.NATIONAL_PATH}/"},
        }
        return PageSpec(
            src_uri=routes.src_uri(routes.home()),
            template="home.html",
            title="Trang chủ",
            data=data,
            description=f"{data['total']} kế hoạch của tỉnh, xã về Ngày Chuyển đổi số quốc gia "
            "(10/10): hoạt động, đơn vị thực hiện, thời gian, nền tảng số.",
            facets={"kind": "Trang chủ"},
        )

    def themes(self) -> Themes | None:
        """The themes of the latest year's plans, one per wording (case ignored)."""
        plans = [self.lookup.plan(p) for p in self.lookup.newest]
        if not plans:
            return None
        year = max(p.year for p in plans)
        counts: Counter[str] = Counter()
        first: dict[str, str] = {}
        for plan in plans:
            if plan.year == year and plan.theme:
                key = " ".join(plan.theme.casefold().split())
                first.setdefault(key, plan.theme)
                counts[key] += 1
        themes: list[ThemeEntry] = [
            {"text": first[k], "count": number(n)} for k, n in counts.most_common(THEMES)
        ]
        if not themes:
            return None
        return {"year": year, "entries": themes, "others": max(0, len(counts) - THEMES)}

    def platforms(self) -> list[Platform]:
        uses = self.lookup.index.resource_uses
        ranked = sorted(self.lookup.resources, key=lambda r: (-len(uses.get(r, [])), r))
        ids = [r for r in FEATURED if r in self.lookup.resources]
        ids += [r for r in ranked if r not in ids][: max(0, PLATFORMS - len(ids))]
        entries: list[Platform] = []
        for resource_id in ids:
            resource = self.lookup.resources[resource_id]
            entries.append({"name": resource.name, "href": resource.url,
                            "insecure": resource.insecure, "url": routes.resource(resource.id)})
        return entries
