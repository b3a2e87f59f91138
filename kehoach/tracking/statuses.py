"""The fixed list of statuses an activity can have on the site, in display order.

Five come from a report as the clerk wrote it; the others are derived so that a status never
lies: no report is never "done", and a deadline passed shows. Each status belongs to one of
the coverage groups (done, in progress, overdue, not reported, dropped), which partition
the activities.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

StatusKey = Literal[
    "not_reported",
    "overdue_not_reported",
    "not_started",
    "late_not_started",
    "in_progress",
    "late_in_progress",
    "partly_done",
    "paused",
    "done",
    "done_late",
    "dropped",
]
Group = Literal["done", "in_progress", "overdue", "not_reported", "dropped"]


@dataclass(frozen=True)
class StatusInfo:
    key: StatusKey
    label: str  # what the page says: a status is always written, never a colour alone
    group: Group


STATUSES: dict[StatusKey, StatusInfo] = {
    info.key: info
    for info in (
        StatusInfo("done", "hoàn thành", "done"),
        StatusInfo("done_late", "hoàn thành (trễ hạn)", "done"),
        StatusInfo("partly_done", "hoàn thành một phần", "in_progress"),
        StatusInfo("in_progress", "đang thực hiện", "in_progress"),
        StatusInfo("late_in_progress", "đang thực hiện, quá hạn", "overdue"),
        StatusInfo("not_started", "chưa bắt đầu", "in_progress"),
        StatusInfo("late_not_started", "chưa bắt đầu, quá hạn", "overdue"),
        StatusInfo("paused", "tạm dừng", "in_progress"),
        StatusInfo("dropped", "không thực hiện", "dropped"),
        StatusInfo("overdue_not_reported", "quá hạn, chưa có báo cáo", "overdue"),
        StatusInfo("not_reported", "chưa có báo cáo", "not_reported"),
    )
}

GROUPS: dict[Group, str] = {
    "done": "Đã hoàn thành",
    "in_progress": "Đang thực hiện",
    "overdue": "Quá hạn",
    "not_reported": "Chưa có báo cáo",
    "dropped": "Không thực hiện",
}

# The status a report gives, before dates are weighed (kehoach.model.report.ReportedStatus).
REPORTED: dict[str, StatusKey] = {
    "chưa bắt đầu": "not_started",
    "đang thực hiện": "in_progress",
    "hoàn thành": "done",
    "hoàn thành một phần": "partly_done",
    "không thực hiện": "dropped",
    "tạm dừng": "paused",
}
# Reported statuses that turn overdue once the end date has passed.
LATE: dict[StatusKey, StatusKey] = {
    "not_started": "late_not_started",
    "in_progress": "late_in_progress",
    "not_reported": "overdue_not_reported",
}

# Asia/Ho_Chi_Minh: UTC+7 all year (no daylight saving since 1975), so a fixed offset is
# exact and needs no time-zone database on the build machine.
VIETNAM = dt.timezone(dt.timedelta(hours=7), "Asia/Ho_Chi_Minh")


def local_day(moment: dt.datetime) -> dt.date:
    """The calendar day in Vietnam at ``moment`` (an aware datetime)."""
    return moment.astimezone(VIETNAM).date()


def vn_day(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def as_of_text(day: dt.date) -> str:
    """The sentence every page carries."""
    return f"Tình hình tính đến ngày {vn_day(day)}"
