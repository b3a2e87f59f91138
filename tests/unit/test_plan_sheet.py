"""scripts/plan_sheet.py: export → (edit) → apply keeps the YAML byte for byte, except the
edited values, which land on their own lines with every comment and the layout kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kehoach.authoring.sheet.columns import COLUMNS, Units, current, parse, render
from kehoach.source.yamlread.load import load_file
from tests.unit.plan_sheet_tools import (
    FIXTURES,
    THACH_HA,
    Tree,
    changed_lines,
    fixture_plans,
    make_tree,
    row_of,
)

PLANS = fixture_plans()


@pytest.fixture
def tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Tree:
    return make_tree(tmp_path, capsys)


@pytest.mark.parametrize("name", PLANS)
def test_export_then_apply_without_edit_is_byte_identical(tree: Tree, name: str) -> None:
    before = tree.plan(name).read_bytes()
    sheet = tree.export(name)
    result = tree.run("apply", sheet, tree.plan(name))
    assert result.code == 0, result.err
    assert "Không có ô nào thay đổi" in result.out  # every cell read back as it was written
    assert tree.plan(name).read_bytes() == before


# label (quoted text, absent from some rows), start date (absent when a row has no window)
# and lead units (a list, absent from some rows): the plan's first unit, by its id.
EDITED = {"B": "z9", "E": "01/01/2020", "G": None}


@pytest.mark.parametrize("name", PLANS)
def test_edits_written_then_undone_give_the_file_back(tree: Tree, name: str) -> None:
    """The writer itself, not only "nothing changed", keeps every plan's bytes: a label, a
    start date and the lead units edited in every row (fields changed, added where absent),
    written, then put back from a new export, give the original file."""
    before = tree.plan(name).read_text(encoding="utf-8")
    kept: dict[str, object] = {}

    def edit(sheet: Any) -> None:
        first_unit = sheet.parent["Đơn vị"]["B2"].value
        for row in range(2, sheet.max_row + 1):
            for column, value in EDITED.items():
                kept[f"{column}{row}"] = sheet[f"{column}{row}"].value
                sheet[f"{column}{row}"] = value or first_unit

    result = tree.run("apply", tree.edit(name, edit), tree.plan(name))
    assert result.code == 0, result.err
    edited = tree.plan(name).read_text(encoding="utf-8")
    removed, added = changed_lines(before, edited)
    rows = len(kept) // len(EDITED)
    assert sum(line.startswith("    label: ") and "z9" in line for line in added) == rows
    assert sum('start: "01/01/2020"' in line for line in added) == rows
    assert removed

    def restore(sheet: Any) -> None:
        for cell, value in kept.items():
            sheet[cell] = value

    result = tree.run("apply", tree.edit(name, restore), tree.plan(name))
    assert result.code == 0, result.err
    assert tree.plan(name).read_text(encoding="utf-8") == before


def _set(activity: str, column: str, value: object) -> Any:
    def change(sheet: Any) -> None:
        sheet[f"{column}{row_of(sheet, activity)}"] = value

    return change


def _apply(tree: Tree, change: Any) -> tuple[list[str], list[str], str]:
    before = tree.plan().read_text(encoding="utf-8")
    result = tree.run("apply", tree.edit(THACH_HA, change), tree.plan())
    assert result.code == 0, result.err
    removed, added = changed_lines(before, tree.plan().read_text(encoding="utf-8"))
    return removed, added, result.out


def test_an_edited_date_changes_that_line_only(tree: Tree) -> None:
    removed, added, out = _apply(tree, _set("chien-dich-truyen-thong", "E", "08/10/2025"))
    assert (removed, added) == (['      start: "07/10/2025"'], ['      start: "08/10/2025"'])
    assert "Hoạt động!E4" in out


def test_an_edited_lead_unit_is_written_by_id(tree: Tree) -> None:
    change = _set("phat-dong-cuoc-thi-hoat-dong-cong-dong", "G", "Phòng Kinh tế\nCác thôn")
    removed, added, _out = _apply(tree, change)
    assert removed == ["    lead: [phong-van-hoa-xa-hoi]"]
    assert added == ["    lead: [phong-kinh-te, cac-thon]"]


def test_a_unit_may_be_named_by_its_id(tree: Tree) -> None:
    _removed, added, _out = _apply(
        tree, _set("phat-dong-cuoc-thi-hoat-dong-cong-dong", "G", "phong-kinh-te")
    )
    assert added == ["    lead: [phong-kinh-te]"]


def test_an_edited_title_keeps_its_folded_style_and_the_comments(tree: Tree) -> None:
    title = (
        "Tổ chức Lễ phát động hưởng ứng Ngày Chuyển đổi số quốc gia 2025 tại Nhà văn hóa xã, "
        "kết hợp tập huấn kỹ năng số cho người dân và Tổ chuyển đổi số cộng đồng các thôn."
    )
    removed, added, _out = _apply(tree, _set("le-phat-dong-va-tap-huan", "C", title))
    assert removed == [
        "      Tổ chức Lễ phát động hưởng ứng Ngày Chuyển đổi số quốc gia 2025 và tập huấn "
        "nâng cao",
        "      nhận thức, kiến thức và kỹ năng chuyển đổi số cho người dân, thời gian phát "
        "động trường",
        "      ngày 10/10/2025.",
    ]
    assert all(line.startswith("      ") and len(line) <= 96 for line in added)
    assert " ".join(line.strip() for line in added) == title
    text = tree.plan().read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schema/plan.schema.json\n")


def test_a_new_field_goes_where_the_schema_puts_it(tree: Tree) -> None:
    change = _set("tap-huan-nen-tang-so-ky-nang-so-an-toan-thong-tin", "I", "Nhà văn hóa: thôn 1")
    removed, added, _out = _apply(tree, change)
    assert (removed, added) == ([], ['    place: "Nhà văn hóa: thôn 1"'])
    lines = tree.plan().read_text(encoding="utf-8").splitlines()
    at = lines.index(added[0])
    assert lines[at - 1] == '      end: "31/10/2025"' and lines[at + 1] == "    appendix:"


def test_an_emptied_optional_cell_removes_its_line_and_keeps_the_blank_line(tree: Tree) -> None:
    removed, added, _out = _apply(tree, _set("ngay-hoi-toan-dan-hoc-tap-so", "H", None))
    unit = "dang-vien-can-bo-cong-chuc-vien-chuc-nguoi-lao-dong-va-toan-the-nhan-dan"
    assert (removed, added) == ([f"    partners: [{unit}]"], [])


def test_an_emptied_time_window_removes_the_when_block(tree: Tree) -> None:
    def clear(sheet: Any) -> None:
        row = row_of(sheet, "chien-dich-ra-quan-dong-loat")
        for column in "DEF":
            sheet[f"{column}{row}"] = None

    removed, added, _out = _apply(tree, clear)
    assert added == []
    assert removed == [
        "    when:",
        '      text: "10/10 - 31/10"',
        '      start: "10/10/2025"',
        '      end: "31/10/2025"',
    ]


def test_a_change_made_in_the_yaml_after_the_export_is_kept(tree: Tree) -> None:
    """A cell the clerk left alone is not written back: a colleague's change to the YAML
    made after the export stays, and the clerk's edit of another cell lands."""
    sheet = tree.edit(THACH_HA, _set("chien-dich-truyen-thong", "E", "08/10/2025"))
    plan = tree.plan()
    text = plan.read_text(encoding="utf-8").replace('      end: "20/10/2025"',
                                                    '      end: "21/10/2025"')
    plan.write_text(text, encoding="utf-8")
    result = tree.run("apply", sheet, plan)
    assert result.code == 0, result.err
    removed, added = changed_lines(text, plan.read_text(encoding="utf-8"))
    assert (removed, added) == (['      start: "07/10/2025"'], ['      start: "08/10/2025"'])


