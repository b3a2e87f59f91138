"""What kehoach.source.yamlread.load tells a clerk: every message of the strict YAML reader.

Each says what is wrong, at which place, and how to write it instead (Vietnamese first,
an English gloss in parentheses).
"""

from __future__ import annotations

from typing import Any

import yaml

from kehoach.source.problems import Problem, shown
from kehoach.source.yamlread.invisible import refused_message

MAX_DEPTH = 40


def tag_message(tag: str) -> str:
    # Show the tag as the clerk typed it: "!!binary", not "tag:yaml.org,2002:binary".
    standard = tag.startswith("tag:yaml.org,")
    typed = "!!" + tag.removeprefix("tag:yaml.org,2002:") if standard else tag
    return (
        f'Không dùng thẻ YAML "{shown(typed)}". Xóa thẻ và viết giá trị bình thường. '
        "(YAML tags are not allowed.)"
    )


def duplicate(name: str, first_line: int) -> str:
    return (
        f'Trường "{shown(name)}" bị lặp lại (đã có ở dòng {first_line}). Mỗi trường chỉ viết '
        f'một lần; gộp nội dung vào một chỗ. (Duplicate key "{shown(name)}".)'
    )


BOOL_REASON = "YAML 1.1 đọc giá trị này thành đúng/sai (true/false)"
BOOL_ADVICE = "; nếu là đúng/sai, viết true hoặc false"
FLOAT_REASON = "YAML 1.1 đọc giá trị này thành một số khác"
SPECIAL_FLOAT_REASON = "YAML 1.1 đọc giá trị này thành số vô cực hoặc “không phải số” (NaN)"


def float_trap_reason(text: str) -> str:
    special = text.lower().lstrip("+-") in (".inf", ".nan")
    return SPECIAL_FLOAT_REASON if special else FLOAT_REASON


def trap(text: str, reason: str, extra: str = "") -> str:
    value = shown(text)
    return (
        f"Giá trị {value} không rõ nghĩa: {reason}. Nếu là chữ hoặc mã, đặt trong dấu ngoặc "
        f'kép: "{value}"{extra}. (YAML 1.1 would silently change {value}; quote it.)'
    )


def int_trap_reason(text: str) -> tuple[str, str]:
    """Why YAML 1.1 would misread an integer-looking value, and extra advice if any."""
    digits = text.lstrip("+-")
    if ":" in text:
        return "YAML 1.1 đọc giá trị có dấu hai chấm này thành số (hệ 60, ví dụ 1:30 thành 90)", ""
    if digits[:2].lower() in ("0x", "0b", "0o"):
        return "YAML 1.1 đọc giá trị này thành số viết ở hệ khác (ví dụ 0x1F thành 31)", ""
    if digits.startswith("0"):
        reason = "YAML 1.1 bỏ số 0 ở đầu hoặc đọc thành số hệ 8 (ví dụ 010 thành 8)"
        return reason, "; nếu là số, bỏ số 0 ở đầu"
    if "_" in text:
        return "YAML 1.1 bỏ các dấu gạch dưới (1_000 thành 1000)", "; nếu là số, viết liền: 1000"
    return FLOAT_REASON, ""


