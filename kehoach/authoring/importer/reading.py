"""A document → its lines of text and its tables, whatever it was saved as.

Plans arrive as text (.txt/.md, often OCR output), Word (.docx) and text PDF. Every reader
gives the same thing: the lines of the body in reading order and the tables as rows of cell
texts, so the recognisers never know the format. Anything that is not a readable plan stops
here with a message naming the file and what to do instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kehoach.authoring.importer.errors import ImportFailure

MAX_BYTES = 20 * 1024 * 1024
# A signed plan is a few dozen pages: 20 MB is far more than any text, .docx or text PDF of
# one; a bigger file is a scan, a bundle or the wrong file, and reading it would take minutes.
TEXT_SUFFIXES = (".txt", ".md")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Word (.doc), also encrypted .docx

Row = list[str]


@dataclass
class Source:
    """What the recognisers read: body lines (1-based source line numbers kept) and tables."""

    path: Path
    lines: list[str]
    tables: list[list[Row]] = field(default_factory=list)


def read_document(path: Path) -> Source:
    where = str(path)
    if not path.is_file():
        raise ImportFailure(where, "không tìm thấy tệp (file not found). Kiểm tra lại đường dẫn.")
    size = path.stat().st_size
    if size == 0:
        raise ImportFailure(where, "tệp rỗng (empty file). Hãy chọn đúng tệp văn bản kế hoạch.")
    if size > MAX_BYTES:
        raise ImportFailure(
            where,
            f"tệp quá lớn ({size // (1024 * 1024)} MB, tối đa {MAX_BYTES // (1024 * 1024)} MB). "
            "Một kế hoạch chỉ vài chục trang: có thể đây là bản quét hoặc nhầm tệp "
            "(file too large for a plan).",
        )
    suffix = path.suffix.lower()
    head = path.read_bytes()[:8]
    if suffix == ".doc" or head == OLE_MAGIC:
        raise ImportFailure(
            where,
            "tệp Word cũ (.doc) hoặc tệp Word có mật khẩu: không đọc được. Mở bằng Word, "
            "bỏ mật khẩu nếu có, rồi chọn Lưu thành (Save As) → .docx "
            "(old .doc or password-protected Word file: save it as .docx).",
        )
    if suffix in TEXT_SUFFIXES:
        return Source(path, _text_lines(path))
    if suffix == ".docx":
        from kehoach.authoring.importer.readdocx import read_docx

        return read_docx(path)
    if suffix == ".pdf":
        from kehoach.authoring.importer.readpdf import read_pdf

        return read_pdf(path)
    raise ImportFailure(
        where,
        f"không đọc được loại tệp \"{suffix or '(không đuôi)'}\": chỉ nhận .txt, .md, .docx và "
        ".pdf có lớp chữ (unsupported file type).",
    )


def _text_lines(path: Path) -> list[str]:
    data = path.read_bytes()
    # Notepad's "Unicode" is UTF-16 with its byte-order mark: read it, it is text.
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16").splitlines()
    if b"\x00" in data[:4096]:
        raise ImportFailure(
            str(path), "tệp không phải văn bản thuần (binary data). Hãy lưu văn bản thành "
            ".txt (UTF-8), .docx hoặc .pdf (not a text file)."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ImportFailure(
            str(path),
            f"tệp không ở bảng mã UTF-8 (byte {err.start}). Mở bằng Notepad/VS Code, chọn "
            "Lưu với bảng mã UTF-8 rồi chạy lại (save the file as UTF-8).",
        ) from None
    return text.splitlines()


def merged_cells(where: str) -> ImportFailure:
    # Why refuse merged cells: a merged cell stands for several rows or columns, and which
    # task or unit it belongs to is a guess; the clerk splits it in Word in a minute.
    return ImportFailure(
        where,
        "bảng có ô gộp (merged cells): không biết ô gộp thuộc nhiệm vụ nào. Trong Word, chọn "
        "ô gộp → Bố cục (Layout) → Tách ô (Split Cells), chép lại nội dung vào từng ô, rồi "
        "chạy lại (split the merged cells).",
    )
