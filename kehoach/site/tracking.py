"""Implementation tracking as template data (kehoach/site/views/tracking.py): what the plan,
unit and locality pages show of the statuses kehoach.tracking computed once for the build."""

from __future__ import annotations

import datetime as dt

from kehoach.model.plan import Activity, Plan
from kehoach.model.report import ActivityUpdate, ProgressReport
from kehoach.site.index import SiteIndex
from kehoach.site.markdown import MarkdownRenderer
from kehoach.site.views import tracking as views
from kehoach.site.wording import document_label
from kehoach.tracking.rollup import Rollup, percent
from kehoach.tracking.status import ActivityStatus, Entry
from kehoach.tracking.statuses import GROUPS, STATUSES, as_of_text, vn_day
from kehoach.tracking.tracker import TargetResult, Tracker

_COMPARE = {"at_least": "ít nhất ", "more_than": "trên ", "exactly": ""}
_VERDICT = {True: "đạt", False: "chưa đạt", None: "không so được"}


def badge(status: ActivityStatus) -> views.StatusBadge:
    return {"key": status.key, "label": status.label}


def report_name(report: ProgressReport) -> str:
    return f"{document_label(report.document.type, report.document.number)}: {report.title}"


def _number(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",")  # 1 250,5: Vietnamese grouping and comma


def _with_unit(value: float, unit: str | None) -> str:
    if not unit:
        return _number(value)
    return f"{_number(value)}{'' if unit == '%' else ' '}{unit}"


def activity_tracking(
    tracker: Tracker, md: MarkdownRenderer, plan: Plan, activity: Activity
) -> views.ActivityTracking:
    status = tracker.status(plan.id, activity.id)
    results = [(rank, tracker.targets.get((plan.id, activity.id, rank)))
               for rank in range(1, len(activity.targets) + 1)]
    return {
        "status": badge(status),
        "due": vn_day(status.due) if status.due else None,
        "progress": percent(status.progress),
        "history": [_entry(md, entry) for entry in status.history],
        "targets": [_target(result) for _rank, result in results if result is not None],
    }


def _entry(md: MarkdownRenderer, entry: Entry) -> views.ReportEntry:
    update: ActivityUpdate = entry.update
    return {
        "date": vn_day(entry.day),
        "date_iso": entry.day.isoformat(),
        "report": report_name(entry.report),
        "report_url": entry.report.url,
        "status": update.status,
        "progress": percent(update.progress) if update.progress is not None else None,
        "completed": str(update.completed) if update.completed else None,
        "done": md(update.done),
        "reason": update.reason,
        "figures": [{"label": f.label, "value": _number(f.value), "unit": f.unit}
                    for f in update.figures],
        "evidence": [{"url": e.url, "title": e.title or e.url} for e in update.evidence],
    }


def _target(result: TargetResult) -> views.TargetResultView:
    target = result.target
    goal = None
    if target.value is not None:
        goal = _COMPARE.get(target.comparator or "at_least", "") + _with_unit(target.value,
                                                                              target.unit)
    return {
        "target": target.text,
        "goal": goal,
        "achieved": _with_unit(result.value, result.unit),
        "date": vn_day(result.day),
        "date_iso": result.day.isoformat(),
        "source": result.source or report_name(result.report),
        "verdict": _VERDICT[result.met],
    }


def rollup_view(rollup: Rollup) -> views.RollupView:
    if rollup.plans:
        basis = f"trung bình tiến độ của {rollup.measured}/{rollup.plans} kế hoạch"
    elif rollup.weighted:
        basis = f"bình quân có trọng số trên {rollup.measured}/{rollup.total} hoạt động"
    else:
        basis = f"bình quân trên {rollup.measured}/{rollup.total} hoạt động"
    last = rollup.last_report
    return {
        "counts": [{"key": key, "label": STATUSES[key].label, "count": count}
                   for key, count in rollup.counts],
        "total": rollup.total,
        "progress": percent(rollup.progress),
        "progress_value": round(rollup.progress or 0),
        "basis": basis + " có tiến độ",
        "last_report": vn_day(last) if last else None,
        "last_report_iso": last.isoformat() if last else None,
    }


def summary(rollup: Rollup) -> str:
    """The groups of a roll-up in one line: "2/5 đã hoàn thành, 1 quá hạn"."""
    parts = [f"{rollup.group('done')}/{rollup.total} đã hoàn thành"]
    parts += [f"{n} {GROUPS[g].lower()}" for g, n in rollup.groups() if n and g != "done"]
    return ", ".join(parts)


def search_progress(rollup: Rollup) -> str:
    """What a search result says of a plan's progress, beside its place and year (the search
    page says the day): "tiến độ 23,3%: 1/6 đã hoàn thành, 3 quá hạn"."""
    return f"tiến độ {percent(rollup.progress)}: {summary(rollup)}"


def status_facet(rollup: Rollup) -> str:
    """The search filter "Tình trạng" of a plan page: its values, comma-separated."""
    values = ["Đã có báo cáo" if rollup.last_report else "Chưa có báo cáo"]
    if rollup.group("overdue"):
        values.append("Có hoạt động quá hạn")
    if rollup.total and rollup.group("done") == rollup.total:
        values.append("Đã hoàn thành mọi hoạt động")
    return ", ".join(values)


def plan_progress(tracker: Tracker, plan_id: str) -> views.PlanProgress:
    rollup = tracker.plan_rollups[plan_id]
    last = rollup.last_report
    return {
        "progress": percent(rollup.progress),
        "summary": summary(rollup),
        "last_report": vn_day(last) if last else None,
    }


def plan_tracking(tracker: Tracker, index: SiteIndex, plan: Plan) -> views.PlanTracking:
    children = sorted(index.children.get(plan.id, []))
    reports = tracker.reports_by_plan.get(plan.id, [])
    return {
        "as_of": as_of_text(tracker.today),
        "rollup": rollup_view(tracker.plan_rollups[plan.id]),
        "reports": [_report(r, plan.id) for r in reports],
        "children": [_child(tracker, index, pid) for pid in children],
        "children_rollup": rollup_view(tracker.rollup_of_plans(children)) if children else None,
    }


def _report(report: ProgressReport, plan_id: str) -> views.HistoryReport:
    day: dt.date = report.date.last_day()
    return {
        "title": report_name(report),
        "date": vn_day(day),
        "date_iso": day.isoformat(),
        "url": report.url,
        "activities": sum(1 for u in report.activities if u.plan == plan_id),
    }


def _child(tracker: Tracker, index: SiteIndex, plan_id: str) -> views.ChildProgress:
    progress = plan_progress(tracker, plan_id)
    return {
        "title": index.plans[plan_id].title,
        "place": index.places[plan_id].name,
        "url": index.plan_url(plan_id),
        "progress": progress["progress"],
        "summary": progress["summary"],
        "last_report": progress["last_report"],
    }
