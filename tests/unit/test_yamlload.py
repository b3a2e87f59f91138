"""kehoach.source.yamlread.load.load_text: strict reading, a position for every key and value."""

from __future__ import annotations

import itertools
import time
import unicodedata

import pytest

from kehoach.source.problems import Problem
from kehoach.source.yamlread.load import MAX_DEPTH, MAX_FILE_BYTES, Document, load_text

PLAN = """\
id: thach-ha-2025-thu
document:
  type: Kế hoạch
locality:
  province: "42"
slogans:
  - Chuyển đổi số
  - "10/10"
activities:
  - id: ra-quan
    when:
      start: "01/10/2025"
"""


def _load(text: str | bytes) -> tuple[Document | None, list[Problem]]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return load_text("ke-hoach.yaml", raw)


def _ok(text: str | bytes) -> Document:
    doc, problems = _load(text)
    assert problems == []
    assert doc is not None
    return doc


def _only_problem(text: str | bytes) -> tuple[Document | None, Problem]:
    doc, problems = _load(text)
    assert len(problems) == 1, problems
    return doc, problems[0]


# --- data and positions ------------------------------------------------------------------


def test_plain_data_comes_out() -> None:
    doc = _ok(PLAN)
    assert doc.data == {
        "id": "thach-ha-2025-thu",
        "document": {"type": "Kế hoạch"},
        "locality": {"province": "42"},
        "slogans": ["Chuyển đổi số", "10/10"],
        "activities": [{"id": "ra-quan", "when": {"start": "01/10/2025"}}],
    }
    assert doc.path == "ke-hoach.yaml"


def test_value_positions_are_one_based_line_and_column() -> None:
    doc = _ok(PLAN)
    assert doc.positions[()] == (1, 1)
    assert doc.positions[("id",)] == (1, 5)
    assert doc.positions[("document",)] == (3, 3)
    assert doc.positions[("document", "type")] == (3, 9)
    assert doc.positions[("locality", "province")] == (5, 13)  # the opening quote
    assert doc.positions[("slogans", 0)] == (7, 5)
    assert doc.positions[("slogans", 1)] == (8, 5)
    assert doc.positions[("activities", 0)] == (10, 5)
    assert doc.positions[("activities", 0, "when", "start")] == (12, 14)


def test_key_positions_are_recorded_separately() -> None:
    doc = _ok(PLAN)
    assert doc.key_positions[("id",)] == (1, 1)
    assert doc.key_positions[("document",)] == (2, 1)
    assert doc.key_positions[("document", "type")] == (3, 3)
    assert doc.key_positions[("activities", 0, "when")] == (11, 5)
    assert doc.key_positions[("activities", 0, "when", "start")] == (12, 7)
    assert all(isinstance(path[-1], str) for path in doc.key_positions)


def test_where_finds_values_keys_and_falls_back_to_the_nearest_parent() -> None:
    doc = _ok(PLAN)
    assert doc.where(("document", "type")) == (3, 9)
    assert doc.where(("document", "type"), key=True) == (3, 3)
    # A missing field is reported where its parent is.
    assert doc.where(("document", "number")) == (3, 3)
    assert doc.where(("activities", 0, "when", "end")) == (12, 7)
    assert doc.where(("activities", 0, "title"), key=True) == (9, 1)
    assert doc.where(("nowhere", 3, "x")) == (1, 1)
    assert doc.where(()) == (1, 1)


def test_positions_count_characters_not_bytes() -> None:
    text = 'locality: {name: Thạch Hà, ghi chú: Hà Tĩnh, province: "42"}\n'
    doc = _ok(text)
    assert doc.positions[("locality", "province")] == (1, text.index('"42"') + 1)
    assert doc.key_positions[("locality", "province")] == (1, text.index("province") + 1)


def test_positions_follow_a_leading_comment() -> None:
    doc = _ok("# chú thích\n\nid: a\n")
    assert doc.positions[()] == (3, 1)
    assert doc.positions[("id",)] == (3, 5)


