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
from yaml.events import AliasEvent, NodeEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kehoach.problems import Problem

MAX_FILE_BYTES = 512 * 1024
MAX_DEPTH = 40

JsonPath = tuple[str | int, ...]

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


class _DepthError(Exception):
    def __init__(self, mark: yaml.Mark | None) -> None:
        super().__init__("too deep")
        self.mark = mark


class _StrictLoader(yaml.SafeLoader):
    """Composer that refuses anchors and aliases and bounds nesting depth."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0
        self.refusals: list[tuple[yaml.Mark | None, str]] = []

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            self.get_event()
            self.refusals.append((event.start_mark, "alias"))
            return ScalarNode("tag:yaml.org,2002:null", "", event.start_mark, event.end_mark)
        if isinstance(event, NodeEvent) and event.anchor is not None:
            self.refusals.append((event.start_mark, "anchor"))
            event.anchor = None
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _DepthError(event.start_mark)
        try:
            return super().compose_node(parent, index)  # type: ignore[no-any-return]
        finally:
            self.depth -= 1


def _pos(mark: yaml.Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class _Builder:
    """Turns a composed node graph into plain data, collecting problems."""

    def __init__(self, path: str) -> None:
        self.doc = Document(path=path, data=None)
        self.problems: list[Problem] = []
        self.nfd_reported = False

    def problem(self, mark: yaml.Mark | None, message: str, severity: str = "error") -> None:
        line, col = _pos(mark)
        self.problems.append(Problem(self.doc.path, line, col, message, severity))  # type: ignore[arg-type]

    def build(self, node: Node, json_path: JsonPath) -> Any:
        self.doc.positions[json_path] = _pos(node.start_mark)
        if node.tag not in _STANDARD_TAGS:
            self.problem(
                node.start_mark,
                f"Không dùng thẻ YAML \"{node.tag}\". Xóa thẻ và viết giá trị bình thường. "
                "(YAML tags are not allowed.)",
            )
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, json_path)
        if isinstance(node, SequenceNode):
            return [self.build(child, (*json_path, i)) for i, child in enumerate(node.value)]
        return self._scalar(node, json_path)

    def _mapping(self, node: MappingNode, json_path: JsonPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(
                    key_node.start_mark,
                    "Tên trường phải là một chữ đơn giản, ví dụ \"title:\". "
                    "(Keys must be plain names; merge keys \"<<\" are not allowed.)",
                )
                continue
            key = self._normalise(key_node.value, key_node.start_mark)
            if key in first_seen:
                self.problem(
                    key_node.start_mark,
                    f"Trường \"{key}\" bị lặp lại (đã có ở dòng {first_seen[key]}). "
                    "Mỗi trường chỉ viết một lần; gộp nội dung vào một chỗ. "
                    f"(Duplicate key \"{key}\".)",
                )
                continue
            first_seen[key] = key_node.start_mark.line + 1
            self.doc.key_positions[(*json_path, key)] = _pos(key_node.start_mark)
            result[key] = self.build(value_node, (*json_path, key))
        return result

    def _scalar(self, node: ScalarNode, json_path: JsonPath) -> Any:
        text = self._normalise(node.value, node.start_mark)
        if node.style is not None:  # quoted or block scalars are always text
            return text
        tag = node.tag
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            if text in _TRUE_FALSE:
                return _TRUE_FALSE[text]
            self._trap(node, text, "YAML 1.1 đọc giá trị này thành đúng/sai (true/false)")
            return text
        if tag == "tag:yaml.org,2002:int":
            if _DECIMAL_INT.match(text):
                return int(text)
            self._trap(node, text, _int_trap_reason(text))
            return text
        if tag == "tag:yaml.org,2002:float":
            if _PLAIN_FLOAT.match(text):
                return float(text)
            self._trap(node, text, "YAML 1.1 đọc giá trị này thành một số khác")
            return text
        return text  # str and timestamp stay text: dates are checked against their pattern

    def _trap(self, node: ScalarNode, text: str, reason: str) -> None:
        self.problem(
            node.start_mark,
            f"Giá trị {text} không rõ nghĩa: {reason}. Nếu là chữ hoặc mã, đặt trong dấu "
            f"ngoặc kép: \"{text}\"; nếu là đúng/sai, viết true hoặc false. "
            f"(YAML 1.1 would silently change {text}; quote it.)",
        )

    def _normalise(self, text: str, mark: yaml.Mark | None) -> str:
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


def _int_trap_reason(text: str) -> str:
    if ":" in text:
        return "YAML 1.1 đọc giá trị có dấu hai chấm này thành số (hệ 60, ví dụ 1:30 thành 90)"
    if text.lstrip("+-").startswith("0"):
        return "YAML 1.1 bỏ số 0 ở đầu hoặc đọc thành số hệ 8 (ví dụ 010 thành 8)"
    return "YAML 1.1 đọc giá trị này thành một số khác"


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
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
    except _DepthError as exc:
        line, col = _pos(exc.mark)
        return None, [Problem(path, line, col, _TOO_DEEP)]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(path, exc)]
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors in practice
        return None, [Problem(path, 1, 1, f"Lỗi đọc YAML: {exc}")]
    finally:
        loader.dispose()
    for mark, what in loader.refusals:
        builder.problem(mark, _ANCHOR if what == "anchor" else _ALIAS)
    if node is None:
        return None, [Problem(path, 1, 1, _EMPTY)]
    builder.doc.data = builder.build(node, ())
    if not isinstance(builder.doc.data, dict):
        line, col = _pos(node.start_mark)
        builder.problems.append(Problem(path, line, col, _NOT_MAPPING))
        return None, builder.problems
    return builder.doc, builder.problems


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
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return [Problem(path, line, 1, _NUL)]
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return [Problem(path, line, col, _NOT_UTF8)]
    return []


def _syntax_problem(path: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = _pos(mark)
    detail = f"{exc.context or ''} {exc.problem or ''}".strip()
    hint = ""
    if "'\\t'" in detail or "\\t" in detail:
        hint = " Dùng dấu cách để thụt lề, không dùng phím Tab."
    elif "mapping values are not allowed" in detail:
        hint = " Nếu giá trị có dấu hai chấm và dấu cách (\": \"), đặt cả giá trị trong dấu ngoặc kép."
    elif "could not find expected ':'" in detail or "expected <block end>" in detail:
        hint = " Kiểm tra thụt lề: các trường cùng cấp phải thẳng hàng, mỗi dòng \"tên: giá trị\"."
    return Problem(
        path, line, col, f"Lỗi cú pháp YAML.{hint} (YAML syntax error: {detail})"
    )


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
    "Nội dung tệp phải là các cặp \"tên: giá trị\" (ví dụ \"id: ...\", \"title: ...\"), "
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
_ANCHOR = (
    "Không dùng neo YAML (&tên). Viết đầy đủ nội dung tại chỗ. (Anchors are not allowed.)"
)
_ALIAS = (
    "Không dùng tham chiếu YAML (*tên). Viết đầy đủ nội dung tại chỗ; để nhắc tới đơn vị hay "
    "hoạt động khác, dùng mã (id) của nó. (Aliases are not allowed.)"
)
