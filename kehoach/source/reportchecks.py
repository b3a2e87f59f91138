"""What a report says of one activity, checked against the plan it names: the plan and the
activity exist and belong to the reporting locality, the status and its progress agree, the
dates are possible, the targets exist and keep their unit."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from kehoach.model.dates import DateFormatError, PartialDate
from kehoach.model.plan import Activity, LocalityRef, Plan
from kehoach.source.localities import Gazetteer
from kehoach.source.problems import Problem, shown
from kehoach.source.yamlread.load import Document, JsonPath

DONE = "hoàn thành"
DROPPED = "không thực hiện"
NOT_STARTED = "chưa bắt đầu"
# A completion date only makes sense for an activity reported done, wholly or in part.
_MAY_COMPLETE = (DONE, "hoàn thành một phần")
_KNOWN_STATUSES = (NOT_STARTED, "đang thực hiện", DONE, "hoàn thành một phần", DROPPED,
                   "tạm dừng")


@dataclass(frozen=True)
class UpdateCheck:
    """One entry of a report's ``activities`` and what it is checked in."""

    doc: Document
    index: int
    update: dict[str, Any]
    report_date: PartialDate | None  # None when the report's own date is wrong
    locality: LocalityRef | None  # None when the report's own locality is wrong

    def at(self, *keys: str | int) -> JsonPath:
        return ("activities", self.index, *keys)

    def problem(self, message: str, *keys: str | int, key: bool = False) -> Problem:
        line, column = self.doc.where(self.at(*keys), key=key)
        return Problem(self.doc.path, line, column, message)


def check_update(
    check: UpdateCheck,
    plans: Mapping[str, Plan],
    all_ids: frozenset[str],
    gazetteer: Gazetteer,
    seen: set[tuple[str, str]],
) -> list[Problem]:
    problems = list(_status_problems(check))
    plan_id, activity_id = check.update.get("plan"), check.update.get("activity")
    if not isinstance(plan_id, str) or not isinstance(activity_id, str):
        return problems
    if plan_id not in all_ids:
        return [*problems, _unknown_plan(check, plan_id, plans, gazetteer)]
    plan = plans.get(plan_id)
    if plan is None:
        return problems  # the plan has errors of its own, reported in its file
    if not any(seen_plan == plan_id for seen_plan, _a in seen):  # once per plan and report
        problems.extend(_plan_problems(check, plan, gazetteer))
    activity = next((a for a in plan.activities if a.id == activity_id), None)
    if activity is None:
        choices = [a.id for a in plan.activities]
        return [*problems, check.problem(
            f'Kế hoạch "{shown(plan_id)}" không có hoạt động mã "{shown(activity_id)}".'
            f"{_hint(activity_id, choices)} Mã hoạt động là dòng id: của hoạt động trong tệp "
            "kế hoạch. (Unknown activity.)", "activity")]
    if (plan_id, activity_id) in seen:
        problems.append(check.problem(
            f'Hoạt động "{shown(activity_id)}" của kế hoạch "{shown(plan_id)}" đã được ghi ở '
            "trên trong cùng báo cáo. Gộp hai mục làm một. (Activity reported twice.)",
            "activity"))
    seen.add((plan_id, activity_id))
    return problems + list(_target_problems(check, activity))


def _hint(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=0.6)
    return f' Có phải ý bạn là "{close[0]}"?' if close else ""


def _unknown_plan(
    check: UpdateCheck, plan_id: str, plans: Mapping[str, Plan], gazetteer: Gazetteer
) -> Problem:
    own = [p.id for p in plans.values() if check.locality and p.locality == check.locality]
    listed = f" Kế hoạch của địa phương này: {', '.join(sorted(own))}." if own else ""
    return check.problem(
        f'Không tìm thấy kế hoạch có mã "{shown(plan_id)}" trong plans/.'
        f"{_hint(plan_id, own or list(plans))}{listed} (Unknown plan.)", "plan")


