"""kehoach.authoring.sheet.yamledit on small texts: what the writer keeps around an edit."""

from __future__ import annotations

import pytest

from kehoach.authoring.sheet.columns import COLUMNS, Value
from kehoach.authoring.sheet.readback import Edit
from kehoach.authoring.sheet.yamledit import WIDTH, edited, outside_change

TEXT = """\
# a comment at the top
activities:
  - id: a  # the first activity
    title: Một
    partners:
      - x
      - y

  - id: b
    title: Hai
"""


def _edit(key: str, value: Value, index: int = 0) -> Edit:
    column = next(c for c in COLUMNS if c.key == key)
    return Edit(index, column, value, "Hoạt động!A1")


@pytest.mark.parametrize("units", [["z"], ["x", "y", "z"]])
def test_a_block_list_at_the_end_of_an_activity_keeps_the_blank_line_after_it(
    units: list[str],
) -> None:
    edits = [_edit("partners", units)]
    new = edited(TEXT, edits)
    items = "".join(f"      - {u}\n" for u in units)
    assert new == TEXT.replace("      - x\n      - y\n", items)
    assert outside_change(TEXT, new, edits) is None


def test_a_field_added_after_the_last_one_comes_before_the_blank_line() -> None:
    edits = [_edit("when.start", "06/10/2025")]
    new = edited(TEXT, edits)
    assert new == TEXT.replace("      - y\n", '      - y\n    when:\n      start: "06/10/2025"\n')
    assert outside_change(TEXT, new, edits) is None


def test_the_last_field_removed_leaves_the_blank_line() -> None:
    edits = [_edit("partners", [])]
    new = edited(TEXT, edits)
    assert new == TEXT.replace("    partners:\n      - x\n      - y\n", "")
    assert outside_change(TEXT, new, edits) is None


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Hội trường UBND xã", "Hội trường UBND xã"),
        ("yes", '"yes"'),
        ("Tại: nhà văn hóa", '"Tại: nhà văn hóa"'),
        ("3 thôn", '"3 thôn"'),
        ("[ghi chú]", '"[ghi chú]"'),
        ("a #1", '"a #1"'),
    ],
)
def test_new_text_is_quoted_when_the_strict_reader_would_misread_it(
    text: str, written: str
) -> None:
    new = edited(TEXT, [_edit("place", text, 1)])
    assert new.endswith(f"    title: Hai\n    place: {written}\n")


def test_long_folded_text_is_folded_at_spaces_within_the_width() -> None:
    text = TEXT.replace("    title: Một\n", "    title: >-\n      Một\n")
    title = " ".join(["chuyển đổi số"] * 30)
    new = edited(text, [_edit("title", title)])
    lines = new.split("    title: >-\n")[1].split("    partners:")[0].splitlines()
    assert len(lines) > 3 and all(len(line) <= WIDTH for line in lines)
    assert " ".join(line.strip() for line in lines) == title


def test_a_change_outside_the_edited_field_is_found() -> None:
    edits = [_edit("title", "Mới", 1)]
    new = edited(TEXT, edits).replace("# a comment at the top", "# changed")
    assert outside_change(TEXT, new, edits) == 1


def test_a_comment_the_writer_would_drop_is_found() -> None:
    text = TEXT.replace(
        "    title: Hai\n",
        '    title: Hai\n    when:\n      text: "từ 6/10"\n      # ghi chú\n'
        '      start: "06/10/2025"\n',
    )
    edits = [_edit("when.text", None, 1)]
    new = edited(text, edits)
    assert "# ghi chú" not in new  # ruamel keeps no comment before the first key left
    assert outside_change(text, new, edits) == text.splitlines().index("      # ghi chú") + 1
