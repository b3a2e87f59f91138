"""Coverage of a year: for a set of localities, which published a plan, which reported,
how their activities stand (by coverage group) and how many targets were met."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kehoach.model.plan import Plan
from kehoach.tracking.statuses import GROUPS, Group
from kehoach.tracking.tracker import Tracker


@dataclass(frozen=True)
class Figures:
    localities: int  # localities counted
    with_plan: int  # of which published at least one plan of the year
    reported: int  # of which reported on at least one of those plans
    plans: int
    reports: int  # distinct reports on those plans
    activities: int
    groups: tuple[tuple[Group, int], ...]  # activities by coverage group, in GROUPS order
    targets: int  # targets of those activities that state a number
    targets_reported: int  # of which a report gives an achieved value
    targets_met: int

    def group(self, group: Group) -> int:
        return dict(self.groups)[group]


def coverage(
    localities: Sequence[str], plans: Mapping[str, Sequence[Plan]], tracker: Tracker
) -> Figures:
    """``plans``: the plans of the year by locality key; ``localities``: the keys counted
    (a locality without plans counts as one that has not published)."""
    counts = dict.fromkeys(GROUPS, 0)
    with_plan = reported = plan_count = activities = targets = measured = met = 0
    reports: set[str] = set()
    for key in localities:
        own = plans.get(key, ())
        with_plan += bool(own)
        own_reports = {r.id for p in own for r in tracker.reports_by_plan.get(p.id, [])}
        reported += bool(own_reports)
        reports |= own_reports
        plan_count += len(own)
        for plan in own:
            for activity in plan.activities:
                activities += 1
                counts[tracker.status(plan.id, activity.id).info.group] += 1
                for rank, target in enumerate(activity.targets, start=1):
                    if target.value is None:
                        continue
                    targets += 1
                    result = tracker.targets.get((plan.id, activity.id, rank))
                    measured += result is not None
                    met += bool(result and result.met)
    return Figures(len(localities), with_plan, reported, plan_count, len(reports), activities,
                   tuple(counts.items()), targets, measured, met)