def _plan_problems(check: UpdateCheck, plan: Plan, gazetteer: Gazetteer) -> Iterator[Problem]:
    if check.locality is not None and plan.locality != check.locality:
        theirs = gazetteer.resolve(plan.locality).name
        ours = gazetteer.resolve(check.locality).name
        yield check.problem(
            f'Kế hoạch "{shown(plan.id)}" là của {theirs}, không phải của {ours} (địa phương '
            "của báo cáo này). Báo cáo chỉ ghi hoạt động của kế hoạch của chính địa phương "
            "mình. (Plan of another locality.)", "plan")
    issued = plan.document.date
    reported = check.report_date
    if reported is not None and issued is not None and reported.last_day() < issued.first_day():
        yield check.problem(
            f"Báo cáo ngày {reported} trước ngày ban hành kế hoạch "
            f'"{shown(plan.id)}" ({issued}): không thể báo cáo một kế hoạch chưa có. Kiểm '
            "tra lại ngày của báo cáo (document.date) hoặc mã kế hoạch. "
            "(Report dated before the plan.)", "plan")


def _status_problems(check: UpdateCheck) -> Iterator[Problem]:
    update = check.update
    status, progress = update.get("status"), update.get("progress")
    if status == DROPPED and "reason" not in update:
        yield check.problem(
            '"không thực hiện" cần ghi lý do: thêm dòng reason: ngay dưới, chép lý do từ báo '
            'cáo. Ví dụ: reason: "Không bố trí được kinh phí" (A dropped activity needs its '
            "reason.)", "status")
    if isinstance(progress, (int, float)) and not isinstance(progress, bool):
        if status == DONE and progress != 100:
            yield check.problem(
                f'Tình trạng "hoàn thành" nhưng tiến độ là {progress}%. Nếu mới xong một phần, '
                'ghi status: "hoàn thành một phần" hoặc "đang thực hiện"; nếu đã xong, ghi '
                "progress: 100 hoặc xóa dòng progress. (Status and progress disagree.)",
                "progress")
        if status == NOT_STARTED and progress > 0:
            yield check.problem(
                f'Tình trạng "chưa bắt đầu" nhưng tiến độ là {progress}%. Ghi status: "đang '
                'thực hiện", hoặc xóa dòng progress. (Status and progress disagree.)',
                "progress")
    yield from _completion_problems(check, status)


def _completion_problems(check: UpdateCheck, status: object) -> Iterator[Problem]:
    completed = _date(check.update.get("completed"))
    if completed is None or status not in _KNOWN_STATUSES:
        return  # an unknown status is reported by the schema check
    if status not in _MAY_COMPLETE:
        yield check.problem(
            f'Ngày hoàn thành (completed) chỉ ghi khi tình trạng là "hoàn thành" hoặc "hoàn '
            f'thành một phần", không phải "{shown(status)}". Xóa dòng completed hoặc sửa '
            "status. (Completion date without completion.)", "completed")
    elif check.report_date is not None and completed > check.report_date:
        yield check.problem(
            f"Ngày hoàn thành {completed} sau ngày của báo cáo ({check.report_date}): báo cáo "
            "không thể nói trước việc chưa xảy ra. (Completed after the report's date.)",
            "completed")


def _target_problems(check: UpdateCheck, activity: Activity) -> Iterator[Problem]:
    for t_index, achieved in enumerate(check.update.get("targets") or []):
        if not isinstance(achieved, dict) or not isinstance(achieved.get("target"), int):
            continue
        rank = achieved["target"]
        if rank > len(activity.targets):
            has = (f"chỉ có {len(activity.targets)} chỉ tiêu (đánh số từ 1)" if activity.targets
                   else "không có chỉ tiêu nào (targets) trong kế hoạch")
            yield check.problem(
                f'Hoạt động "{shown(activity.id)}" {has}; không có chỉ tiêu số {rank}. '
                "(No such target.)", "targets", t_index, "target")
            continue
        target = activity.targets[rank - 1]
        unit = achieved.get("unit")
        if isinstance(unit, str) and target.unit is not None and unit != target.unit:
            yield check.problem(
                f'Đơn vị "{shown(unit)}" khác đơn vị của chỉ tiêu số {rank} ("{target.unit}"): '
                "hai giá trị không so được với nhau. Quy đổi về cùng đơn vị, hoặc xóa dòng unit "
                "để dùng đơn vị của chỉ tiêu. (Unit differs from the target's.)",
                "targets", t_index, "unit")
        when = _date(achieved.get("date"))
        if when is not None and check.report_date is not None and when > check.report_date:
            yield check.problem(
                f"Số liệu tính đến ngày {when}, sau ngày của báo cáo ({check.report_date}). "
                "(Figure dated after the report.)", "targets", t_index, "date")


def _date(value: object) -> PartialDate | None:
    if not isinstance(value, str):
        return None
    try:
        return PartialDate.parse(value)
    except DateFormatError:
        return None