def test_plain_scalars_keep_json_types_and_dates_stay_text() -> None:
    doc = _ok(
        "a: 2025\nb: -3\nc: 0.5\nd: true\ne: false\nf: ~\ng:\nh: 2025-10-06\n"
        "i: 06/10/2025\nj: \"yes\"\nk: '010'\nl: |\n  010\n"
    )
    assert doc.data == {
        "a": 2025,
        "b": -3,
        "c": 0.5,
        "d": True,
        "e": False,
        "f": None,
        "g": None,
        "h": "2025-10-06",
        "i": "06/10/2025",
        "j": "yes",
        "k": "010",
        "l": "010\n",
    }


# --- encodings and line endings ----------------------------------------------------------


def test_crlf_and_bom_give_the_same_data_and_positions() -> None:
    plain = _ok(PLAN)
    windows = _ok(b"\xef\xbb\xbf" + PLAN.replace("\n", "\r\n").encode("utf-8"))
    assert windows.data == plain.data
    assert windows.positions == plain.positions
    assert windows.key_positions == plain.key_positions
    assert "\r" not in repr(windows.data)


def test_nfd_text_is_normalised_to_nfc_with_one_warning() -> None:
    nfd = unicodedata.normalize("NFD", "title: Kế hoạch\nissuer: Ủy ban\nthời_gian: Tháng\n")
    doc, problems = _load(nfd)
    assert doc is not None
    assert doc.data == {"title": "Kế hoạch", "issuer": "Ủy ban", "thời_gian": "Tháng"}
    assert all(unicodedata.is_normalized("NFC", k + v) for k, v in doc.data.items())
    assert [(p.line, p.column, p.severity) for p in problems] == [(1, 8, "warning")]
    assert "NFC" in problems[0].message
    assert str(problems[0]).startswith("ke-hoach.yaml:1:8: cảnh báo (warning): ")


def test_nfc_text_gives_no_warning() -> None:
    assert (
        _ok("title: Kế hoạch Ngày Chuyển đổi số\n").data["title"] == "Kế hoạch Ngày Chuyển đổi số"
    )


@pytest.mark.parametrize(
    ("raw", "line", "column", "fragment"),
    [
        (b"id: a\ntitle: K\xea\xec hoa\xf2ch\n", 2, 9, "không phải mã UTF-8"),  # Windows-1258
        (b"id: a\ntitle: caf\xe9\n", 2, 11, "không phải mã UTF-8"),  # Latin-1
        (b"id: a\x00\n", 1, 6, "NUL"),
        (b"id: a\ntitle: b\n\x00", 3, 1, "NUL"),
    ],
)
def test_binary_input_is_refused_before_parsing(
    raw: bytes, line: int, column: int, fragment: str
) -> None:
    doc, problem = _only_problem(raw)
    assert doc is None
    assert (problem.line, problem.column) == (line, column)
    assert fragment in problem.message


def test_file_over_the_size_limit_is_refused_without_parsing() -> None:
    raw = b"id: a\n" + b"# " + b"x" * MAX_FILE_BYTES + b"\n"
    doc, problem = _only_problem(raw)
    assert doc is None
    assert (problem.line, problem.column) == (1, 1)
    assert "Tệp quá lớn" in problem.message
    assert f"tối đa {MAX_FILE_BYTES // 1024} KB" in problem.message


def test_file_at_the_size_limit_is_read() -> None:
    head = b"id: a\n"
    raw = head + b"#" * (MAX_FILE_BYTES - len(head) - 1) + b"\n"
    assert len(raw) == MAX_FILE_BYTES
    assert _ok(raw).data == {"id": "a"}