@pytest.mark.parametrize("name", PLANS)
def test_every_exported_cell_reads_back_as_the_yaml_value(name: str) -> None:
    """What export writes, apply reads as the same value: a cell retyped as it was shown is
    never an edit (dates, unit names, text)."""
    doc, _problems = load_file(FIXTURES / name)
    assert doc is not None
    units = Units.of(doc.data)
    checked = 0
    for activity in doc.data["activities"]:
        for column in COLUMNS:
            if column.editable:
                shown = render(activity, column, units)
                assert parse(shown, column, units) == current(activity, column)
                checked += 1
    assert checked >= len(doc.data["activities"]) * 8


def test_windows_line_ends_and_a_byte_order_mark_are_kept(tree: Tree) -> None:
    plan = tree.plan()
    text = plan.read_text(encoding="utf-8")
    plan.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    sheet = tree.edit(THACH_HA, _set("chien-dich-truyen-thong", "E", "08/10/2025"))
    result = tree.run("apply", sheet, plan)
    assert result.code == 0, result.err
    expected = text.replace('start: "07/10/2025"', 'start: "08/10/2025"')
    assert plan.read_bytes() == b"\xef\xbb\xbf" + expected.replace("\n", "\r\n").encode("utf-8")


def test_a_validator_problem_in_a_crlf_file_is_placed_at_its_cell(tree: Tree) -> None:
    plan = tree.plan()
    plan.write_bytes(plan.read_bytes().replace(b"\n", b"\r\n"))
    before = plan.read_bytes()
    sheet = tree.edit(THACH_HA, _set("chien-dich-truyen-thong", "F", "01/10/2025"))
    result = tree.run("apply", sheet, plan)
    assert result.code == 1
    assert result.err.startswith("Hoạt động!F4: Ngày kết thúc (01/10/2025) trước ngày bắt đầu")
    assert plan.read_bytes() == before
