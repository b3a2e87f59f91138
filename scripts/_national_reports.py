"""Progress reports of the synthetic national data set (scripts/gen_national.py).

A realistic share of localities reports: about a third none, about 45% once (a partial report
between 06/10 and mid-November, on the activities that have begun), about a fifth twice (the
second, in December, on the rest: activities finished after their end date show as late).
Every choice comes from Random.random() seeded by the locality key, so the output is
byte-identical across runs, as the plans are. Reports go to ``<locality>/bao-cao/``.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import yaml

from kehoach.model.dates import PartialDate
from kehoach.source.localities import Locality

Data = dict[str, Any]
DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
REASONS = ("Không bố trí được kinh phí.", "Lồng ghép vào hoạt động khác của xã.",
           "Cấp tỉnh lùi thời gian tổ chức sang năm sau.")
DONE_TEXTS = ("Đã tổ chức theo kế hoạch, có sự tham gia của các đoàn thể.",
              "Đã triển khai tại các thôn, tổ dân phố.",
              "Đã hoàn thành, kết quả được đăng trên trang thông tin điện tử.")


class Quoted(str):
    """Written in double quotes, as the transcription guide asks of dates and numbers."""


for _dumper in {yaml.SafeDumper, DUMPER}:
    yaml.add_representer(Quoted, lambda dumper, value: dumper.represent_scalar(
        "tag:yaml.org,2002:str", str(value), style='"'), _dumper)


class _Dice:
    def __init__(self, key: str) -> None:
        self._rng = random.Random(f"kehoach-national-reports:{key}")

    def below(self, high: int) -> int:
        return int(self._rng.random() * high)


def _fmt(day: dt.date) -> Quoted:
    return Quoted(f"{day.day:02d}/{day.month:02d}/{day.year}")


def _end(activity: Data) -> dt.date | None:
    when = activity.get("when", {})
    if when.get("ongoing") or "end" not in when:
        return None
    return PartialDate.parse(when["end"]).last_day()


def _update(dice: _Dice, plan_id: str, activity: Data, day: dt.date, final: bool) -> Data | None:
    """What a report of ``day`` says of one activity; None when it leaves it out."""
    end = _end(activity)
    out: Data = {"plan": plan_id, "activity": activity["id"]}
    if end is not None and end <= day:
        roll = dice.below(20)
        if roll < 14 or final:
            out["status"] = "hoàn thành"
            # Most done on time; some finished later (the report then shows them late).
            late = dice.below(4) == 0 and (day - end).days > 1
            out["completed"] = _fmt(end + dt.timedelta(days=1 + dice.below((day - end).days))
                                    if late else end)
            out["done"] = DONE_TEXTS[dice.below(len(DONE_TEXTS))]
        elif roll < 16:
            out.update(status="hoàn thành một phần", progress=50 + 5 * dice.below(9))
        elif roll < 18:
            out.update(status="đang thực hiện", progress=10 * (1 + dice.below(8)))
        else:
            out.update(status="không thực hiện", reason=REASONS[dice.below(len(REASONS))])
    elif dice.below(3) == 0:
        return None  # not begun yet, not mentioned
    else:
        out.update(status="đang thực hiện", progress=10 * (1 + dice.below(8)))
    if out["status"] != "không thực hiện":
        _figures(dice, activity, out, day)
    return out


def _figures(dice: _Dice, activity: Data, out: Data, day: dt.date) -> None:
    if dice.below(2) == 0:
        out["figures"] = [{"label": "Người tham gia", "value": 20 * (5 + dice.below(40)),
                           "unit": "người"}]
    targets = [t for t in activity.get("targets", []) if "value" in t]
    if targets and dice.below(3) > 0:
        out["targets"] = [{"target": rank, "value": max(0, t["value"] - 15 + dice.below(30)),
                           "date": _fmt(day - dt.timedelta(days=dice.below(5)))}
                          for rank, t in enumerate(targets, start=1)]


def _report(loc: Locality, plan: Data, number: int, day: dt.date, final: bool) -> Data:
    dice = _Dice(f"{loc.key}/{number}")
    updates = [u for a in plan["activities"]
               if (u := _update(dice, plan["id"], a, day, final)) is not None]
    return {
        "id": f"{plan['id']}-bao-cao-{number}",
        "document": {"type": "Báo cáo", "number": Quoted(f"{100 + dice.below(400)}/BC-UBND"),
                     "date": _fmt(day)},
        "issuer": plan["issuer"],
        "locality": dict(plan["locality"]),
        "title": "Kết quả triển khai các hoạt động Ngày Chuyển đổi số quốc gia năm "
                 f"{plan['year']}" + ("" if final else " (báo cáo nhanh)"),
        "activities": updates,
    }


def build_reports(loc: Locality, plan: Data) -> list[Data]:
    """The reports of one locality on its plan: none, one or two."""
    dice = _Dice(loc.key)
    share = dice.below(100)
    issued = PartialDate.parse(plan["document"]["date"]).last_day()
    year = plan["year"]
    first = max(issued + dt.timedelta(days=1),
                dt.date(year, 10, 6) + dt.timedelta(days=dice.below(40)))
    if share < 35:
        return []
    reports = [_report(loc, plan, 1, first, final=False)]
    if share >= 80:
        second = dt.date(year, 12, 1) + dt.timedelta(days=dice.below(20))
        reports.append(_report(loc, plan, 2, second, final=True))
    return [r for r in reports if r["activities"]]


def write_reports(out: Path, loc: Locality, plan: Data) -> list[Path]:
    """Writes the locality's reports to ``out/<locality>/bao-cao/``; their paths."""
    written: list[Path] = []
    for report in build_reports(loc, plan):
        folder = out / loc.path / "bao-cao"
        folder.mkdir(parents=True, exist_ok=True)
        day = PartialDate.parse(report["document"]["date"]).last_day()
        path = folder / f"{day.isoformat()}.yaml"
        text = yaml.dump(report, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=100)
        path.write_text(str(text), encoding="utf-8", newline="\n")
        written.append(path)
    return written
