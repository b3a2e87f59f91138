"""scripts/plan_sheet.py apply refuses what it cannot write faithfully: each problem printed as
Sheet!Cell: message (Vietnamese, with an English gloss), exit 1, the YAML byte for byte as it
was and no temporary file left beside it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from tests.unit.plan_sheet_tools import THACH_HA, Tree, make_tree, row_of

DUC_THO = "ha-tinh/huyen-duc-tho/2024-ngay-chuyen-doi-so.yaml"


@pytest.fixture
def tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Tree:
    return make_tree(tmp_path, capsys)


def _cell(activity: str, column: str, value: object) -> Callable[[Any], None]:
    def change(sheet: Any) -> None:
        sheet[f"{column}{row_of(sheet, activity)}"] = value

    return change


def _add_row(sheet: Any) -> None:
    sheet.append(["hoat-dong-moi", "g", "Một hoạt động mới"])


def _add_row_without_id(sheet: Any) -> None:
    sheet.cell(row=sheet.max_row + 1, column=3).value = "Một hoạt động mới"


def _delete_row(sheet: Any) -> None:
    sheet.delete_rows(3)


def _swap_rows(sheet: Any) -> None:
    for column in range(1, sheet.max_column + 1):
        a, b = sheet.cell(row=2, column=column), sheet.cell(row=3, column=column)
        a.value, b.value = b.value, a.value


def _insert_column(sheet: Any) -> None:
    sheet.insert_cols(3)


LE = "le-phat-dong-va-tap-huan"  # row 2 of the Thạch Hà plan
CASES: dict[str, tuple[Callable[[Any], None], str, str]] = {
    "unknown unit": (_cell(LE, "G", "Phòng Không Có"), "G2", 'Không có đơn vị "Phòng Không Có"'),
    "units on one line": (
        _cell(LE, "G", "Phòng Kinh tế; Các thôn"), "G2", "mỗi đơn vị một dòng"
    ),
    "misspelt unit": (_cell(LE, "G", "Phòng Kinh te"), "G2", 'ý bạn là "Phòng Kinh tế"'),
    "date made a datetime": (_cell(LE, "E", dt.datetime(2025, 10, 8)), "E2", "kiểu ngày tháng"),
    "date made a number": (_cell(LE, "E", 45938), "E2", "Excel đã đổi ô này thành số (45938)"),
    "year made a number": (_cell(LE, "F", 2025), "F2", "thành số (2025)"),
    "date without a year": (_cell(LE, "E", "8/10"), "E2", "không phải ngày hợp lệ"),
    "impossible date": (_cell(LE, "E", "31/02/2025"), "E2", "không có ngày 31"),
    "empty title": (_cell(LE, "C", None), "C2", "bắt buộc"),
    "blank title": (_cell(LE, "C", "   "), "C2", "bắt buộc"),
    "formula": (_cell(LE, "C", "=A2"), "C2", "công thức"),
    # refused by the project's validator (the messages of make check), placed at the cell
    "end before start": (_cell(LE, "F", "01/10/2025"), "F2", "trước ngày bắt đầu"),
    "label too long": (_cell(LE, "B", "mười một ký"), "B2", "Số thứ tự trong văn bản"),
    "row added": (_add_row, "A8", "Không thêm dòng mới"),
    "row added without id": (_add_row_without_id, "A8", "Không thêm dòng mới"),
    "row deleted": (_delete_row, "A3", 'phải là hoạt động "phat-dong-cuoc-thi-hoat-dong'),
    "rows moved": (_swap_rows, "A2", f'phải là hoạt động "{LE}"'),
    "id changed": (_cell(LE, "A", "ma-khac"), "A2", "sắp xếp lại"),
    "column inserted": (_insert_column, "C1", "Ô tiêu đề phải là"),
    "note beside the table": (_cell(LE, "K", "ghi chú"), "K2", "ngoài các cột"),
}


def _refused(tree: Tree, sheet: Path, name: str = THACH_HA) -> str:
    plan = tree.plan(name)
    before, files = plan.read_bytes(), sorted(plan.parent.iterdir())
    result = tree.run("apply", sheet, plan)
    assert result.code == 1, result.out
    assert "Không ghi gì (nothing written)." in result.err
    assert plan.read_bytes() == before
    assert sorted(plan.parent.iterdir()) == files  # no temporary file left behind
    assert "Traceback" not in result.err
    return result.err


@pytest.mark.parametrize("case", CASES)
def test_an_invalid_edit_is_refused_at_its_cell(tree: Tree, case: str) -> None:
    change, cell, phrase = CASES[case]
    err = _refused(tree, tree.edit(THACH_HA, change))
    line = next((x for x in err.splitlines() if x.startswith(f"Hoạt động!{cell}: ")), None)
    assert line is not None, err
    assert phrase in line


def test_a_deleted_row_is_reported_once(tree: Tree) -> None:
    err = _refused(tree, tree.edit(THACH_HA, _delete_row))
    assert [line.split(": ")[0] for line in err.splitlines()[:-1]] == ["Hoạt động!A3"]


def test_every_bad_cell_is_reported_at_once(tree: Tree) -> None:
    def two(sheet: Any) -> None:
        sheet["C2"] = None
        sheet["E3"] = dt.datetime(2025, 10, 8)

    err = _refused(tree, tree.edit(THACH_HA, two))
    assert "Hoạt động!C2: " in err and "Hoạt động!E3: " in err


def test_a_read_only_column_is_refused(tree: Tree) -> None:
    change = _cell("chien-dich-cap-chu-ky-so-cong-cong", "J", "Đạt 60% vào năm 2025")
    err = _refused(tree, tree.edit(DUC_THO, change), DUC_THO)
    assert "Hoạt động!J5: " in err and "chỉ để xem" in err


def test_a_sheet_of_another_plan_is_refused(tree: Tree) -> None:
    sheet = tree.export(DUC_THO)
    err = _refused(tree, sheet)
    assert err.startswith(f'{sheet}: Bảng tính này của kế hoạch "ha-tinh-duc-tho-2024-ngay-cds"')


def test_a_file_that_is_not_a_workbook_is_refused(tree: Tree) -> None:
    sheet = tree.root.parent / "ke-hoach.xlsx"
    sheet.write_text("id,title\n", encoding="utf-8")
    err = _refused(tree, sheet)
    assert err.startswith(f"{sheet}: Đây không phải bảng tính Excel .xlsx")


def test_a_workbook_not_exported_by_the_tool_is_refused(tree: Tree) -> None:
    sheet = tree.root.parent / "khac.xlsx"
    Workbook().save(sheet)
    err = _refused(tree, sheet)
    assert "không do plan_sheet.py export tạo ra" in err


def test_a_missing_workbook_is_refused(tree: Tree) -> None:
    err = _refused(tree, tree.root.parent / "khong-co.xlsx")
    assert "Không đọc được tệp" in err


def test_a_plan_that_is_invalid_already_is_refused_before_reading_the_sheet(tree: Tree) -> None:
    sheet = tree.export()
    plan = tree.plan()
    plan.write_text(plan.read_text(encoding="utf-8").replace('label: "a"', 'label: ""'),
                    encoding="utf-8")
    err = _refused(tree, sheet)
    assert f"{plan}:" in err and "sửa các lỗi trên (make check)" in err


def test_a_layout_the_writer_would_change_is_refused_naming_the_line(tree: Tree) -> None:
    """Outside the edited fields not a byte may move: a file laid out otherwise than the
    writer writes (here "year:  2025") is refused, not silently reformatted."""
    sheet = tree.export()
    plan = tree.plan()
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("\nyear: 2025\n", "\nyear:  2025\n"), encoding="utf-8")
    line = text.splitlines().index("year: 2025") + 1
    book = load_workbook(sheet)
    _cell(LE, "C", "Tên mới")(book["Hoạt động"])
    book.save(sheet)
    err = _refused(tree, sheet)
    assert err.startswith(f"{plan}:{line}:1: ghi lại sẽ làm đổi cả dòng này")


def test_a_cell_changed_in_the_yaml_since_the_export_is_not_overwritten(tree: Tree) -> None:
    sheet = tree.edit(THACH_HA, _cell(LE, "F", "11/10/2025"))
    plan = tree.plan()
    plan.write_text(plan.read_text(encoding="utf-8").replace('end: "10/10/2025"',
                                                             'end: "12/10/2025"'),
                    encoding="utf-8")
    err = _refused(tree, sheet)
    assert err.startswith('Hoạt động!F2: Ô này đã được sửa trong tệp YAML sau khi xuất bảng '
                          'tính (nay là "12/10/2025")')


def test_activities_added_to_the_yaml_since_the_export_are_refused(tree: Tree) -> None:
    sheet = tree.edit(THACH_HA, _cell(LE, "C", "Tên mới"))
    plan = tree.plan()
    text = plan.read_text(encoding="utf-8")
    added = "\nactivities:\n  - id: moi\n    title: Mới\n\n"
    plan.write_text(text.replace("\nactivities:\n", added), encoding="utf-8")
    err = _refused(tree, sheet)
    assert err.startswith(f"{sheet}: Các hoạt động trong {plan.name} đã được thêm, bớt")
