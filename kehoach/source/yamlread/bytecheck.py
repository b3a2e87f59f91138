"""A file's bytes checked before any YAML parsing: size, encoding, NUL bytes.

Each problem names the place a clerk can go to, counted in characters as editors count them
(line and column of the first bad byte), and says how to save the file again.
"""

from __future__ import annotations

from kehoach.source.problems import Problem

MAX_FILE_BYTES = 512 * 1024

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Enough bytes to recognise UTF-16 text without a BOM: YAML starts with ASCII ("id: …",
# "# …"), which UTF-16 writes as each character followed (LE) or preceded (BE) by a NUL.
_SNIFF = 64


def check_bytes(path: str, raw: bytes) -> list[Problem]:
    """The one problem that makes the bytes unreadable as a UTF-8 text file, if any."""
    if len(raw) > MAX_FILE_BYTES:
        return [Problem(path, 1, 1, too_big(len(raw)))]
    if _looks_utf16(raw):
        return [Problem(path, 1, 1, _UTF16)]
    if b"\x00" in raw:
        line, column = _place(raw, raw.index(b"\x00"))
        return [Problem(path, line, column, _NUL)]
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _place(raw, exc.start)
        return [Problem(path, line, column, _NOT_UTF8)]
    return []


def _looks_utf16(raw: bytes) -> bool:
    if raw[:2] in _UTF16_BOMS:
        return True
    head = raw[:_SNIFF]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    # Mostly NUL on one side and none on the other: (mostly ASCII) text written as UTF-16.
    return any(
        one.count(0) * 2 >= len(one) and 0 not in other
        for one, other in ((even, odd), (odd, even))
    )


def _place(raw: bytes, at: int) -> tuple[int, int]:
    """1-based (line, column) of byte ``at``; the column counts the characters before it
    (a Vietnamese letter is two or three bytes but one column in an editor)."""
    line_start = raw.rfind(b"\n", 0, at) + 1
    before = raw[line_start:at].decode("utf-8", "replace")
    return raw.count(b"\n", 0, at) + 1, len(before) + 1


def too_big(size: int) -> str:
    return (
        f"Tệp quá lớn ({size // 1024} KB, tối đa {MAX_FILE_BYTES // 1024} KB). "
        "Tách thành nhiều kế hoạch hoặc rút gọn. (File too large.)"
    )


_SAVE_AS_UTF8 = (
    'Mở tệp bằng trình soạn thảo và lưu lại với mã "UTF-8" (VS Code: bấm tên mã ở thanh '
    'dưới cùng → "Save with Encoding" → "UTF-8"; Notepad: File → Save As → Encoding: UTF-8).'
)
_UTF16 = (
    f"Tệp được lưu bằng mã UTF-16 (Notepad gọi là “Unicode”), không phải UTF-8. {_SAVE_AS_UTF8}"
    " (File is UTF-16; save it as UTF-8.)"
)
_NUL = (
    "Tệp chứa ký tự NUL (byte 0): không phải tệp văn bản. Lưu lại dưới dạng UTF-8. (NUL byte.)"
)
_NOT_UTF8 = (
    "Tệp không phải mã UTF-8 (có thể đã lưu bằng mã ANSI, Windows-1258, TCVN3 hoặc Latin-1). "
    f"{_SAVE_AS_UTF8} (File is not UTF-8.)"
)
