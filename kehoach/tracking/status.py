"""The status of one activity on one day, from its reports and its dates.

The rules (docs/huong-dan-nhap-lieu.md says them to clerks):

- only reports dated on or before the day count, the latest deciding (ties: report id);
- no report: "chưa có báo cáo", or "quá hạn, chưa có báo cáo" once the day is after the
  activity's end date (never "done" by default);
- reported done: "hoàn thành (trễ hạn)" when completed after the end date (the ``completed``
  date given, else the date of the first report of the latest unbroken run saying done);
- reported not started or in progress after the end date: "…, quá hạn";
- an ongoing ("thường xuyên") activity has no end date, so it is never overdue;
- an activity without an end date of its own takes the plan's period end, if any.

Days are calendar days in Asia/Ho_Chi_Minh (kehoach.tracking.statuses.local_day): an activity
ending 31/10 is overdue from 00:00 on 01/11, Vietnam time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kehoach.model.plan import Activity, Plan
from kehoach.model.report import ActivityUpdate, ProgressReport
from kehoach.tracking.statuses import LATE, REPORTED, STATUSES, StatusInfo, StatusKey

# Progress implied by a status when the report gives no percentage; a status missing here
# (in progress, partly done, paused) has no implied progress and is left out of the mean.
_IMPLIED_PROGRESS: dict[StatusKey, float] = {
    "done": 100.0,
    "done_late": 100.0,
    "not_started": 0.0,
    "late_not_started": 0.0,
    "not_reported": 0.0,
    "overdue_not_reported": 0.0,
    "dropped": 0.0,
}


@dataclass(frozen=True)
class Entry:
    """One report's word on one activity: an item of the activity's history."""

    report: ProgressReport
    update: ActivityUpdate

    @property
    def day(self) -> dt.date:
        return self.report.date.last_day()

    def order(self) -> tuple[dt.date, str]:
        return self.day, self.report.id


@dataclass(frozen=True)
class ActivityStatus:
    plan_id: str
    activity_id: str
    key: StatusKey
    due: dt.date | None  # the end date judged against; None: never overdue
    progress: float | None  # percent; None when unknown
    history: tuple[Entry, ...]  # the reports that count, oldest first
    completed: dt.date | None = None

    @property
    def info(self) -> StatusInfo:
        return STATUSES[self.key]

    @property
    def label(self) -> str:
        return STATUSES[self.key].label

    @property
    def last_report(self) -> dt.date | None:
        return self.history[-1].day if self.history else None


def due_date(plan: Plan, activity: Activity) -> dt.date | None:
    """The day after which the activity is late; None for an ongoing activity or one with no
    end date at all (neither its own nor the plan's period)."""
    when = activity.when
    if when is not None and when.ongoing:
        return None
    if when is not None and when.end is not None:
        return when.end.last_day()
    period = plan.period
    if period is not None and period.end is not None and not period.ongoing:
        return period.end.last_day()
    return None


def activity_status(
    plan: Plan, activity: Activity, entries: list[Entry], today: dt.date
) -> ActivityStatus:
    history = tuple(sorted((e for e in entries if e.day <= today), key=Entry.order))
    due = due_date(plan, activity)
    late = due is not None and today > due
    if not history:
        key: StatusKey = LATE["not_reported"] if late else "not_reported"
        return ActivityStatus(plan.id, activity.id, key, due, 0.0, history)
    latest = history[-1].update
    key = REPORTED[latest.status]
    completed = None
    if key == "done":
        completed = _completion_day(history)
        if due is not None and completed > due:
            key = "done_late"
    elif late and key in LATE:
        key = LATE[key]
    progress = latest.progress if latest.progress is not None else _IMPLIED_PROGRESS.get(key)
    return ActivityStatus(plan.id, activity.id, key, due, progress, history, completed)


def _completion_day(history: tuple[Entry, ...]) -> dt.date:
    """When a done activity was done: the latest report's ``completed`` date, else the date of
    the first report of the run of "done" reports that ends with the latest."""
    latest = history[-1].update
    if latest.completed is not None:
        return latest.completed.last_day()
    first = history[-1]
    for entry in reversed(history):
        if entry.update.status != "hoàn thành":
            break
        first = entry
    if first.update.completed is not None:
        return first.update.completed.last_day()
    return first.day