def syntax_problem(path: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    detail = f"{exc.context or ''} {exc.problem or ''}".strip()
    mark = exc.problem_mark or exc.context_mark
    at_end = mark is not None and not text[mark.index :].strip()
    if at_end and exc.context_mark is not None:
        # The end of the file says nothing; the opening quote or bracket does.
        mark = exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    at_tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
    return Problem(
        path,
        line,
        col,
        f"Lỗi cú pháp YAML.{_syntax_hint(detail, at_tab)} (YAML syntax error: {detail})",
    )


def _syntax_hint(detail: str, at_tab: bool) -> str:
    if at_tab:
        return " Dùng dấu cách để thụt lề, không dùng phím Tab."
    if "Unicode character escape" in detail:
        return (
            " Mã \\u… (hoặc \\U…, \\x…) ở đây không phải một ký tự hợp lệ. Gõ thẳng ký tự cần "
            "viết, không dùng mã."
        )
    if "escape" in detail:
        return (
            " Trong dấu ngoặc kép, dấu \\ bắt đầu một mã đặc biệt (\\n, \\t…) và mã ở đây "
            "không hợp lệ. Viết \\\\ cho một dấu \\, hoặc đặt giá trị trong dấu ngoặc đơn: "
            "'D:\\Tai lieu\\KH.pdf'."
        )
    if "quoted scalar" in detail:
        return " Dấu ngoặc kép mở ở đây chưa được đóng: thêm dấu ngoặc kép ở cuối giá trị."
    if "flow sequence" in detail or "flow mapping" in detail:
        return (
            ' Dấu ngoặc "[" hoặc "{" mở ở đây chưa được đóng, hoặc thiếu dấu phẩy giữa các '
            'mục: viết [mục 1, mục 2], hoặc mỗi mục một dòng bắt đầu bằng "- ".'
        )
    if "mapping values are not allowed" in detail:
        return (
            ' Nếu giá trị có dấu hai chấm và dấu cách (": "), đặt cả giá trị trong dấu ngoặc kép.'
        )
    if any(
        s in detail
        for s in ("could not find expected ':'", "expected <block end>", "expected key")
    ):
        return (
            ' Kiểm tra thụt lề: các trường cùng cấp phải thẳng hàng, mỗi dòng "tên: giá trị" '
            "(tên trường không được để trống)."
        )
    return ""


def reader_problem(path: str, exc: Any, text: str) -> Problem:
    """A character the YAML reader refuses outright (a control character typed in the file,
    outside quotes). libyaml reads UTF-8 bytes: its position is a byte offset."""
    before = text.encode("utf-8")[: exc.position].decode("utf-8", "replace")
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    return Problem(path, line, column, refused_message(char))


EMPTY = (
    "Tệp trống. Một kế hoạch bắt đầu bằng các trường, ví dụ:\n"
    "  id: ha-tinh-thach-ha-2025-ngay-cds\n  title: Kế hoạch ...\n(Empty file.)"
)
NOT_MAPPING = (
    'Nội dung tệp phải là các cặp "tên: giá trị" (ví dụ "id: ...", "title: ..."), '
    "không phải một danh sách hay một giá trị đơn. (Top level must be a mapping.)"
)
TOO_DEEP = (
    f"Cấu trúc lồng nhau quá sâu (quá {MAX_DEPTH} cấp). Kiểm tra thụt lề và dấu ngoặc [ ] {{ }}. "
    "(Nesting too deep.)"
)
MANY_DOCUMENTS = (
    'Mỗi tệp chỉ chứa một kế hoạch: xóa dòng "---" và phần phía sau, hoặc tách thành tệp '
    "khác. (Only one YAML document per file.)"
)
BAD_KEY = (
    'Tên trường phải là một chữ đơn giản, ví dụ "title:", không phải một danh sách hay một '
    'nhóm trường. (Keys must be plain names.)'
)
MERGE_KEY = (
    'Không dùng khóa gộp YAML "<<". Viết thẳng từng trường tại đây, ví dụ '
    '"name: Công an xã". (YAML merge keys "<<" are not allowed.)'
)
EMPTY_KEY = (
    'Thiếu tên trường trước dấu hai chấm. Viết "tên: giá trị", ví dụ "title: Kế hoạch …". '
    "(Empty key.)"
)
ANCHOR = "Không dùng neo YAML (&tên). Viết đầy đủ nội dung tại chỗ. (Anchors are not allowed.)"
ALIAS = (
    "Không dùng tham chiếu YAML (*tên). Viết đầy đủ nội dung tại chỗ; để nhắc tới đơn vị hay "
    "hoạt động khác, dùng mã (id) của nó. (Aliases are not allowed.)"
)
NFD = (
    "Văn bản có chữ tiếng Việt gõ ở dạng tổ hợp (không phải Unicode NFC); "
    "đã tự chuẩn hóa sang NFC. Nên lưu lại tệp ở dạng NFC (Unicode dựng sẵn). "
    "(Text was not NFC; it has been normalised.)"
)
