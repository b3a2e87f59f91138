"""The export: a plan's activities as a workbook a clerk can edit safely in Excel.

Sheets: "Hoạt động" (one row per activity, in the plan's order; header row frozen; every
cell formatted as text so that Excel keeps "06/10/2025" and "2025" as typed), "Hướng dẫn"
(what may be edited, and how), "Đơn vị" (the plan's units: name, id, scope) and two very
hidden sheets: which plan the workbook came from, and its cells as exported. The sheets are
protected without a password: only the editable cells of "Hoạt động" can be typed in (a guard
against slips, not a lock).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter

from kehoach.authoring.sheet.columns import COLUMNS, Column, Units, render
from kehoach.source.schema import PLAN_SCHEMA, field_info

SHEET = "Hoạt động"
README = "Hướng dẫn"
UNITS = "Đơn vị"
META = "_kehoach"
# The cells as exported, in a very hidden copy of the activities sheet: apply tells the
# clerk's edits from cells left alone, and so never writes back a stale value over a change
# made in the YAML after the export (see readback).
SNAPSHOT = "_kehoach_goc"
KIND = "kehoach.plan-sheet"  # what the hidden sheet says this workbook is

_TEXT = "@"  # Excel's "Text" number format: typed dates and numbers stay text
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_LOCKED_FILL = PatternFill("solid", fgColor="EDEDED")
_WRAP = Alignment(wrap_text=True, vertical="top")


def build(data: Mapping[str, Any], file_name: str) -> Any:
    """The workbook of a plan's data (a validated plan, as loaded)."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    _activities(sheet, data.get("activities", []), Units.of(data))
    _readme(book.create_sheet(README), str(data["id"]), file_name)
    _units(book.create_sheet(UNITS), data.get("units", []))
    meta = book.create_sheet(META)
    for row in (("kind", KIND), ("plan", str(data["id"])), ("file", file_name)):
        meta.append(row)
    snapshot = book.create_sheet(SNAPSHOT)
    for row in sheet.iter_rows(values_only=True):
        snapshot.append(list(row))
    for hidden in (meta, snapshot):
        # "veryHidden": not offered by Excel's Unhide menu, so not edited by mistake.
        hidden.sheet_state = "veryHidden"
    return book


def _header(sheet: Any, titles: Sequence[str], widths: Sequence[int]) -> None:
    sheet.append(list(titles))
    for index, width in enumerate(widths, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = _WRAP
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"


def _protect(sheet: Any) -> None:
    sheet.protection.sheet = True
    # False allows the action: a clerk may still widen columns and rows.
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False


def _activities(sheet: Any, activities: Sequence[Mapping[str, Any]], units: Units) -> None:
    _header(sheet, [c.header for c in COLUMNS], [c.width for c in COLUMNS])
    for row, activity in enumerate(activities, start=2):
        for index, column in enumerate(COLUMNS, start=1):
            _cell(sheet.cell(row=row, column=index), render(activity, column, units), column)
    _protect(sheet)


def _cell(cell: Any, text: str | None, column: Column) -> None:
    cell.value = text
    cell.number_format = _TEXT
    cell.alignment = _WRAP
    if column.editable:
        cell.protection = Protection(locked=False)
    else:
        cell.fill = _LOCKED_FILL


def _units(sheet: Any, units: Sequence[Mapping[str, Any]]) -> None:
    keys = ("name", "id", "scope")
    titles = [field_info(PLAN_SCHEMA, ("units", 0, key)).title for key in keys]
    _header(sheet, titles, (60, 40, 14))
    for unit in units:
        sheet.append([str(unit.get(key, "local" if key == "scope" else "")) for key in keys])
    _protect(sheet)


def readme_lines(plan_id: str, file_name: str) -> list[str]:
    """The read-me, from the columns themselves, so that it never falls behind them."""
    editable = ", ".join(c.title for c in COLUMNS if c.editable)
    locked = ", ".join(c.title for c in COLUMNS if not c.editable)
    required = ", ".join(c.title for c in COLUMNS if c.editable and c.required)
    return [
        f"Bảng tính của kế hoạch {plan_id} (tệp {file_name}).",
        "",
        f'Được sửa (ô trắng, trang "{SHEET}"): {editable}.',
        f"Chỉ xem (ô xám): {locked}; sửa các mục này trong tệp YAML.",
        f"Bắt buộc, không để trống: {required}. Xóa hết chữ trong ô khác là bỏ trường đó.",
        'Ngày viết như văn bản gốc: "06/10/2025", "10/2025" hoặc "2025". Các ô đã định dạng '
        "Văn bản; nếu Excel vẫn đổi thành ngày hay số, gõ dấu ' ở đầu: '06/10/2025.",
        f'Đơn vị: mỗi đơn vị một dòng trong ô (Alt+Enter), ghi đúng tên như ở trang "{UNITS}" '
        "(hoặc mã của đơn vị). Đơn vị mới phải được thêm vào mục units của tệp YAML trước.",
        "Không thêm, xóa, di chuyển hay sắp xếp lại dòng, không thêm hay đổi cột: thêm, bớt "
        "hoạt động thì sửa tệp YAML rồi xuất lại bảng tính.",
        "Chỉ các ô đã sửa được ghi lại: điều người khác sửa trong tệp YAML sau khi xuất vẫn "
        "được giữ; một ô bị sửa ở cả hai nơi thì bị từ chối (xuất lại bảng tính).",
        "Ghi lại vào tệp YAML: python scripts/plan_sheet.py apply BANG.xlsx KE-HOACH.yaml. "
        "Lệnh kiểm tra như make check; có lỗi thì in Trang!Ô: thông báo và không ghi gì.",
        "",
        f"Plan {plan_id} ({file_name}). Edit the white cells of \"{SHEET}\" only; grey cells are "
        "read-only. Dates are text as in the document. Units: one per line, by the name shown "
        f'in "{UNITS}" (or its id). Do not add, delete, move or sort rows or columns. Only '
        "changed cells are written back (a cell changed in the YAML too is refused). Write "
        "back with: python scripts/plan_sheet.py apply SHEET.xlsx PLAN.yaml (validated like "
        "make check; nothing is written on any error).",
    ]


def _readme(sheet: Any, plan_id: str, file_name: str) -> None:
    for line in readme_lines(plan_id, file_name):
        sheet.append([line])
        sheet.cell(row=sheet.max_row, column=1).alignment = _WRAP
    sheet.column_dimensions["A"].width = 110
    sheet.cell(row=1, column=1).font = Font(bold=True)
    _protect(sheet)
