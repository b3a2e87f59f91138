"""What the statuses of many activities add up to: counts by status and a progress.

For one plan, the progress is the mean of its activities' progress, weighted by their
``weight`` when the plan gives weights (on every activity: the validator sees to it). An
activity whose progress is unknown (reported in progress without a percentage) is left out,
and the roll-up says on how many activities it rests (``measured`` of ``total``). For several
plans (a locality, a parent plan's children) the progress is the mean of the plans'
progresses, each plan counting once: weights of different plans are not on one scale.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kehoach.tracking.status import ActivityStatus
from kehoach.tracking.statuses import GROUPS, STATUSES, Group, StatusKey


@dataclass(frozen=True)
class Rollup:
    counts: tuple[tuple[StatusKey, int], ...]  # in STATUSES order, zero counts left out
    total: int  # activities
    progress: float | None  # percent, None when no activity's progress is known
    measured: int  # activities (or plans) the progress rests on
    weighted: bool
    last_report: dt.date | None
    plans: int = 0  # plans rolled up together (plans_rollup); 0: one plan's or unit's activities

    def count(self, key: StatusKey) -> int:
        return dict(self.counts).get(key, 0)

    def group(self, group: Group) -> int:
        return sum(n for key, n in self.counts if STATUSES[key].group == group)

    def groups(self) -> list[tuple[Group, int]]:
        return [(g, self.group(g)) for g in GROUPS]


def _counts(keys: Iterable[StatusKey]) -> tuple[tuple[StatusKey, int], ...]:
    counted = Counter(keys)
    return tuple((key, counted[key]) for key in STATUSES if counted[key])


def _latest(days: Iterable[dt.date | None]) -> dt.date | None:
    known = [d for d in days if d is not None]
    return max(known) if known else None


def activities_rollup(
    statuses: Sequence[ActivityStatus], weights: Sequence[int | None] | None = None
) -> Rollup:
    """One plan's activities (``weights`` in the same order), or a unit's."""
    weights = list(weights) if weights is not None else [None] * len(statuses)
    weighted = bool(statuses) and all(w is not None for w in weights)
    pairs = [(s.progress, float(w) if weighted and w is not None else 1.0)
             for s, w in zip(statuses, weights, strict=True) if s.progress is not None]
    total_weight = sum(w for _p, w in pairs)
    progress = sum(p * w for p, w in pairs) / total_weight if total_weight else None
    return Rollup(
        counts=_counts(s.key for s in statuses),
        total=len(statuses),
        progress=progress,
        measured=len(pairs),
        weighted=weighted,
        last_report=_latest(s.last_report for s in statuses),
    )


def plans_rollup(rollups: Sequence[Rollup]) -> Rollup:
    """Several plans together: counts added, progress the mean of the plans' progresses."""
    counted: Counter[StatusKey] = Counter()
    for rollup in rollups:
        counted.update(dict(rollup.counts))
    known = [r.progress for r in rollups if r.progress is not None]
    return Rollup(
        counts=tuple((key, counted[key]) for key in STATUSES if counted[key]),
        total=sum(r.total for r in rollups),
        progress=sum(known) / len(known) if known else None,
        measured=len(known),
        weighted=False,
        last_report=_latest(r.last_report for r in rollups),
        plans=len(rollups),
    )


def percent(value: float | None) -> str:
    """A progress as the pages print it: "67%", "33,5%" (Vietnamese decimal comma), "–"."""
    if value is None:
        return "–"
    rounded = round(value, 1)
    text = f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}".replace(".", ",")
    return f"{text}%"
