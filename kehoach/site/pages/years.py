"""The year pages: "lich/" for the latest year, "lich/<year>/" for earlier ones: every
activity of the year's plans, province by province and week by week, and what runs now."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from kehoach.site import routes
from kehoach.site.context import Contribution, SiteContext
from kehoach.site.pages.timeline_locality import (
    agenda,
    dated_items,
    heat,
    in_year,
    plan_years,
)
from kehoach.site.pages.timeline_plan import TimelineContext
from kehoach.site.spec import PageSpec
from kehoach.site.views.timeline import HeatHead
from kehoach.site.views.years import ProvinceLinks, YearPage, YearPlanLink, YearProvince
from kehoach.timeline.span import Span

LINK_LIMIT = 10  # commune plans linked per province on the year page


def generate(site: SiteContext, earlier: Sequence[PageSpec]) -> Contribution:
    """"lich/" for the latest year, "lich/<year>/" for each earlier one."""
    ctx = site.timelines
    years = plan_years(ctx)
    return Contribution(pages=[_year_page(ctx, year, years) for year in years])


def _year_page(ctx: TimelineContext, year: int, years: list[int]) -> PageSpec:
    gazetteer = ctx.index.catalog.gazetteer
    ids = sorted(pid for pid, plan in ctx.index.plans.items() if plan.year == year)
    by_province: dict[str, list[str]] = defaultdict(list)
    for pid in ids:
        by_province[ctx.index.places[pid].province_code].append(pid)
    provinces: list[YearProvince] = []
    rows: list[tuple[HeatHead, list[Span]]] = []
    for code in sorted(by_province, key=lambda c: gazetteer.province(c).path):
        province = gazetteer.province(code)
        url = routes.locality(province)
        has_page = province.path in ctx.locality_pages
        head: HeatHead = {"name": province.name, "url": url if has_page else None,
                          "plans": len(by_province[code])}
        rows.append((head, in_year(dated_items(ctx, by_province[code]), year)))
        provinces.append({**head, **_province_links(ctx, by_province[code])})
    items = dated_items(ctx, ids)
    url = routes.year(year, years[-1])
    data: YearPage = {
        "year": year,
        "years": [{"year": y, "url": routes.year(y, years[-1]), "current": y == year}
                  for y in years],
        "summary": {"plans": len(ids), "provinces": len(by_province),
                    "localities": len({ctx.index.places[pid].path for pid in ids}),
                    "activities": len(in_year(items, year))},
        "heat": heat(rows, year),
        "provinces": provinces,
        "agenda": agenda(ctx, items),
    }
    return PageSpec(
        src_uri=routes.src_uri(url), template="year.html", title=f"Lịch hoạt động năm {year}",
        data=data,
        description=f"Các hoạt động trong kế hoạch của tỉnh, xã năm {year}, theo tuần.",
    )


def _province_links(ctx: TimelineContext, plan_ids: list[str]) -> ProvinceLinks:
    def link(pid: str) -> YearPlanLink:
        plan = ctx.index.plans[pid]
        return {"title": plan.title, "url": ctx.index.plan_url(pid),
                "locality": ctx.index.places[pid].name}

    own = [pid for pid in plan_ids if ctx.index.places[pid].is_province]
    subs = sorted((pid for pid in plan_ids if pid not in own),
                  key=lambda pid: (ctx.index.places[pid].path, pid))
    return {"own": [link(pid) for pid in own],
            "subs": [link(pid) for pid in subs[:LINK_LIMIT]],
            "subs_more": max(0, len(subs) - LINK_LIMIT)}