# --- YAML 1.1 traps ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "word", ["yes", "no", "Yes", "NO", "on", "off", "On", "OFF", "True", "FALSE"]
)
def test_yes_no_on_off_stay_text_and_are_reported(word: str) -> None:
    doc, problem = _only_problem(f"id: a\nongoing: {word}\n")
    assert doc is not None
    assert doc.data["ongoing"] == word
    assert (problem.line, problem.column) == (2, 10)
    assert f"Giá trị {word} không rõ nghĩa" in problem.message
    assert "đúng/sai" in problem.message
    assert f'"{word}"' in problem.message


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("010", "hệ 8"),
        ("01", "số 0 ở đầu"),
        ("017", "hệ 8"),
        ("1:30", "hệ 60"),
        ("7:30:00", "hệ 60"),
        ("1_000", "bỏ các dấu gạch dưới"),
        (".inf", "số vô cực"),
    ],
)
def test_numbers_yaml_1_1_would_change_stay_text_and_are_reported(text: str, reason: str) -> None:
    doc, problem = _only_problem(f"id: a\nlabel: {text}\n")
    assert doc is not None
    assert doc.data["label"] == text
    assert (problem.line, problem.column) == (2, 8)
    assert reason in problem.message
    assert f'"{text}"' in problem.message


@pytest.mark.parametrize("text", ['"010"', "'1:30'", '"yes"', '"01"', "|-\n  no"])
def test_quoted_or_block_values_are_plain_text(text: str) -> None:
    doc = _ok(f"id: a\nlabel: {text}\n")
    assert isinstance(doc.data["label"], str)


# --- structure -----------------------------------------------------------------------------


def test_duplicate_key_keeps_the_first_value_and_names_its_line() -> None:
    doc, problem = _only_problem("id: a\ntitle: một\nnote: x\ntitle: hai\n")
    assert doc is not None
    assert doc.data == {"id": "a", "title": "một", "note": "x"}
    assert (problem.line, problem.column) == (4, 1)
    assert 'Trường "title" bị lặp lại (đã có ở dòng 2)' in problem.message
    assert doc.key_positions[("title",)] == (2, 1)


def test_duplicate_nested_key_is_reported_at_its_own_place() -> None:
    doc, problem = _only_problem('locality:\n  province: "42"\n  province: "01"\n')
    assert doc is not None
    assert doc.data == {"locality": {"province": "42"}}
    assert (problem.line, problem.column) == (3, 3)


def test_same_key_in_sibling_mappings_is_not_a_duplicate() -> None:
    doc = _ok("units:\n  - id: a\n    name: A\n  - id: b\n    name: B\n")
    assert [u["id"] for u in doc.data["units"]] == ["a", "b"]


def test_alias_is_refused_and_nothing_is_expanded() -> None:
    doc, problems = _load("units:\n  - &u\n    id: a\n  - *u\n")
    assert doc is not None
    assert [(p.line, p.column) for p in problems] == [(2, 5), (4, 5)]
    assert "(Anchors are not allowed.)" in problems[0].message
    assert "(Aliases are not allowed.)" in problems[1].message
    # The refused alias leaves nothing behind: no copy of the anchored mapping, no null.
    assert doc.data["units"] == [{"id": "a"}]


def test_alias_bomb_finishes_fast_and_builds_nothing_big() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    letters = "abcdefghijklmnop"  # 16 levels: 9**15 strings if expanded
    for prev, cur in itertools.pairwise(letters):
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    started = time.perf_counter()
    doc, problems = _load("\n".join(lines) + "\n")
    elapsed = time.perf_counter() - started
    assert doc is not None
    assert elapsed < 5, elapsed  # generous; expansion would never finish
    assert doc.data["p"] == []  # every alias refused and left out, nothing expanded
    aliases = [p for p in problems if "Aliases" in p.message]
    anchors = [p for p in problems if "Anchors" in p.message]
    assert (len(anchors), len(aliases)) == (16, 15 * 9)


