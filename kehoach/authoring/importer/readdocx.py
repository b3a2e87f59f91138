"""Word (.docx): paragraphs in order, one line each, and the tables as rows of cell texts."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from kehoach.authoring.importer.errors import ImportFailure
from kehoach.authoring.importer.reading import Row, Source, merged_cells
from kehoach.vietnamese import fold

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path) -> Source:
    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise ImportFailure(
            str(path),
            "tệp .docx bị hỏng hoặc không phải tệp Word. Mở lại bằng Word rồi lưu thành .docx "
            "(damaged or not a Word file).",
        ) from None
    lines: list[str] = []
    tables: list[list[Row]] = []
    for number, block in enumerate(document.iter_inner_content(), start=1):
        if isinstance(block, Paragraph):
            lines.extend(block.text.splitlines() or [""])
        elif _is_task_table(block):
            tables.append(_rows(path, block, number))
        else:
            lines.extend(_layout_lines(block))
    return Source(path, lines, tables)


def _is_task_table(table: Table) -> bool:
    """The appendix's table of tasks: a header row naming a "Nhiệm vụ" column."""
    first = table.rows[0] if table.rows else None
    return first is not None and any("nhiem vu" in fold(c.text) for c in first.cells)


def _layout_lines(table: Table) -> list[str]:
    """A table used for layout (the header's two columns: issuer and number on the left,
    motto, place and date on the right; "Nơi nhận" beside the signature): its cells' lines,
    row by row, left to right, each merged cell once."""
    found: list[str] = []
    for row in table.rows:
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            found.extend(line for line in cell.text.splitlines())
    return found


def _rows(path: Path, table: Table, number: int) -> list[Row]:
    for row_no, row in enumerate(table.rows, start=1):
        for tc in row._tr.tc_lst:
            props = tc.tcPr
            span = props.find(f"{_W}gridSpan") if props is not None else None
            vmerge = props.find(f"{_W}vMerge") if props is not None else None
            if (span is not None and span.get(f"{_W}val", "1") != "1") or vmerge is not None:
                raise merged_cells(f"{path} (bảng nhiệm vụ ở khối {number}, dòng {row_no})")
    return [[" ".join(cell.text.split()) for cell in row.cells] for row in table.rows]
