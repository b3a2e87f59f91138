"""scripts/plan_sheet.py export: a workbook a clerk can edit safely in Excel."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from kehoach.source.schema import PLAN_SCHEMA, field_info
from kehoach.source.yamlread.load import load_file
from tests.unit.plan_sheet_tools import THACH_HA, Tree, fixture_plans, make_tree


@pytest.fixture
def tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Tree:
    return make_tree(tmp_path, capsys)


def _data(tree: Tree, name: str = THACH_HA) -> dict[str, object]:
    doc, _problems = load_file(tree.plan(name))
    assert doc is not None
    return doc.data  # type: ignore[no-any-return]


def test_headers_are_the_schema_titles_and_the_header_row_is_frozen(tree: Tree) -> None:
    sheet = load_workbook(tree.export())["Hoạt động"]
    headers = [cell.value for cell in sheet[1]]
    for header, key in zip(headers, ("id", "label", "title", "when.text", "when.start"),
                           strict=False):
        title = field_info(PLAN_SCHEMA, ("activities", 0, *key.split("."))).title
        assert header.startswith(f"{title}\n[{key}]")
    assert sheet.freeze_panes == "A2"
    assert all(sheet.column_dimensions[c].width >= 10 for c in "ABCDEFGHIJ")


@pytest.mark.parametrize("name", fixture_plans())
def test_one_row_per_activity_in_order_dates_as_the_document_writes_them(
    tree: Tree, name: str
) -> None:
    sheet = load_workbook(tree.export(name))["Hoạt động"]
    activities = _data(tree, name)["activities"]
    assert isinstance(activities, list)
    assert sheet.max_row == len(activities) + 1
    for row, activity in enumerate(activities, start=2):
        assert sheet[f"A{row}"].value == activity["id"]
        when = activity.get("when", {})
        for column, key in (("E", "start"), ("F", "end")):
            cell = sheet[f"{column}{row}"]
            assert cell.value == when.get(key)  # "06/10/2025", "10/2025", "2025": text
            assert cell.number_format == "@"  # Excel keeps what is typed as text


def test_units_are_shown_by_name_one_per_line_and_listed_with_their_ids(tree: Tree) -> None:
    book = load_workbook(tree.export())
    sheet = book["Hoạt động"]
    row = next(r for r in range(2, sheet.max_row + 1)
               if sheet[f"A{r}"].value == "chien-dich-truyen-thong")
    assert sheet[f"H{row}"].value.splitlines() == [
        "Ban biên tập Trang thông tin điện tử",
        "Các phòng, đơn vị cấp xã",
        "Các trường học",
        "Các thôn",
    ]
    units = [(r[0], r[1]) for r in book["Đơn vị"].iter_rows(min_row=2, values_only=True)]
    data = _data(tree)["units"]
    assert isinstance(data, list)
    assert units == [(u["name"], u["id"]) for u in data]


def test_a_name_shared_by_two_units_is_shown_as_the_id(tree: Tree) -> None:
    plan = tree.plan()
    text = plan.read_text(encoding="utf-8").replace(
        "    name: Phòng Kinh tế\n", "    name: Phòng Văn hóa - Xã hội\n"
    )
    plan.write_text(text, encoding="utf-8")
    sheet = load_workbook(tree.export())["Hoạt động"]
    assert sheet["G3"].value == "phong-van-hoa-xa-hoi"


def test_only_the_editable_cells_are_unlocked_and_the_sheets_protected(tree: Tree) -> None:
    book = load_workbook(tree.export())
    sheet = book["Hoạt động"]
    assert sheet.protection.sheet and book["Đơn vị"].protection.sheet
    assert sheet["A2"].protection.locked and sheet["J2"].protection.locked
    assert not any(sheet[f"{c}2"].protection.locked for c in "BCDEFGHI")
    assert book["_kehoach"].sheet_state == "veryHidden"


def test_the_read_me_says_what_may_be_edited(tree: Tree) -> None:
    book = load_workbook(tree.export())
    text = "\n".join(str(r[0] or "") for r in book["Hướng dẫn"].iter_rows(values_only=True))
    assert "ha-tinh-thach-ha-2025-ngay-cds" in text
    for title in ("Tên hoạt động", "Bắt đầu", "Đơn vị chủ trì", "Địa điểm"):
        assert title in text.split("Được sửa")[1].split("\n")[0]
    assert "Chỉ tiêu" in text.split("Chỉ xem")[1].split("\n")[0]
    assert "Không thêm, xóa, di chuyển" in text and "Do not add, delete, move" in text


def test_an_invalid_plan_is_not_exported(tree: Tree) -> None:
    plan = tree.plan()
    plan.write_text(plan.read_text(encoding="utf-8").replace('"06/10/2025"', '"31/02/2025"'),
                    encoding="utf-8")
    out = tree.root.parent / "x.xlsx"
    result = tree.run("export", plan, "-o", out)
    assert result.code == 1
    assert f"{plan}:" in result.err and "không có ngày 31" in result.err
    assert not out.exists()


def test_the_output_must_be_an_xlsx_file(tree: Tree) -> None:
    result = tree.run("export", tree.plan(), "-o", tree.root.parent / "x.csv")
    assert result.code == 2 and ".xlsx" in result.err


def test_a_missing_plan_is_refused(tree: Tree) -> None:
    result = tree.run("export", tree.root / "khong-co.yaml", "-o", tree.root.parent / "x.xlsx")
    assert result.code == 1 and "không có tệp kế hoạch này" in result.err


def test_the_registry_is_not_taken_for_a_plan(tree: Tree) -> None:
    registry = tree.root / "registry" / "registry.yaml"
    result = tree.run("export", registry, "-o", tree.root.parent / "x.xlsx")
    assert result.code == 1
    assert result.err.startswith(f"{registry}: đây là danh mục dùng chung, không phải một kế hoạch")
