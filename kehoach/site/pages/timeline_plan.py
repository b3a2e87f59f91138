"""The plan page's timeline (data for overrides/partials/plan-timeline.html) and what
every timeline shares: the build date, the site address and look-ups made once per build.
The plan page (kehoach/site/pages/plan.py) draws its own; locality pages and the year pages
(timeline_locality.py, years.py) draw theirs from the same context."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urljoin

from kehoach.model.plan import Activity, Plan
from kehoach.site import routes
from kehoach.site.index import SiteIndex
from kehoach.site.markdown import MarkdownRenderer
from kehoach.site.views.timeline import (
    AgendaItem,
    CalendarLink,
    Legend,
    PlanTimeline,
    PlanTimelineBase,
    TimelineRow,
    UndatedActivity,
)
from kehoach.site.views.tracking import StatusBadge
from kehoach.timeline.gantt import Chart, Mark, RowInput, build_chart
from kehoach.timeline.span import Span, bounds, is_dated, period_span, plan_window, vn_date
from kehoach.tracking.tracker import Tracker

VIETNAM = dt.timezone(dt.timedelta(hours=7))  # no daylight saving


def build_moment(epoch: int | None) -> dt.datetime:
    """When the site is built, in UTC: the SOURCE_DATE_EPOCH setting when given (reproducible
    builds, read by kehoach/adapter/settings.py), else now."""
    if epoch is not None:
        return dt.datetime.fromtimestamp(epoch, tz=dt.UTC)
    return dt.datetime.now(dt.UTC)


@dataclass
class TimelineMemo:
    """Look-ups and timelines made once per build, the first time a page needs them."""

    under: dict[str, list[str]] | None = None  # locality path → plans of the places inside
    timelines: dict[str, PlanTimelineBase] = field(default_factory=dict)  # by plan id
    items: dict[str, list[tuple[Span, AgendaItem]]] = field(default_factory=dict)  # by plan id
    years: list[int] | None = None  # the years of the site's plans, sorted


@dataclass(frozen=True)
class TimelineContext:
    """What every timeline needs, plus look-ups computed once per build (``memo``): at
    national scale a province page must not scan every plan of the country."""

    index: SiteIndex
    md: MarkdownRenderer
    moment: dt.datetime  # the build moment (UTC): DTSTAMP, "Ngày tạo trang"
    site_url: str | None = None  # absolute base of the site, when known
    locality_pages: frozenset[str] = frozenset()  # paths of the localities that have a page
    memo: TimelineMemo = field(default_factory=TimelineMemo, compare=False)
    # Every activity's status at the build moment (kehoach.tracking); None: not tracked.
    tracker: Tracker | None = field(default=None, compare=False)

    @property
    def today(self) -> dt.date:
        return self.moment.astimezone(VIETNAM).date()

    def absolute(self, url: str) -> str | None:
        return urljoin(self.site_url, url) if self.site_url else None

    def plans_under(self, path: str) -> list[str]:
        """Ids of the plans of every locality nested under ``path`` (a province's communes
        and former units), sorted by locality then id."""
        if self.memo.under is None:
            under: dict[str, list[str]] = defaultdict(list)
            for place, ids in sorted(self.index.by_place.items()):
                parts = place.split("/")
                for depth in range(1, len(parts)):
                    under["/".join(parts[:depth])].extend(ids)
            self.memo.under = dict(under)
        return list(self.memo.under.get(path, []))


def activity_label(activity: Activity) -> str:
    return f"{activity.label}. {activity.title}" if activity.label else activity.title


def lead_text(plan: Plan, activity: Activity) -> str:
    return activity.lead_text or ", ".join(plan.unit(u).name for u in activity.lead)


def plan_marks(plan: Plan) -> list[Mark]:
    """Milestones: 10/10 of the plan year, and every dated report deadline."""
    marks = {Mark(dt.date(plan.year, 10, 10), "10/10: Ngày Chuyển đổi số quốc gia",
                  "national-day")}
    for report in plan.reporting:
        if report.deadline is not None:
            day = report.deadline.last_day()
            marks.add(Mark(day, f"{day.day:02d}/{day.month:02d}: Hạn báo cáo", "report"))
    return sorted(marks, key=lambda m: (m.day, m.kind))


def calendar_link(ctx: TimelineContext, page_url: str) -> CalendarLink:
    """Where a page's .ics lives: site-relative (templates apply the url filter), and
    absolute and webcal:// when the site's address is known."""
    href = routes.calendar_file(page_url)
    absolute = ctx.absolute(href)
    webcal = None
    if absolute and absolute.startswith(("http://", "https://")):
        webcal = "webcal://" + absolute.split("://", 1)[1]
    return {"href": href, "absolute": absolute, "webcal": webcal}


