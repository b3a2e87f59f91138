"""Timelines across plans: a locality's year (its own plans in full, its communes as a
count-per-week strip, what runs now and next), and what the year pages (years.py) share.

Sizes stay bounded at national scale: week strips have one cell per week, lists stop at
LIST_LIMIT entries, and communes get rows of their own only when they are few.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from kehoach.site import routes
from kehoach.site.pages.timeline_plan import (
    TimelineContext,
    activity_label,
    calendar_link,
    plan_timeline,
)
from kehoach.site.views.timeline import (
    Agenda,
    AgendaItem,
    CommunesHeat,
    HeatHead,
    HeatTable,
    LocalityTimeline,
)
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
from kehoach.vietnamese import shorten

LIST_LIMIT = 10  # entries of a "now" or "next" list; the rest are counted
OWN_ROWS_LIMIT = 15  # communes drawn one row each up to this many, else one total row
LABEL_LIMIT = 100  # characters of an activity title in a list


def plan_years(ctx: TimelineContext) -> list[int]:
    # Read by every locality page: once per build, not a scan of the country's plans each.
    if ctx.memo.years is None:
        ctx.memo.years = sorted({plan.year for plan in ctx.index.plans.values()})
    return list(ctx.memo.years)


def dated_items(
    ctx: TimelineContext, plan_ids: Iterable[str]
) -> list[tuple[Span, AgendaItem]]:
    """Every dated activity of the plans (open ends closed by the plan's frame), with the
    link and wording of a list entry. Plain "thường xuyên" activities are left out."""
    cache = ctx.memo.items
    items: list[tuple[Span, AgendaItem]] = []
    for plan_id in plan_ids:
        if plan_id not in cache:
            cache[plan_id] = _plan_items(ctx, plan_id)
        items.extend(cache[plan_id])
    return items


def _plan_items(ctx: TimelineContext, plan_id: str) -> list[tuple[Span, AgendaItem]]:
    plan = ctx.index.plans[plan_id]
    window = plan_window(plan)
    items: list[tuple[Span, AgendaItem]] = []
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
            "status": ctx.tracker.status(plan_id, activity.id).label if ctx.tracker else None,
        }))
    return items


def agenda(ctx: TimelineContext, items: list[tuple[Span, AgendaItem]]) -> Agenda:
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


def heat(rows: list[tuple[HeatHead, list[Span]]], year: int) -> HeatTable | None:
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
        "rows": [{**head, "cells": cells(row, peak)}
                 for (head, _spans), row in zip(rows, values, strict=True)],
    }


def in_year(items: list[tuple[Span, AgendaItem]], year: int) -> list[Span]:
    whole = Span(dt.date(year, 1, 1), dt.date(year, 12, 31))
    return [span for span, _data in items if span.overlaps(whole)]


def locality_timeline(ctx: TimelineContext, path: str) -> LocalityTimeline | None:
    """A locality page's year: own plans in full, communes (of a province) by week."""
    own = ctx.index.by_place.get(path, [])
    subs = ctx.plans_under(path)
    years = sorted({ctx.index.plans[pid].year for pid in own + subs})
    if not path or not years:
        return None
    year = max((y for y in years if y <= ctx.today.year), default=years[-1])
    own_year = [pid for pid in own if ctx.index.plans[pid].year == year]
    subs_year = [pid for pid in subs if ctx.index.plans[pid].year == year]
    latest = plan_years(ctx)[-1]
    return {
        "year": year,
        "year_url": routes.year(year, latest),
        "other_years": [{"year": y, "url": routes.year(y, latest)} for y in years if y != year],
        "plans": [{"title": ctx.index.plans[pid].title, "url": ctx.index.plan_url(pid),
                   "timeline": plan_timeline(ctx, pid, page_url=ctx.index.plan_url(pid))}
                  for pid in own_year],
        "communes": _communes(ctx, subs_year, year),
        "agenda": agenda(ctx, dated_items(ctx, own_year + subs_year)),
        "calendar": calendar_link(ctx, f"{path}/") if own else None,
    }


def _communes(ctx: TimelineContext, plan_ids: list[str], year: int) -> CommunesHeat | None:
    if not plan_ids:
        return None
    by_place: dict[str, list[str]] = defaultdict(list)
    for pid in plan_ids:
        by_place[ctx.index.places[pid].path].append(pid)
    rows: list[tuple[HeatHead, list[Span]]] = []
    if len(by_place) <= OWN_ROWS_LIMIT:
        for path in sorted(by_place):
            place = ctx.index.places[by_place[path][0]]
            has_page = path in ctx.locality_pages
            url = f"{path}/" if has_page else ctx.index.plan_url(by_place[path][0])
            rows.append(({"name": place.name, "url": url, "plans": len(by_place[path])},
                         in_year(dated_items(ctx, by_place[path]), year)))
    if len(by_place) > 1:
        rows.append(({"name": f"Tất cả {len(by_place)} địa phương", "url": None,
                      "plans": len(plan_ids)}, in_year(dated_items(ctx, plan_ids), year)))
    table = heat(rows, year)
    if table is None:
        return None
    return {**table, "places": len(by_place), "plans": len(plan_ids)}
