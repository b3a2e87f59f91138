"""Text PDF: the text layer, page by page, one line per printed line."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from kehoach.authoring.importer.appendix import join_cell
from kehoach.authoring.importer.errors import ImportFailure
from kehoach.authoring.importer.reading import Row, Source, merged_cells
from kehoach.vietnamese import fold

MIN_LETTERS_PER_PAGE = 20  # fewer: a scan whose pages are images (page numbers at most)


def read_pdf(path: Path) -> Source:
    try:
        with pdfplumber.open(str(path)) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
            found = [page.extract_tables() for page in pdf.pages]
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise _encrypted(path) from None
    except PdfminerException as err:
        if isinstance(err.args[0] if err.args else None, PDFPasswordIncorrect | PDFEncryptionError):
            raise _encrypted(path) from None
        raise _damaged(path) from None
    except (PDFSyntaxError, ValueError, KeyError, TypeError):
        raise _damaged(path) from None
    letters = sum(ch.isalpha() for text in pages for ch in text)
    if letters < MIN_LETTERS_PER_PAGE * max(1, len(pages)):
        raise ImportFailure(
            str(path),
            "PDF không có lớp chữ (bản quét, chỉ có hình ảnh): cần bản có lớp chữ / OCR trước. "
            "Xin bản .docx hoặc PDF gốc, hoặc nhận dạng chữ (OCR) rồi nhập tệp .txt "
            "(scanned PDF without a text layer: run OCR first).",
        )
    lines = [line for text in pages for line in text.splitlines()]
    return Source(path, lines, _task_tables(path, found))


Cells = list[list[str | None]]


def _task_tables(path: Path, pages: list[list[Cells]]) -> list[list[Row]]:
    """The tables of tasks (a header naming "Nhiệm vụ"), each continued over the next pages
    by the tables that go on with the same columns. The table's text also stays in the lines:
    the appendix rows are read from the table, the rest of the plan from the lines."""
    tables: list[list[Row]] = []
    for page_no, page in enumerate(pages, start=1):
        for table in page:
            if not table or not table[0]:
                continue
            header = " ".join(c or "" for c in table[0])
            if "nhiem vu" in fold(header):
                tables.append([])
            elif not (tables and len(table[0]) == len(tables[-1][0])):
                continue
            for row_no, row in enumerate(table, start=1):
                if any(cell is None for cell in row):
                    raise merged_cells(f"{path} (trang {page_no}, bảng nhiệm vụ, dòng {row_no})")
                tables[-1].append([join_cell(str(cell).splitlines()) for cell in row])
    return tables


def _encrypted(path: Path) -> ImportFailure:
    return ImportFailure(
        str(path),
        "PDF được mã hóa, có mật khẩu: không đọc được. Xin bản không mật khẩu, hoặc mở bằng "
        "trình đọc PDF và in ra PDF mới (encrypted PDF).",
    )


def _damaged(path: Path) -> ImportFailure:
    return ImportFailure(
        str(path), "tệp PDF bị hỏng hoặc không phải PDF (damaged or not a PDF file)."
    )
