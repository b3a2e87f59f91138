"""Strict YAML reading that keeps where every value came from.

PyYAML alone would silently keep the last of two duplicate keys, turn ``no`` into False,
``010`` into 8 and ``1:30`` into 90, expand alias bombs and overflow the stack on deep
nesting. We compose the node graph ourselves and build plain Python values from it,
recording each problem with its line and column instead of raising on the first one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode

from kehoach.problems import Problem

MAX_FILE_BYTES = 512 * 1024
MAX_DEPTH = 40

JsonPath = tuple[str | int, ...]
Mark = Any  # yaml.error.Mark or libyaml's own Mark: both have line, column, index

_DECIMAL_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_PLAIN_FLOAT = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")
_TRUE_FALSE = {"true": True, "false": False}
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
}


@dataclass
class Document:
    """A parsed file: plain data plus the position of every value and key in it."""

    path: str
    data: Any
    positions: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)

    def where(self, json_path: JsonPath, *, key: bool = False) -> tuple[int, int]:
        """The (line, column) of a value, or of its key; the nearest known parent otherwise."""
        table = self.key_positions if key else self.positions
        probe = tuple(json_path)
        while probe:
            if probe in table:
                return table[probe]
            if not key and probe in self.key_positions:
                return self.key_positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))


# libyaml's C parser is fifteen times faster than PyYAML's pure-Python one; we only consume
# its event stream, so the checks below behave the same with either.
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _pos(mark: Mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


_NO_KEY = object()
_REFUSED = object()  # a value that was reported and is left out of the data


@dataclass
class _Frame:
    """An open mapping or sequence while events stream in."""

    container: dict[str, Any] | list[Any]
    path: JsonPath
    key: Any = _NO_KEY  # for a mapping: the key whose value comes next
    discard: bool = False  # the value now expected belongs to a refused key
    first_seen: dict[str, int] = field(default_factory=dict)


class _Builder:
    """Builds plain data from parser events without recursion, collecting problems."""

    def __init__(self, path: str) -> None:
        self.doc = Document(path=path, data=None)
        self.problems: list[Problem] = []
        self.nfd_reported = False

    def problem(self, mark: Mark, message: str, severity: str = "error") -> None:
        line, col = _pos(mark)
        self.problems.append(Problem(self.doc.path, line, col, message, severity))  # type: ignore[arg-type]

    def build(self, parser: Any) -> Any:
        """Consume one document's node events; return its value (None past MAX_DEPTH)."""
        stack: list[_Frame] = []
        while True:
            event = parser.get_event()
            if isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                value: Any = stack.pop().container
            else:
                if not isinstance(event, AliasEvent) and event.anchor is not None:
                    self.problem(event.start_mark, _ANCHOR)
                path = self._child_path(stack[-1]) if stack else ()
                if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                    if len(stack) >= MAX_DEPTH:
                        self.problem(event.start_mark, _TOO_DEEP)
                        return None
                    self._record(stack, path, event)
                    opened: dict[str, Any] | list[Any] = (
                        {} if isinstance(event, MappingStartEvent) else []
                    )
                    stack.append(_Frame(opened, path))
                    continue
                value = self._leaf(stack, path, event)
            if not stack:
                return value
            self._attach(stack[-1], value, event)

    def _child_path(self, frame: _Frame) -> JsonPath:
        if isinstance(frame.container, list):
            return (*frame.path, len(frame.container))
        if frame.key is _NO_KEY:
            return (*frame.path, "<key>")
        return (*frame.path, frame.key)

    def _record(self, stack: list[_Frame], path: JsonPath, event: Any) -> None:
        if stack and stack[-1].key is _NO_KEY and isinstance(stack[-1].container, dict):
            return  # keys are recorded when they are accepted
        self.doc.positions[path] = _pos(event.start_mark)
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and tag not in _STANDARD_TAGS:
            self.problem(event.start_mark, _tag_message(tag))

    def _leaf(self, stack: list[_Frame], path: JsonPath, event: Any) -> Any:
        if isinstance(event, AliasEvent):
            self.problem(event.start_mark, _ALIAS)
            return _REFUSED
        expecting_key = (
            bool(stack) and stack[-1].key is _NO_KEY and isinstance(stack[-1].container, dict)
        )
        if expecting_key:
            return _Key(self._normalise(event.value, event.start_mark), event)
        self._record(stack, path, event)
        if event.tag not in (None, "!") and event.tag not in _STANDARD_TAGS:
            return _REFUSED
        return self._scalar(event)

    def _attach(self, frame: _Frame, value: Any, event: Any) -> None:
        # A refused value (alias, unknown tag) is left out rather than kept as a null, so
        # that the one message about it is not followed by confusing type errors.
        if isinstance(frame.container, list):
            if value is not _REFUSED:
                frame.container.append(value)
            return
        if frame.key is _NO_KEY:
            frame.key, frame.discard = self._accept_key(frame, value, event)
            return
        if not frame.discard and value is not _REFUSED:
            frame.container[frame.key] = value
        frame.key, frame.discard = _NO_KEY, False

    def _accept_key(self, frame: _Frame, key: Any, event: Any) -> tuple[Any, bool]:
        if (
            not isinstance(key, _Key)
            or key.event.tag == "tag:yaml.org,2002:merge"
            or (_is_plain(key.event) and key.text == "<<")
        ):
            self.problem(event.start_mark, _BAD_KEY)
            return None, True
        name, mark = key.text, key.event.start_mark
        if name in frame.first_seen:
            self.problem(mark, _duplicate(name, frame.first_seen[name]))
            return name, True
        frame.first_seen[name] = mark.line + 1
        self.doc.key_positions[(*frame.path, name)] = _pos(mark)
        return name, False

    def _scalar(self, event: ScalarEvent) -> Any:
        text = self._normalise(event.value, event.start_mark)
        if not _is_plain(event) or not event.implicit[0]:
            return text  # quoted, block or explicitly tagged text
        tag = _RESOLVER.resolve(ScalarNode, event.value, (True, False))  # type: ignore[no-untyped-call]
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            if text in _TRUE_FALSE:
                return _TRUE_FALSE[text]
            self._trap(
                event, text, "YAML 1.1 đọc giá trị này thành đúng/sai (true/false)", _BOOL_ADVICE
            )
            return text
        if tag == "tag:yaml.org,2002:int":
            if _DECIMAL_INT.match(text):
                return int(text)
            self._trap(event, text, *_int_trap_reason(text))
            return text
        if tag == "tag:yaml.org,2002:float":
            if _PLAIN_FLOAT.match(text):
                return float(text)
            self._trap(event, text, "YAML 1.1 đọc giá trị này thành một số khác")
            return text
        return text  # str and timestamp stay text: dates are checked against their pattern

    def _trap(self, event: ScalarEvent, text: str, reason: str, extra: str = "") -> None:
        self.problem(
            event.start_mark,
            f"Giá trị {text} không rõ nghĩa: {reason}. Nếu là chữ hoặc mã, đặt trong dấu ngoặc "
            f'kép: "{text}"{extra}. (YAML 1.1 would silently change {text}; quote it.)',
        )

    def _normalise(self, text: str, mark: Mark) -> str:
        if text.isascii():
            return text
        normal = unicodedata.normalize("NFC", text)
        if normal != text and not self.nfd_reported:
            self.nfd_reported = True
            self.problem(
                mark,
                "Văn bản có chữ tiếng Việt gõ ở dạng tổ hợp (không phải Unicode NFC); "
                "đã tự chuẩn hóa sang NFC. Nên lưu lại tệp ở dạng NFC (Unicode dựng sẵn). "
                "(Text was not NFC; it has been normalised.)",
                "warning",
            )
        return normal