@pytest.mark.parametrize("merge", ["<<: {name: B}", "!!merge <<: {name: B}"])
def test_merge_key_is_refused_and_merges_nothing(merge: str) -> None:
    doc, problem = _only_problem(f"signer:\n  {merge}\n  lines: [x]\n")
    assert doc is not None
    assert doc.data == {"signer": {"lines": ["x"]}}
    assert (problem.line, problem.column) == (2, 3)
    assert 'merge keys "<<"' in problem.message


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('id: a\ntheme: !!python/object/apply:os.system ["true"]\n', 2, 8),
        ("id: a\ntheme: !!python/name:os.system ''\n", 2, 8),
        ("id: a\nclosing: !!binary aGVsbG8=\n", 2, 10),
        ("id: a\nslogans:\n  - !custom x\n", 3, 5),
        ("id: a\nsigner: !!python/object:x.Y\n  name: A\n", 2, 9),
    ],
)
def test_tags_are_refused_and_never_constructed(text: str, line: int, column: int) -> None:
    doc, problems = _load(text)
    tags = [p for p in problems if "(YAML tags are not allowed.)" in p.message]
    assert [(p.line, p.column) for p in tags] == [(line, column)]
    assert doc is not None
    assert "pwned" not in repr(doc.data)


def test_str_tag_is_allowed_and_keeps_the_text() -> None:
    assert _ok("label: !!str 010\n").data == {"label": "010"}


@pytest.mark.parametrize(
    ("value", "line"),
    [(" " + "[" * 10_000, 2), (" " + "{a: " * 10_000, 2), ("\n  " + "- " * 10_000 + "x", 3)],
)
def test_deep_nesting_is_reported_not_a_crash(value: str, line: int) -> None:
    doc, problem = _only_problem("id: a\nslogans:" + value + "\n")
    assert doc is None
    assert "quá sâu" in problem.message and str(MAX_DEPTH) in problem.message
    assert problem.line == line


def test_deep_block_nesting_is_reported_at_the_level_too_many() -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 5))
    doc, problem = _only_problem(text)
    assert doc is None
    # Level 1 is the file's own mapping, opened at k0; k{MAX_DEPTH} opens level MAX_DEPTH + 1.
    assert (problem.line, problem.column) == (MAX_DEPTH + 1, 2 * MAX_DEPTH + 1)


def test_nesting_up_to_the_limit_is_fine() -> None:
    doc = _ok("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n")
    depth, value = 0, doc.data["a"]
    while isinstance(value, list):
        depth, value = depth + 1, (value[0] if value else None)
    assert depth == MAX_DEPTH - 1  # with the file's own mapping: MAX_DEPTH levels


@pytest.mark.parametrize("text", ["", "\n\n", "   \n", "# chỉ có chú thích\n  # thụt lề\n"])
def test_empty_or_comment_only_file(text: str) -> None:
    doc, problem = _only_problem(text)
    assert doc is None
    assert (problem.line, problem.column) == (1, 1)
    assert problem.message.startswith("Tệp trống.")


@pytest.mark.parametrize("text", ["- id: a\n", "Kế hoạch\n", "2025\n", "[a, b]\n", "# x\n- a\n"])
def test_top_level_must_be_a_mapping(text: str) -> None:
    doc, problem = _only_problem(text)
    assert doc is None
    assert "(Top level must be a mapping.)" in problem.message


def test_second_document_is_reported_at_its_marker() -> None:
    doc, problem = _only_problem("id: a\n---\nid: b\n")
    assert (problem.line, problem.column) == (2, 1)
    assert "(Only one YAML document per file.)" in problem.message
    assert doc is not None and doc.data == {"id": "a"}


@pytest.mark.parametrize(
    ("text", "line", "column", "hint"),
    [
        ('id: a\nlocality:\n\tprovince: "42"\n', 3, 1, "không dùng phím Tab"),
        ("id: a\ntitle: Chuyển đổi số: gần dân\n", 2, 21, "đặt cả giá trị trong dấu ngoặc kép"),
        ("id: a\n  title: b\n", 2, 8, ""),
    ],
)
def test_syntax_error_is_one_problem_at_its_place(
    text: str, line: int, column: int, hint: str
) -> None:
    doc, problem = _only_problem(text)
    assert doc is None
    assert (problem.line, problem.column) == (line, column)
    assert problem.message.startswith("Lỗi cú pháp YAML.")
    assert hint in problem.message
    assert "(YAML syntax error: " in problem.message


def test_problems_print_as_path_line_column_message() -> None:
    _doc, problem = _only_problem("id: a\nid: b\n")
    assert str(problem).startswith('ke-hoach.yaml:2:1: Trường "id" bị lặp lại')
