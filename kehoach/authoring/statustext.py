"""The status of every activity at a moment, as text: ``validate.py --tinh-hinh``.

A clerk checks what the site will say before publishing a report; the golden cases
(tests/golden/cases/accepted-status-*) pin the status rules through it, day boundaries in
Asia/Ho_Chi_Minh included.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import defaultdict

from kehoach.source.catalog import Catalog
from kehoach.tracking.rollup import Rollup, percent
from kehoach.tracking.statuses import STATUSES, VIETNAM, vn_day
from kehoach.tracking.tracker import Tracker, track

_LOCAL = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$")


class MomentError(ValueError):
    """The moment given on the command line cannot be read; the message says how to write it."""


def parse_moment(text: str, environ: dict[str, str] | None = None) -> dt.datetime:
    """"31/10/2025 23:59" (Vietnam time), "31/10/2025" (its end, 23:59:59), "@1761929940"
    (seconds since 1970, UTC), or "" for SOURCE_DATE_EPOCH, else now."""
    env = os.environ if environ is None else environ
    text = text.strip()
    if not text:
        epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
        text = f"@{epoch}" if epoch else ""
        if not text:
            return dt.datetime.now(dt.UTC)
    if text.startswith("@") and text[1:].isdigit():
        return dt.datetime.fromtimestamp(int(text[1:]), tz=dt.UTC)
    match = _LOCAL.match(text)
    if match:
        day, month, year, hour, minute = match.groups()
        try:
            if hour is None:
                return dt.datetime(int(year), int(month), int(day), 23, 59, 59, tzinfo=VIETNAM)
            return dt.datetime(int(year), int(month), int(day), int(hour), int(minute),
                               tzinfo=VIETNAM)
        except ValueError:
            pass
    raise MomentError(
        f'"{text}" không phải thời điểm hợp lệ. Viết "31/10/2025 23:59" (giờ Việt Nam), '
        '"31/10/2025" hoặc "@1761929940" (giây từ 1970, UTC). (Bad moment.)'
    )


def status_text(catalog: Catalog, moment: dt.datetime) -> str:
    plans = [s.plan for s in catalog.plans]
    tracker = track(plans, [r.report for r in catalog.reports], moment)
    local = moment.astimezone(VIETNAM)
    lines = [f"Tình hình tính đến ngày {vn_day(tracker.today)} "
             f"({local:%H:%M} giờ Việt Nam, Asia/Ho_Chi_Minh)."]
    for plan in sorted(plans, key=lambda p: p.id):
        lines += ["", f"Kế hoạch {plan.id}: {_rollup(tracker.plan_rollups[plan.id])}"]
        lines += _activities(tracker, plan.id, [a.id for a in plan.activities])
    lines += _children(catalog, tracker) + _localities(catalog, tracker)
    lines += _units(catalog, tracker)
    return "\n".join(lines) + "\n"


def _rollup(rollup: Rollup) -> str:
    counts = "; ".join(f"{STATUSES[k].label} {n}" for k, n in rollup.counts) or "không có"
    how = "có trọng số" if rollup.weighted else "bình quân"
    base = f"{rollup.measured}/{rollup.plans} kế hoạch" if rollup.plans else \
        f"{rollup.measured}/{rollup.total} hoạt động"
    last = vn_day(rollup.last_report) if rollup.last_report else "chưa có"
    return (f"{rollup.total} hoạt động ({counts}); tiến độ {percent(rollup.progress)} "
            f"({how}, tính trên {base}); báo cáo gần nhất: {last}")


def _activities(tracker: Tracker, plan_id: str, activity_ids: list[str]) -> list[str]:
    lines: list[str] = []
    for activity_id in activity_ids:
        status = tracker.status(plan_id, activity_id)
        due = f"hạn {vn_day(status.due)}" if status.due else "không có hạn"
        done = f", xong {vn_day(status.completed)}" if status.completed else ""
        lines.append(f"  - {activity_id}: {status.label} ({due}{done}; tiến độ "
                     f"{percent(status.progress)})")
        for entry in status.history:
            lines.append(f"      {vn_day(entry.day)} {entry.report.id}: {entry.update.status}")
        for (pid, aid, rank), result in sorted(tracker.targets.items()):
            if (pid, aid) == (plan_id, activity_id):
                met = {True: "đạt", False: "chưa đạt", None: "không so được"}[result.met]
                lines.append(f"      chỉ tiêu {rank}: {result.target.text} → "
                             f"{result.value:g}{result.unit or ''} ngày {vn_day(result.day)}, "
                             f"{met}")
    return lines


def _children(catalog: Catalog, tracker: Tracker) -> list[str]:
    children: dict[str, list[str]] = defaultdict(list)
    for source in catalog.plans:
        for ref in source.plan.references:
            if ref.kind == "implements" and ref.plan in tracker.plan_rollups:
                children[ref.plan].append(source.plan.id)
    lines: list[str] = []
    for parent, ids in sorted(children.items()):
        lines += ["", f"Kế hoạch con của {parent} ({len(ids)} kế hoạch): "
                      f"{_rollup(tracker.rollup_of_plans(sorted(ids)))}"]
        lines += [f"  - {pid}: tiến độ {percent(tracker.plan_rollups[pid].progress)}"
                  for pid in sorted(ids)]
    return lines


def _localities(catalog: Catalog, tracker: Tracker) -> list[str]:
    by_place: dict[str, list[str]] = defaultdict(list)
    for source in catalog.plans:
        by_place[catalog.locality_of(source.plan).name].append(source.plan.id)
    return [
        line
        for name, ids in sorted(by_place.items())
        for line in ("", f"Địa phương {name}: {_rollup(tracker.rollup_of_plans(sorted(ids)))}")
    ]


def _units(catalog: Catalog, tracker: Tracker) -> list[str]:
    led: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for source in catalog.plans:
        for activity in source.plan.activities:
            for unit_id in activity.lead:
                led[(source.plan.id, unit_id)].append((source.plan.id, activity.id))
    lines: list[str] = []
    for (plan_id, unit_id), keys in sorted(led.items()):
        lines += ["", f"Đơn vị {unit_id} ({plan_id}) chủ trì: "
                      f"{_rollup(tracker.rollup_of_activities(keys))}"]
        lines += [f"  - {aid}: {tracker.status(pid, aid).label}" for pid, aid in keys]
    return lines