@dataclass(frozen=True)
class _Key:
    """A scalar met where a mapping expects a key."""

    text: str
    event: Any


_RESOLVER = yaml.resolver.Resolver()


def _is_plain(event: Any) -> bool:
    """Unquoted, not a block scalar (libyaml says '' where PyYAML says None)."""
    return event.style in (None, "")


def _tag_message(tag: str) -> str:
    # Show the tag as the clerk typed it: "!!binary", not "tag:yaml.org,2002:binary".
    standard = tag.startswith("tag:yaml.org,")
    shown = "!!" + tag.removeprefix("tag:yaml.org,2002:") if standard else tag
    return (
        f'Không dùng thẻ YAML "{shown}". Xóa thẻ và viết giá trị bình thường. '
        "(YAML tags are not allowed.)"
    )


def _duplicate(name: str, first_line: int) -> str:
    return (
        f'Trường "{name}" bị lặp lại (đã có ở dòng {first_line}). Mỗi trường chỉ viết một '
        f'lần; gộp nội dung vào một chỗ. (Duplicate key "{name}".)'
    )


_BOOL_ADVICE = "; nếu là đúng/sai, viết true hoặc false"


def _int_trap_reason(text: str) -> tuple[str, str]:
    """Why YAML 1.1 would misread an integer-looking value, and extra advice if any."""
    digits = text.lstrip("+-")
    if ":" in text:
        return "YAML 1.1 đọc giá trị có dấu hai chấm này thành số (hệ 60, ví dụ 1:30 thành 90)", ""
    if digits[:2].lower() in ("0x", "0b", "0o"):
        return "YAML 1.1 đọc giá trị này thành số viết ở hệ khác (ví dụ 0x1F thành 31)", ""
    if digits.startswith("0"):
        reason = "YAML 1.1 bỏ số 0 ở đầu hoặc đọc thành số hệ 8 (ví dụ 010 thành 8)"
        return reason, "; nếu là số, bỏ số 0 ở đầu"
    return "YAML 1.1 đọc giá trị này thành một số khác", ""


