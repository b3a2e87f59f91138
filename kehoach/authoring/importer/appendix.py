"""The appendix: its title, its "Kèm theo …" line and the rows of its table of tasks, joined
to the body activity each row describes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kehoach.authoring.importer.outline import Lines
from kehoach.authoring.importer.reading import Row
from kehoach.authoring.importer.text import folded
from kehoach.authoring.importer.units import HEADS

_ROW_NUMBER = re.compile(r"^\d{1,2}$")
_TIME_AT_END = re.compile(
    r"(\d{1,2}/\d{1,2}(?:/\d{4})?\s*[-–]\s*\d{1,2}/\d{1,2}(?:/\d{4})?|Thường\s+xuyên"
    r"|(?:Trước|Trong|Tháng)\s[^\n]{1,25}\d{4})\s*$",
    re.IGNORECASE,
)
# In text taken from a PDF table the cells of a row come out line by line: the wide "task"
# column first, then the narrow unit columns. A unit cell starts on a short line beginning with
# a unit word ("Phòng Văn hóa -"); a long line is still the task even when it starts with one.
UNIT_LINE_MAX = 30


@dataclass
class AppendixRow:
    row: int
    task: str
    lead: str | None
    partners: str | None
    time: str | None
    line: int

    def data(self) -> dict[str, Any]:
        found: dict[str, Any] = {"row": self.row, "task": self.task}
        for key in ("lead", "partners", "time"):
            value = getattr(self, key)
            if value:
                found[key] = value
        return found


def appendix_head(lines: Lines) -> tuple[dict[str, str] | None, int]:
    """({"title", "note"}, index of the first line after them)."""
    if not lines:
        return None, 0
    title: list[str] = []
    note = None
    index = 1
    while index < len(lines):
        text = lines[index][1]
        if text.startswith("(") and "kem theo" in folded(text):  # also as OCR writes it
            note = text
            index += 1
            break
        if text.upper() != text:
            break
        title.append(text)
        index += 1
    if not title:
        return None, index
    head = {"title": " ".join(title)}
    if note:
        head["note"] = " ".join(note.split())
    return head, index


def rows_from_lines(lines: Lines) -> list[AppendixRow]:
    rows: list[AppendixRow] = []
    current: list[tuple[int, str]] = []
    expected = 1
    for number, text in lines:
        if _ROW_NUMBER.match(text) and int(text) == expected:
            if current:
                rows.append(_row(expected - 1, current))
            current, expected = [(number, "")], expected + 1
        elif current and not text.startswith("http"):
            current.append((number, text))
    if current:
        rows.append(_row(expected - 1, current))
    return rows


def _row(row: int, lines: list[tuple[int, str]]) -> AppendixRow:
    texts = [t for _n, t in lines if t]
    joined = "\n".join(texts)
    time = None
    found = _TIME_AT_END.search(joined)
    if found:
        time = " ".join(found.group(1).split())
        joined = joined[: found.start()].rstrip()
    cells: list[list[str]] = [[]]
    for text in joined.split("\n"):
        if cells[-1] and len(cells) < 3 and len(text) <= UNIT_LINE_MAX and _starts_unit(text):
            cells.append([])
        cells[-1].append(text)
    task, lead, partners = (join_cell(c) for c in [*cells, [], []][:3])
    return AppendixRow(row, task or "", lead or None, partners or None, time, lines[0][0])


def _starts_unit(text: str) -> bool:
    return any(text.startswith(h + " ") or text == h for h in HEADS)


def join_cell(cell: list[str]) -> str:
    """A cell's lines as one text: "Phòng Văn hóa -" and "Xã hội" → "Phòng Văn hóa - Xã hội",
    "505/QĐ-" and "TTg" → "505/QĐ-TTg"."""
    text = ""
    for part in cell:
        glue = "" if (text.endswith(("-", "/")) and not text.endswith(" -")) else " "
        text = f"{text}{glue}{part}" if text else part
    return " ".join(text.split())


def rows_from_table(table: list[Row]) -> list[AppendixRow]:
    """A Word table whose header names the columns (TT, Nhiệm vụ, chủ trì, phối hợp, Thời
    gian)."""
    if not table:
        return []
    header = [folded(c) for c in table[0]]

    def column(*words: str) -> int | None:
        return next((i for i, h in enumerate(header) if any(w in h for w in words)), None)

    task, lead = column("nhiem vu", "noi dung"), column("chu tri")
    partners, time = column("phoi hop"), column("thoi gian")
    rows: list[AppendixRow] = []
    for cells in table[1:]:
        def cell(at: int | None, cells: Row = cells) -> str | None:
            return cells[at] or None if at is not None and at < len(cells) else None

        if task is None or not cell(task):
            continue
        rows.append(AppendixRow(len(rows) + 1, cell(task) or "", cell(lead), cell(partners),
                                cell(time), 0))
    return rows


def is_task_table(table: list[Row]) -> bool:
    return bool(table) and any("nhiem vu" in folded(c) for c in table[0])


def similarity(a: str, b: str) -> float:
    """Share of the row's words found in the activity's text."""
    row_words = set(folded(a).split())
    words = set(folded(b).split())
    return len(row_words & words) / len(row_words) if row_words else 0.0
