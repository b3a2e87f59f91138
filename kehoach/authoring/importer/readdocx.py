"""Word (.docx): paragraphs in order, one line each, and the tables as rows of cell texts."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from kehoach.authoring.importer.errors import ImportFailure
from kehoach.authoring.importer.reading import Row, Source

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
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.extend(block.text.splitlines() or [""])
        else:
            tables.append(_rows(path, block, len(tables) + 1))
    return Source(path, lines, tables)


def _rows(path: Path, table: Table, number: int) -> list[Row]:
    # Why refuse merged cells: a merged cell stands for several rows or columns, and which
    # task or unit it belongs to is a guess; the clerk splits it in Word in a minute.
    for row_no, row in enumerate(table.rows, start=1):
        for tc in row._tr.tc_lst:
            props = tc.tcPr
            span = props.find(f"{_W}gridSpan") if props is not None else None
            vmerge = props.find(f"{_W}vMerge") if props is not None else None
            if (span is not None and span.get(f"{_W}val", "1") != "1") or vmerge is not None:
                raise ImportFailure(
                    f"{path} (bảng {number}, dòng {row_no})",
                    "bảng có ô gộp (merged cells): không biết ô gộp thuộc nhiệm vụ nào. Trong "
                    "Word, chọn ô gộp → Bố cục (Layout) → Tách ô (Split Cells), chép lại nội dung "
                    "vào từng ô, rồi chạy lại (split the merged cells).",
                )
    return [[" ".join(cell.text.split()) for cell in row.cells] for row in table.rows]