def load_text(path: str, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """Parse one file's bytes. Returns the document (None if unusable) and all problems."""
    early = _check_bytes(path, raw)
    if early:
        return None, early
    text = raw.decode("utf-8-sig")
    if not text.strip() or all(
        line.strip().startswith("#") or not line.strip() for line in text.splitlines()
    ):
        return None, [Problem(path, 1, 1, _EMPTY)]
    builder = _Builder(path)
    parser = _Parser(text)
    try:
        data, start_mark = _single_document(parser, builder)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(path, exc, text)]
    except yaml.YAMLError as exc:  # pragma: no cover - the parsers raise marked errors
        return None, [Problem(path, 1, 1, f"Lỗi đọc YAML: {exc}")]
    finally:
        parser.dispose()
    if data is _NOTHING or (data is None and not builder.problems):
        return None, [Problem(path, 1, 1, _EMPTY)]
    if data is None and any(p.message == _TOO_DEEP for p in builder.problems):
        return None, builder.problems
    builder.doc.data = data
    if not isinstance(data, dict):
        line, col = _pos(start_mark)
        builder.problems.append(Problem(path, line, col, _NOT_MAPPING))
        return None, builder.problems
    return builder.doc, builder.problems


_NOTHING = object()


def _single_document(parser: Any, builder: _Builder) -> tuple[Any, Mark]:
    parser.get_event()  # stream start
    if parser.check_event(StreamEndEvent):
        return _NOTHING, None
    parser.get_event()  # document start
    start_mark = parser.peek_event().start_mark
    data = builder.build(parser)
    if data is None and builder.problems and builder.problems[-1].message == _TOO_DEEP:
        return None, start_mark
    parser.get_event()  # document end
    if not parser.check_event(StreamEndEvent):
        mark = parser.peek_event().start_mark
        builder.problem(mark, _MANY_DOCUMENTS)
    return data, start_mark


