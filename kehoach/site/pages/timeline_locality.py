"""Timelines across plans: a locality's year (its own plans in full, its communes as a
count-per-week strip, what runs now and next) and the year overview pages "lich/".

Sizes stay bounded at national scale: week strips have one cell per week, lists stop at
LIST_LIMIT entries, and communes get rows of their own only when they are few.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from kehoach.site import routes
from kehoach.site.pages.timeline_plan import (
    Data,
    TimelineContext,
    activity_label,
    calendar_link,
    plan_timeline,
    shorten,
)
from kehoach.site.spec import PageSpec
from kehoach.site.wording import format_when
from kehoach.timeline.span import Span, close, plan_window, vn_date
from kehoach.timeline.weeks import (
    HORIZON_DAYS,
    cells,
    counts,
    mondays,
    month_domain,
    now_and_next,
    week_grid,
)

LIST_LIMIT = 10  # entries of a "now" or "next" list; the rest are counted
OWN_ROWS_LIMIT = 15  # communes drawn one row each up to this many, else one total row
LINK_LIMIT = 10  # commune plans linked per province on the year page
LABEL_LIMIT = 100  # characters of an activity title in a list


def _years(ctx: TimelineContext) -> list[int]:
    return sorted({plan.year for plan in ctx.index.plans.values()})


def dated_items(ctx: TimelineContext, plan_ids: Iterable[str]) -> list[tuple[Span, Data]]:
    """Every dated activity of the plans (open ends closed by the plan's frame), with the
    link and wording of a list entry. Plain "thường xuyên" activities are left out."""
    cache: dict[str, list[tuple[Span, Data]]] = ctx.memo.setdefault("items", {})
    items: list[tuple[Span, Data]] = []
    for plan_id in plan_ids:
        if plan_id not in cache:
            cache[plan_id] = _plan_items(ctx, plan_id)
        items.extend(cache[plan_id])
    return items


def _plan_items(ctx: TimelineContext, plan_id: str) -> list[tuple[Span, Data]]:
    plan = ctx.index.plans[plan_id]
    window = plan_window(plan)
    items: list[tuple[Span, Data]] = []
    for activity in plan.activities:
        span = close(activity.when, window)
        if span is None or activity.when is None:
            continue
        items.append((span, {
            "label": shorten(activity_label(activity), LABEL_LIMIT),
            "url": f"{ctx.index.plan_url(plan_id)}#hd-{activity.id}",
            "locality": ctx.index.places[plan_id].name,
            "dates": format_when(activity.when),
            "start": span.start.isoformat(),
            "end": span.end.isoformat(),
        }))
    return items


def agenda(ctx: TimelineContext, items: list[tuple[Span, Data]]) -> Data:
    """"Đang diễn ra / Sắp tới" at the build date; timeline.js redoes it for the reader."""
    now, upcoming = now_and_next(items, ctx.today)
    return {
        "now": [data for _span, data in now[:LIST_LIMIT]],
        "now_more": max(0, len(now) - LIST_LIMIT),
        "next": [data for _span, data in upcoming[:LIST_LIMIT]],
        "next_more": max(0, len(upcoming) - LIST_LIMIT),
        "horizon": HORIZON_DAYS,
        "build_date": vn_date(ctx.today),
        "build_iso": ctx.today.isoformat(),
    }


def heat(rows: list[tuple[Data, list[Span]]], year: int) -> Data | None:
    """A table of activities per week: one row per entry, one column per week."""
    domain = month_domain([s for _head, spans in rows for s in spans], year)
    if domain is None:
        return None
    days = mondays(domain)
    weeks, months = week_grid(days)
    values = [counts(spans, days) for _head, spans in rows]
    peak = max((v for row in values for v in row), default=0)
    return {
        "weeks": weeks,
        "months": months,
        "peak": peak,
        "rows": [{**head, "cells": cells(row, peak), "total": len(spans)}
                 for (head, spans), row in zip(rows, values, strict=True)],
    }


def _in_year(items: list[tuple[Span, Data]], year: int) -> list[Span]:
    whole = Span(dt.date(year, 1, 1), dt.date(year, 12, 31))
    return [span for span, _data in items if span.overlaps(whole)]


def locality_timeline(
    ctx: TimelineContext, locality: Mapping[str, Any], page_urls: set[str]
) -> Data | None:
    """A locality page's year: own plans in full, communes (of a province) by week."""
    path = str(locality.get("path") or "").strip("/")
    own = ctx.plans_by_path().get(path, [])
    subs = ctx.plans_under(path)
    years = sorted({ctx.index.plans[pid].year for pid in own + subs})
    if not path or not years:
        return None
    year = max((y for y in years if y <= ctx.today.year), default=years[-1])
    own_year = [pid for pid in own if ctx.index.plans[pid].year == year]
    subs_year = [pid for pid in subs if ctx.index.plans[pid].year == year]
    latest = _years(ctx)[-1]
    return {
        "year": year,
        "year_url": routes.year(year, latest),
        "other_years": [{"year": y, "url": routes.year(y, latest)} for y in years if y != year],
        "plans": [{"title": ctx.index.plans[pid].title, "url": ctx.index.plan_url(pid),
                   "timeline": plan_timeline(ctx, pid, page_url=ctx.index.plan_url(pid))}
                  for pid in own_year],
        "communes": _communes(ctx, subs_year, year, page_urls),
        "agenda": agenda(ctx, dated_items(ctx, own_year + subs_year)),
        "calendar": calendar_link(ctx, f"{path}/") if own else None,
        "build_date": vn_date(ctx.today),
    }


def _communes(ctx: TimelineContext, plan_ids: list[str], year: int,
              page_urls: set[str]) -> Data | None:
    if not plan_ids:
        return None
    by_place: dict[str, list[str]] = defaultdict(list)
    for pid in plan_ids:
        by_place[ctx.index.places[pid].path].append(pid)
    rows: list[tuple[Data, list[Span]]] = []
    if len(by_place) <= OWN_ROWS_LIMIT:
        for path in sorted(by_place):
            place = ctx.index.places[by_place[path][0]]
            url = f"{path}/" if f"{path}/" in page_urls else ctx.index.plan_url(by_place[path][0])
            rows.append(({"name": place.name, "url": url, "plans": len(by_place[path])},
                         _in_year(dated_items(ctx, by_place[path]), year)))
    if len(by_place) > 1:
        rows.append(({"name": f"Tất cả {len(by_place)} địa phương", "url": None,
                      "plans": len(plan_ids)}, _in_year(dated_items(ctx, plan_ids), year)))
    table = heat(rows, year)
    if table is not None:
        table.update(places=len(by_place), plans=len(plan_ids))
    return table


def year_pages(ctx: TimelineContext, page_urls: set[str]) -> list[PageSpec]:
    """"lich/" for the latest year, "lich/<year>/" for each earlier one."""
    years = _years(ctx)
    return [_year_page(ctx, year, years, page_urls) for year in years]


def _year_page(ctx: TimelineContext, year: int, years: list[int],
               page_urls: set[str]) -> PageSpec:
    gazetteer = ctx.index.catalog.gazetteer
    ids = sorted(pid for pid, plan in ctx.index.plans.items() if plan.year == year)
    by_province: dict[str, list[str]] = defaultdict(list)
    for pid in ids:
        by_province[ctx.index.places[pid].province_code].append(pid)
    provinces: list[Data] = []
    rows: list[tuple[Data, list[Span]]] = []
    for code in sorted(by_province, key=lambda c: gazetteer.province(c).path):
        province = gazetteer.province(code)
        url = routes.locality(province)
        head = {"name": province.name, "url": url if url in page_urls else None,
                "plans": len(by_province[code])}
        rows.append((head, _in_year(dated_items(ctx, by_province[code]), year)))
        provinces.append({**head, **_province_links(ctx, by_province[code])})
    items = dated_items(ctx, ids)
    url = routes.year(year, years[-1])
    data = {
        "year": year,
        "years": [{"year": y, "url": routes.year(y, years[-1]), "current": y == year}
                  for y in years],
        "summary": {"plans": len(ids), "provinces": len(by_province),
                    "localities": len({ctx.index.places[pid].path for pid in ids}),
                    "activities": len(_in_year(items, year))},
        "heat": heat(rows, year),
        "provinces": provinces,
        "agenda": agenda(ctx, items),
        "build_date": vn_date(ctx.today),
    }
    return PageSpec(
        src_uri=routes.src_uri(url), template="year.html", title=f"Lịch hoạt động năm {year}",
        data=data,
        description=f"Các hoạt động trong kế hoạch của tỉnh, xã năm {year}, theo tuần.",
    )


def _province_links(ctx: TimelineContext, plan_ids: list[str]) -> Data:
    def link(pid: str) -> Data:
        plan = ctx.index.plans[pid]
        return {"title": plan.title, "url": ctx.index.plan_url(pid),
                "locality": ctx.index.places[pid].name}

    own = [pid for pid in plan_ids if ctx.index.places[pid].is_province]
    subs = sorted((pid for pid in plan_ids if pid not in own),
                  key=lambda pid: (ctx.index.places[pid].path, pid))
    return {"own": [link(pid) for pid in own],
            "subs": [link(pid) for pid in subs[:LINK_LIMIT]],
            "subs_more": max(0, len(subs) - LINK_LIMIT)}
