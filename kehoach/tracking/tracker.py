"""Every activity's status at one moment, computed once for a whole catalog, with the
look-ups the pages need: a plan's roll-up, its reports, a target's achieved value."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kehoach.model.plan import Plan, Target
from kehoach.model.report import ProgressReport
from kehoach.tracking.rollup import Rollup, activities_rollup, plans_rollup
from kehoach.tracking.status import ActivityStatus, Entry, activity_status
from kehoach.tracking.statuses import local_day


@dataclass(frozen=True)
class TargetResult:
    """The latest value reported for one target of an activity."""

    target: Target
    value: float
    unit: str | None
    day: dt.date  # the figure's own date, else its report's
    source: str | None
    report: ProgressReport
    met: bool | None  # None: the target has no number to compare with


@dataclass
class Tracker:
    moment: dt.datetime
    today: dt.date  # the day in Vietnam at ``moment``
    statuses: dict[tuple[str, str], ActivityStatus] = field(default_factory=dict)
    plan_rollups: dict[str, Rollup] = field(default_factory=dict)
    reports_by_plan: dict[str, list[ProgressReport]] = field(default_factory=dict)
    targets: dict[tuple[str, str, int], TargetResult] = field(default_factory=dict)
    reports: list[ProgressReport] = field(default_factory=list)  # those dated by today

    def status(self, plan_id: str, activity_id: str) -> ActivityStatus:
        return self.statuses[(plan_id, activity_id)]

    def rollup_of_plans(self, plan_ids: Sequence[str]) -> Rollup:
        return plans_rollup([self.plan_rollups[pid] for pid in plan_ids])

    def rollup_of_activities(self, keys: Iterable[tuple[str, str]]) -> Rollup:
        return activities_rollup([self.statuses[key] for key in keys])


def track(
    plans: Iterable[Plan], reports: Iterable[ProgressReport], moment: dt.datetime
) -> Tracker:
    today = local_day(moment)
    tracker = Tracker(moment, today)
    counted = sorted((r for r in reports if r.date.last_day() <= today),
                     key=lambda r: (r.date.last_day(), r.id))
    tracker.reports = counted
    entries: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    by_plan: dict[str, list[ProgressReport]] = defaultdict(list)
    for report in counted:
        for update in report.activities:
            entries[(update.plan, update.activity)].append(Entry(report, update))
            if report not in by_plan[update.plan]:
                by_plan[update.plan].append(report)
    for plan in plans:
        statuses = [activity_status(plan, a, entries.get((plan.id, a.id), []), today)
                    for a in plan.activities]
        for status in statuses:
            tracker.statuses[(plan.id, status.activity_id)] = status
        tracker.plan_rollups[plan.id] = activities_rollup(
            statuses, [a.weight for a in plan.activities])
        tracker.reports_by_plan[plan.id] = by_plan.get(plan.id, [])
        _collect_targets(tracker, plan, entries)
    return tracker


def _collect_targets(
    tracker: Tracker, plan: Plan, entries: dict[tuple[str, str], list[Entry]]
) -> None:
    for activity in plan.activities:
        if not activity.targets:
            continue
        history = sorted(entries.get((plan.id, activity.id), []), key=Entry.order)
        for entry in history:  # oldest first: the latest value of each target wins
            for achieved in entry.update.targets:
                target = activity.targets[achieved.target - 1]
                day = achieved.date.last_day() if achieved.date else entry.day
                key = (plan.id, activity.id, achieved.target)
                previous = tracker.targets.get(key)
                if previous is not None and previous.day > day:
                    continue
                tracker.targets[key] = TargetResult(
                    target, achieved.value, achieved.unit or target.unit, day, achieved.source,
                    entry.report, is_met(target, achieved.value))


def is_met(target: Target, value: float) -> bool | None:
    """Whether ``value`` meets the target: "trên 80%" needs more than 80, "ít nhất"/"đạt"
    (and a target without a comparator) at least the value, "đúng" exactly it."""
    if target.value is None:
        return None
    if target.comparator == "more_than":
        return value > target.value
    if target.comparator == "exactly":
        return value == target.value
    return value >= target.value
