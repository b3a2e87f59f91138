"""A Word file and a text PDF made from a seed text import to the same draft as the text;
a Word table of tasks is read as the appendix."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.authoring.importer import import_document
from tests.unit.importcases import CASES, FIXTURES, known
from tests.unit.importfiles import (
    docx_from_blocks,
    docx_from_lines,
    pdf_from_lines,
    pdf_with_table,
)

SEEDS = FIXTURES / "seeds"
SEED_FILES = ["000_49637099dbf7d4b9.txt", "001_1e0bf88b36d2dae9.txt"]


@pytest.mark.parametrize("seed", SEED_FILES)
def test_docx_and_pdf_of_a_seed_import_like_its_text(seed: str, tmp_path: Path) -> None:
    source = SEEDS / seed
    lines = source.read_text(encoding="utf-8").splitlines()
    plans = known()
    text = import_document(source, plans)
    word = import_document(docx_from_lines(lines, tmp_path / "ke-hoach.docx"), plans)
    pdf = import_document(pdf_from_lines(lines, tmp_path / "ke-hoach.pdf"), plans)
    assert len(text.data["activities"]) >= 6
    assert word.yaml == text.yaml
    assert pdf.yaml == text.yaml
    assert word.registry_yaml == text.registry_yaml == pdf.registry_yaml


APPENDIX_TABLE = [
    ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"],
    ["1", "Tổ chức Lễ phát động Ngày Chuyển đổi số quốc gia", "Phòng Văn hóa - Xã hội",
     "Công an xã", "06/10 - 10/10"],
    ["2", "Tổ chức các lớp tập huấn kỹ năng số cho người dân", "Phòng Văn hóa - Xã hội",
     "Đoàn Thanh niên", "Thường xuyên"],
    ["3", "Khảo sát tốc độ Internet trên địa bàn", "Phòng Kinh tế",
     "Các doanh nghiệp viễn thông", "Trong tháng 10/2025"],
]


def _appendix_lines() -> list[str]:
    lines = (CASES / "appendix" / "input.txt").read_text(encoding="utf-8").splitlines()
    return lines[: next(i for i, line in enumerate(lines) if line.startswith("TT "))]


def test_word_table_is_the_appendix(tmp_path: Path) -> None:
    """The appendix case with its rows in a real Word table: the same draft as the text."""
    word = docx_from_lines(_appendix_lines(), tmp_path / "phu-luc.docx", APPENDIX_TABLE)
    imported = import_document(word, known())
    assert imported.yaml == (CASES / "appendix" / "expected.yaml").read_text(encoding="utf-8")


def test_pdf_table_is_the_appendix(tmp_path: Path) -> None:
    pdf = pdf_with_table(_appendix_lines(), APPENDIX_TABLE, tmp_path / "phu-luc.pdf")
    imported = import_document(pdf, known())
    assert imported.yaml == (CASES / "appendix" / "expected.yaml").read_text(encoding="utf-8")


def test_word_layout_tables_are_read_as_text(tmp_path: Path) -> None:
    """A Word plan sets its header (issuer and number beside the motto, place and date) and its
    signature in borderless tables: read as lines, they give the same draft as the text."""
    case = CASES / "header"
    lines = (case / "input.txt").read_text(encoding="utf-8").splitlines()
    body = lines[3 : lines.index("TM. ỦY BAN NHÂN DÂN")]
    header = [["ỦY BAN NHÂN DÂN\nXÃ THẠCH HÀ\nSố:      /KH-UBND",
               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
               "Thạch Hà, ngày     tháng 10 năm 2025"]]
    signature = [["", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An"]]
    word = docx_from_blocks([header, *body, signature], tmp_path / "bang.docx")
    imported = import_document(word, known())
    assert imported.yaml == (case / "expected.yaml").read_text(encoding="utf-8")