def load_file(path: Path, display: str | None = None) -> tuple[Document | None, list[Problem]]:
    shown = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Problem(shown, 1, 1, _too_big(size))]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(shown, 1, 1, f"Không đọc được tệp ({exc.strerror}).")]
    return load_text(shown, raw)


def _check_bytes(path: str, raw: bytes) -> list[Problem]:
    if len(raw) > MAX_FILE_BYTES:
        return [Problem(path, 1, 1, _too_big(len(raw)))]
    if b"\x00" in raw:
        at = raw.index(b"\x00")
        line = raw[:at].count(b"\n") + 1
        column = len(raw[raw.rfind(b"\n", 0, at) + 1 : at].decode("utf-8", "replace")) + 1
        return [Problem(path, line, column, _NUL)]
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return [Problem(path, line, col, _NOT_UTF8)]
    return []


def _syntax_problem(path: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    detail = f"{exc.context or ''} {exc.problem or ''}".strip()
    mark = exc.problem_mark or exc.context_mark
    if "quoted scalar" in detail and exc.context_mark is not None:
        mark = exc.context_mark  # the end of the file says nothing; the opening quote does
    line, col = _pos(mark)
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
    if "quoted scalar" in detail:
        return " Dấu ngoặc kép mở ở đây chưa được đóng: thêm dấu ngoặc kép ở cuối giá trị."
    if "mapping values are not allowed" in detail:
        return (
            ' Nếu giá trị có dấu hai chấm và dấu cách (": "), đặt cả giá trị trong dấu ngoặc kép.'
        )
    if "could not find expected ':'" in detail or "expected <block end>" in detail:
        return ' Kiểm tra thụt lề: các trường cùng cấp phải thẳng hàng, mỗi dòng "tên: giá trị".'
    return ""


def _too_big(size: int) -> str:
    return (
        f"Tệp quá lớn ({size // 1024} KB, tối đa {MAX_FILE_BYTES // 1024} KB). "
        "Tách thành nhiều kế hoạch hoặc rút gọn. (File too large.)"
    )


_EMPTY = (
    "Tệp trống. Một kế hoạch bắt đầu bằng các trường, ví dụ:\n"
    "  id: ha-tinh-thach-ha-2025-ngay-cds\n  title: Kế hoạch ...\n(Empty file.)"
)
_NOT_MAPPING = (
    'Nội dung tệp phải là các cặp "tên: giá trị" (ví dụ "id: ...", "title: ..."), '
    "không phải một danh sách hay một giá trị đơn. (Top level must be a mapping.)"
)
_NUL = "Tệp chứa ký tự NUL (byte 0): không phải tệp văn bản. Lưu lại dưới dạng UTF-8. (NUL byte.)"
_NOT_UTF8 = (
    "Tệp không phải mã UTF-8 (có thể lưu bằng mã Windows-1258 hoặc TCVN3). Mở bằng trình soạn "
    "thảo và lưu lại với mã UTF-8. (File is not UTF-8.)"
)
_TOO_DEEP = (
    f"Cấu trúc lồng nhau quá sâu (quá {MAX_DEPTH} cấp). Kiểm tra thụt lề và dấu ngoặc [ ] {{ }}. "
    "(Nesting too deep.)"
)
_MANY_DOCUMENTS = (
    'Mỗi tệp chỉ chứa một kế hoạch: xóa dòng "---" và phần phía sau, hoặc tách thành tệp '
    "khác. (Only one YAML document per file.)"
)
_BAD_KEY = (
    'Tên trường phải là một chữ đơn giản, ví dụ "title:". '
    '(Keys must be plain names; merge keys "<<" are not allowed.)'
)
_ANCHOR = "Không dùng neo YAML (&tên). Viết đầy đủ nội dung tại chỗ. (Anchors are not allowed.)"
_ALIAS = (
    "Không dùng tham chiếu YAML (*tên). Viết đầy đủ nội dung tại chỗ; để nhắc tới đơn vị hay "
    "hoạt động khác, dùng mã (id) của nó. (Aliases are not allowed.)"
)
