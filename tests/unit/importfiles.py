"""Documents for the importer's tests, made here from text: Word files (python-docx) and
PDFs with a text layer, without one, or encrypted (fpdf2)."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from fpdf import FPDF

# fpdf2 ships no font with Vietnamese letters; DejaVu Sans (Debian's and Ubuntu's
# fonts-dejavu-core, present on the CI image) has them all.
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


Block = str | list[list[str]]  # a paragraph, or a table as rows of cell texts


def docx_from_blocks(blocks: list[Block], path: Path) -> Path:
    """Paragraphs and tables in the given order (a cell's lines split by newlines)."""
    document = Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        grid = document.add_table(rows=len(block), cols=len(block[0]))
        for r, row in enumerate(block):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    document.save(str(path))
    return path


def docx_from_lines(lines: list[str], path: Path,
                    table: list[list[str]] | None = None) -> Path:
    """One Word paragraph per line; ``table`` (rows of cells) added after them."""
    return docx_from_blocks([*lines, *([table] if table is not None else [])], path)


def docx_with_merged_cells(path: Path) -> Path:
    """A table of tasks whose first column merges two rows."""
    document = Document()
    document.add_paragraph("KẾ HOẠCH")
    grid = document.add_table(rows=3, cols=3)
    for c, text in enumerate(["TT", "Nhiệm vụ", "Đơn vị chủ trì"]):
        grid.cell(0, c).text = text
    grid.cell(1, 0).merge(grid.cell(2, 0))
    document.save(str(path))
    return path


def _pdf() -> FPDF:
    assert FONT.is_file(), f"{FONT} is needed (apt-get install fonts-dejavu-core)"
    pdf = FPDF(orientation="L", format="A3")
    pdf.add_font("dejavu", fname=str(FONT))
    pdf.set_font("dejavu", size=8)
    return pdf


def pdf_from_lines(lines: list[str], path: Path, *, password: str | None = None) -> Path:
    """One printed line per line of text (A3 across: no line wraps)."""
    pdf = _pdf()
    if password is not None:
        pdf.set_encryption(owner_password=password, user_password=password)
    pdf.add_page()
    for line in lines:
        pdf.cell(text=line.strip() or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def pdf_without_text(path: Path, pages: int = 2) -> Path:
    """What a scanner makes: pages of drawing (here boxes), no letters."""
    pdf = _pdf()
    for _ in range(pages):
        pdf.add_page()
        pdf.rect(20, 20, 200, 120, style="F")
    pdf.output(str(path))
    return path


def pdf_with_table(lines: list[str], rows: list[list[str]], path: Path, *,
                   span_second_row: bool = False) -> Path:
    """``lines``, then ``rows`` as a ruled table (its second row's first two cells merged
    when ``span_second_row``)."""
    pdf = _pdf()
    pdf.add_page()
    for line in lines:
        pdf.cell(text=line.strip() or " ", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(10, 90, 45, 45, 30), first_row_as_headings=False) as table:
        for index, cells in enumerate(rows):
            row = table.row()
            if span_second_row and index == 1:
                row.cell(" ".join(cells[:2]), colspan=2)
                cells = cells[2:]
            for text in cells:
                row.cell(text)
    pdf.output(str(path))
    return path
