"""The site's calendars: one .ics per plan, and one per locality holding its own plans.

One event per activity that has a date or is "thường xuyên" (the latter spans the plan's
period, else its year); UIDs are "<plan id>-<activity id>@kehoach", stable across builds.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from functools import partial

import nh3

from kehoach.formats.ical import CalendarInfo, Event, calendar_bytes, event_bytes
from kehoach.model.plan import Activity, Plan
from kehoach.site import routes
from kehoach.site.context import Contribution, SiteContext
from kehoach.site.pages.timeline_plan import (
    TimelineContext,
    activity_label,
    lead_text,
)
from kehoach.site.spec import PageSpec, StaticFile
from kehoach.site.wording import format_when
from kehoach.timeline.span import bounds, calendar_span, vn_date
from kehoach.vietnamese import shorten

SUMMARY_LIMIT = 120  # characters of an event title; the full title is in its description
UID_DOMAIN = "kehoach"


def generate(site: SiteContext, earlier: Sequence[PageSpec]) -> Contribution:
    return Contribution(files=calendar_files(site.timelines))


def calendar_files(ctx: TimelineContext) -> list[StaticFile]:
    """A calendar per plan and per locality, built when written (see StaticFile): each
    locality's comes right after its plans', whose serialised events it takes over, so
    events are serialised once and only a locality's worth are held at a time."""
    events = _EventCache(ctx)
    files: list[StaticFile] = []
    by_path = sorted(ctx.index.by_place.items())
    placed = {pid for _path, plan_ids in by_path for pid in plan_ids}
    for path, plan_ids in by_path:
        ordered = sorted(plan_ids, key=lambda pid: (ctx.index.plans[pid].year, pid))
        files.extend(_plan_file(ctx, events, pid) for pid in ordered)
        files.append(StaticFile(routes.calendar_file(f"{path}/"),
                                build=partial(_locality_calendar, ctx, events, path, ordered)))
    files.extend(_plan_file(ctx, events, pid) for pid in sorted(set(ctx.index.plans) - placed))
    return files


class _EventCache:
    """Serialised events of the plans whose calendar was written and whose locality's was not."""

    def __init__(self, ctx: TimelineContext) -> None:
        self.ctx = ctx
        self._held: dict[str, list[bytes]] = {}

    def get(self, plan_id: str) -> list[bytes]:
        if plan_id not in self._held:
            self._held[plan_id] = [event_bytes(e, self.ctx.moment)
                                   for e in plan_events(self.ctx, plan_id)]
        return self._held[plan_id]

    def take(self, plan_id: str) -> list[bytes]:
        blocks = self.get(plan_id)
        del self._held[plan_id]
        return blocks


def _plan_file(ctx: TimelineContext, events: _EventCache, plan_id: str) -> StaticFile:
    page = ctx.index.plan_url(plan_id)
    build = partial(_plan_calendar, ctx, events, plan_id)
    return StaticFile(routes.calendar_file(page), build=build)


def _plan_calendar(ctx: TimelineContext, events: _EventCache, plan_id: str) -> bytes:
    page = ctx.index.plan_url(plan_id)
    plan = ctx.index.plans[plan_id]
    info = CalendarInfo(name=plan_calendar_name(ctx, plan), description=plan.title,
                        url=ctx.absolute(page) or page)
    return calendar_bytes(info, events.get(plan_id))


def _locality_calendar(ctx: TimelineContext, events: _EventCache, path: str,
                       ordered: list[str]) -> bytes:
    place = ctx.index.places[ordered[0]]
    info = CalendarInfo(
        name=f"Kế hoạch – {place.name}",
        description=f"Các hoạt động trong kế hoạch của {place.name}.",
        url=ctx.absolute(f"{path}/") or f"{path}/")
    return calendar_bytes(info, [block for pid in ordered for block in events.take(pid)])


def plan_calendar_name(ctx: TimelineContext, plan: Plan) -> str:
    """"Kế hoạch 541/KH-UBND – Tỉnh Hà Tĩnh – 2025"; a blank number ("/KH-UBND") is left out."""
    number = plan.document.number or ""
    numbered = f"{plan.document.type} {number}" if number[:1].isdigit() else plan.document.type
    return f"{numbered} – {ctx.index.places[plan.id].name} – {plan.year}"


def plan_events(ctx: TimelineContext, plan_id: str) -> list[Event]:
    plan = ctx.index.plans[plan_id]
    page = ctx.index.plan_url(plan_id)
    events: list[Event] = []
    for activity in plan.activities:
        span = calendar_span(plan, activity.when)
        if span is None:
            continue
        link = f"{page}#hd-{activity.id}"
        url = ctx.absolute(link) or link
        events.append(Event(
            uid=f"{plan.id}-{activity.id}@{UID_DOMAIN}",
            summary=shorten(activity_label(activity), SUMMARY_LIMIT),
            start=span.start, end=span.end,
            description=describe(ctx, plan, activity, url, span.start, span.end),
            location=activity.place, url=url,
        ))
    return events


def describe(ctx: TimelineContext, plan: Plan, activity: Activity, url: str,
             first: dt.date, last: dt.date) -> str:
    """The event's DESCRIPTION: what, when, who, where, in which plan — plain text."""
    when = activity.when
    label = activity_label(activity)
    lines = [label] if len(label) > SUMMARY_LIMIT else []  # else SUMMARY says it all
    if when is not None:
        summary = format_when(when)
        said = when.text or summary
        lines.append(f"Thời gian: {said}" + (f" ({summary})" if summary and summary != said
                                               else ""))
        if when.ongoing and bounds(when) == (None, None):
            lines.append(f"Hoạt động thường xuyên: lịch ghi suốt thời gian của kế hoạch "
                         f"({vn_date(first)} – {vn_date(last)}).")
    if ctx.tracker is not None:
        status = ctx.tracker.status(plan.id, activity.id)
        lines.append(f"Tình trạng: {status.label} (tính đến ngày {vn_date(ctx.tracker.today)})")
    lead = lead_text(plan, activity)
    if lead:
        lines.append(f"Chủ trì: {lead}")
    partners = activity.partners_text or ", ".join(plan.unit(u).name for u in activity.partners)
    if partners:
        lines.append(f"Phối hợp: {partners}")
    if activity.place:
        lines.append(f"Địa điểm: {activity.place}")
    text = plain_text(str(ctx.md(activity.description)))
    if text:
        lines.extend(["", text, ""])
    lines.append(f"Văn bản: {plan_calendar_name(ctx, plan)}")
    if "://" in url:  # a relative link means nothing inside a calendar app
        lines.append(f"Chi tiết: {url}")
    return "\n".join(lines)


def plain_text(markup: str) -> str:
    """Sanitised HTML (from the Markdown renderer) as plain text: list items as bullets."""
    markup = re.sub(r"<li>", "• ", markup)
    text = html.unescape(nh3.clean(markup, tags=set()))
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r"\n\s*\n+", "\n", text).strip()
