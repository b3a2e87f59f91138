"""An edited workbook read back: the changed cells as edits, or every problem as Sheet!Cell.

Only cell edits are accepted. Rows stay those of the export, in its order (the id column ties
each row to its activity): a row added, deleted, moved or sorted is refused, and so is a
column added or moved, because a guess at what was meant could write a value into another
activity. Activities are added or removed in the YAML, then the sheet is exported again.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from kehoach.authoring.sheet.columns import (
    COLUMNS,
    CellError,
    Column,
    Units,
    Value,
    current,
    parse,
    render,
)
from kehoach.authoring.sheet.workbook import KIND, META, SHEET, SNAPSHOT
from kehoach.source.problems import shown


@dataclass(frozen=True)
class SheetProblem:
    """A cell (``Hoạt động!D7``) or the whole workbook (its file name) that is refused."""

    place: str
    message: str

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


@dataclass(frozen=True)
class Edit:
    """A changed cell: the activity (its index in the plan), the column, the new value."""

    index: int
    column: Column
    value: Value
    cell: str


def open_workbook(path: Path) -> tuple[Any, list[SheetProblem]]:
    try:
        return load_workbook(path), []
    except OSError as exc:
        message = f"Không đọc được tệp ({exc.strerror or exc}). (Cannot read the file.)"
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError):
        message = (
            "Đây không phải bảng tính Excel .xlsx. Dùng tệp do plan_sheet.py export tạo ra, "
            "lưu trong Excel bằng File → Save (dạng Excel Workbook .xlsx). "
            "(Not an .xlsx workbook.)"
        )
    return None, [SheetProblem(str(path), message)]


def read_edits(
    path: Path, data: Mapping[str, Any], file_name: str
) -> tuple[list[Edit], list[SheetProblem]]:
    """The edits of the workbook at ``path`` to the plan ``data``; problems refuse them all."""
    book, problems = open_workbook(path)
    if book is None:
        return [], problems
    problems = _identity(book, path, str(data["id"]), file_name)
    if problems:
        return [], problems
    sheet, exported = book[SHEET], book[SNAPSHOT]
    activities = data.get("activities", [])
    problems = _headers(sheet) or _changed_since(exported, activities, path, file_name)
    if problems:
        return [], problems
    edits: list[Edit] = []
    units = Units.of(data)
    last = max(sheet.max_row, len(activities) + 1)
    for row in range(2, last + 1):
        cells = _values(sheet, row)
        expected = activities[row - 2] if row - 2 < len(activities) else None
        wrong = _row_problem(row, cells, expected)
        if wrong:
            # Once a row is out of place every row after it is too: one message says it.
            problems.append(wrong)
            break
        if expected is not None:
            before = _values(exported, row)
            _read_row(_Row(row - 2, row, expected, before), cells, units, edits, problems)
    return edits, problems


def _values(sheet: Any, row: int) -> list[object]:
    return [sheet.cell(row=row, column=i).value for i in range(1, len(COLUMNS) + 1)]


def _changed_since(
    exported: Any, activities: Sequence[Mapping[str, Any]], path: Path, file_name: str
) -> list[SheetProblem]:
    ids = [row[0] for row in exported.iter_rows(min_row=2, max_col=1, values_only=True)]
    if ids == [activity["id"] for activity in activities]:
        return []
    return [
        SheetProblem(
            str(path),
            f"Các hoạt động trong {file_name} đã được thêm, bớt hoặc đổi thứ tự sau khi xuất "
            "bảng tính này. Xuất lại bảng tính từ tệp YAML hiện tại rồi sửa lại các ô. "
            "(The plan's activities changed since this sheet was exported.)",
        )
    ]


def _identity(book: Any, path: Path, plan_id: str, file_name: str) -> list[SheetProblem]:
    rows = book[META].iter_rows(max_col=2, values_only=True) if META in book.sheetnames else ()
    meta = dict(rows)  # two columns read, whatever was added beside them
    if meta.get("kind") != KIND or not {SHEET, SNAPSHOT} <= set(book.sheetnames):
        return [
            SheetProblem(
                str(path),
                "Bảng tính này không do plan_sheet.py export tạo ra (thiếu trang "
                f'"{SHEET}" hoặc thông tin kế hoạch). Xuất bảng tính từ tệp YAML rồi sửa trên '
                "đó. (Not a workbook exported by plan_sheet.py.)",
            )
        ]
    if meta.get("plan") != plan_id:
        return [
            SheetProblem(
                str(path),
                f'Bảng tính này của kế hoạch "{shown(meta.get("plan"))}" (tệp '
                f'{shown(meta.get("file"))}), không phải của kế hoạch "{plan_id}" ({file_name}). '
                "Chọn đúng tệp YAML, hoặc xuất lại bảng tính từ tệp này. "
                "(This sheet belongs to another plan.)",
            )
        ]
    return []


def _headers(sheet: Any) -> list[SheetProblem]:
    problems: list[SheetProblem] = []
    for index, column in enumerate(COLUMNS, start=1):
        if sheet.cell(row=1, column=index).value != column.header:
            problems.append(
                SheetProblem(
                    _ref(1, index),
                    f'Ô tiêu đề phải là "{column.header.replace(chr(10), " ")}": cột đã bị '
                    "thêm, xóa, di chuyển hoặc đổi tên. Xuất lại bảng tính và chỉ sửa nội dung "
                    "các ô. (Columns must stay as exported.)",
                )
            )
    for row in sheet.iter_rows(min_col=len(COLUMNS) + 1):
        for cell in row:
            if cell.value is not None:
                problems.append(
                    SheetProblem(
                        _ref(cell.row, cell.column),
                        "Ô này nằm ngoài các cột của bảng tính; không thêm cột hay ghi chú "
                        "bên phải. Xóa nội dung ô. (Nothing may be written outside the "
                        "columns.)",
                    )
                )
    return problems


def _row_problem(
    row: int, cells: Sequence[object], expected: Mapping[str, Any] | None
) -> SheetProblem | None:
    empty = all(value is None or value == "" for value in cells)
    if expected is None:
        if empty:
            return None
        return SheetProblem(
            _ref(row, 1),
            "Không thêm dòng mới vào bảng tính: thêm hoạt động trong tệp YAML rồi xuất lại "
            "bảng tính. Xóa dòng này. (Rows cannot be added here.)",
        )
    if cells[0] == expected["id"]:
        return None
    if empty:
        what = "đã bị xóa"
    else:
        what = (
            f'ở đây là dòng của "{shown(cells[0])}": các dòng đã bị xóa, di chuyển hoặc '
            "sắp xếp lại"
        )
    return SheetProblem(
        _ref(row, 1),
        f'Dòng {row} phải là hoạt động "{expected["id"]}" như lúc xuất, nhưng {what}. Hoàn tác '
        "(Ctrl+Z) hoặc xuất lại bảng tính; không thêm, xóa hay đổi thứ tự dòng. "
        "(Rows must stay as exported: none added, deleted or moved.)",
    )


@dataclass(frozen=True)
class _Row:
    """A row of the sheet: its activity (index and data) and its cells as exported."""

    index: int
    number: int
    activity: Mapping[str, Any]
    before: Sequence[object]


def _read_row(
    row: _Row,
    cells: Sequence[object],
    units: Units,
    edits: list[Edit],
    problems: list[SheetProblem],
) -> None:
    for number, (column, raw, before) in enumerate(
        zip(COLUMNS, cells, row.before, strict=True), start=1
    ):
        if (raw or None) == (before or None):
            continue  # left alone: the YAML's value stands, even if changed since the export
        ref = _ref(row.number, number)
        try:
            value = _written(row, column, raw, before, units)
        except CellError as exc:
            problems.append(SheetProblem(ref, str(exc)))
            continue
        if value != current(row.activity, column):
            edits.append(Edit(row.index, column, value, ref))


def _written(row: _Row, column: Column, raw: object, before: object, units: Units) -> Value:
    """The value an edited cell writes back; CellError when it cannot be written."""
    if not column.editable:
        raise CellError(
            f'Cột "{column.title}" chỉ để xem: sửa nó trong tệp YAML. Hoàn tác (Ctrl+Z) thay '
            "đổi ở ô này. (Read-only column.)"
        )
    now = render(row.activity, column, units)
    if (now or None) != (before or None):
        raise CellError(
            f'Ô này đã được sửa trong tệp YAML sau khi xuất bảng tính (nay là "{shown(now)}"): '
            "ghi đè sẽ làm mất thay đổi đó. Xuất lại bảng tính rồi sửa lại ô này. "
            "(Changed in the YAML since the export: export again.)"
        )
    return parse(raw, column, units)


def _ref(row: int, column: int) -> str:
    return f"{SHEET}!{get_column_letter(column)}{row}"