def plan_timeline(
    ctx: TimelineContext, plan_id: str, page_url: str | None = None
) -> PlanTimeline:
    """Chart, table and lists of one plan. ``page_url`` is set when the timeline is shown
    on another page (a locality): activity links then point to the plan page."""
    cache = ctx.memo.timelines
    if plan_id not in cache:
        cache[plan_id] = _plan_timeline(ctx, plan_id)
    return {**cache[plan_id], "page_url": page_url}


def _plan_timeline(ctx: TimelineContext, plan_id: str) -> PlanTimelineBase:
    plan = ctx.index.plans[plan_id]
    place = ctx.index.places[plan_id]
    rows = [RowInput(a.id, activity_label(a), a.when) for a in plan.activities]
    chart = build_chart(rows, plan_window(plan), period_span(plan), plan_marks(plan), ctx.today)
    table = [_table_row(ctx, plan, a) for a in plan.activities if a.when and
             (is_dated(a.when) or a.when.ongoing)]
    undated: list[UndatedActivity] = [
        {"anchor": f"hd-{a.id}", "label": activity_label(a),
         "text": a.when.text if a.when else None}
        for a in plan.activities if not (a.when and (is_dated(a.when) or a.when.ongoing))]
    title = f"Tiến độ các hoạt động – {place.name}, năm {plan.year}"
    return {
        "id": f"tl-{plan.id}",
        "title": title,
        "chart": chart,
        "desc": _description(chart, table, plan) if chart else "",
        "table": table,
        "undated": undated,
        "legend": _legend(chart),
        "status_of": {a.id: _status(ctx, plan, a)["key"] for a in plan.activities},
        "calendar": calendar_link(ctx, ctx.index.plan_url(plan_id)),
        "build_date": vn_date(ctx.today),
    }


def _status(ctx: TimelineContext, plan: Plan, activity: Activity) -> StatusBadge:
    if ctx.tracker is None:
        return {"key": "not_reported", "label": "chưa có báo cáo"}
    status = ctx.tracker.status(plan.id, activity.id)
    return {"key": status.key, "label": status.label}


def _table_row(ctx: TimelineContext, plan: Plan, activity: Activity) -> TimelineRow:
    when = activity.when
    assert when is not None
    start, end = bounds(when)
    return {
        "anchor": f"hd-{activity.id}",
        "label": activity_label(activity),
        "lead": lead_text(plan, activity),
        "start": str(when.start) if when.start else None,
        "start_iso": start.isoformat() if start else None,
        "end": str(when.end) if when.end else None,
        "end_iso": end.isoformat() if end else None,
        "peaks": [f"{p.start} – {p.end}" for p in when.peaks],
        "ongoing": when.ongoing,
        "status": _status(ctx, plan, activity),
    }


def _legend(chart: Chart | None) -> Legend:
    rows = chart.rows if chart else ()
    return {
        "peak": any(r.peaks for r in rows),
        "ongoing": any(r.ongoing for r in rows),
        "open": any(r.open_start or r.open_end for r in rows),
        "report": any(m.kind == "report" for m in (chart.markers if chart else ())),
    }


def _description(chart: Chart, table: list[TimelineRow], plan: Plan) -> str:
    start = dt.date.fromisoformat(chart.start)
    end = dt.date.fromisoformat(chart.end)
    ongoing = sum(1 for r in table if r["ongoing"] and not (r["start"] or r["end"]))
    parts = [f"Biểu đồ thời gian từ {vn_date(start)} đến {vn_date(end)}: "
             f"{len(table) - ongoing} hoạt động có ngày cụ thể"]
    if ongoing:
        parts.append(f", {ongoing} hoạt động thường xuyên")
    marks = "; ".join(m.label for m in chart.markers)
    if marks:
        parts.append(f". Mốc: {marks}")
    parts.append(". Số liệu đầy đủ ở bảng thời gian ngay dưới biểu đồ.")
    return "".join(parts)
