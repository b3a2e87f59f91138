"""Strict YAML reading that keeps where every value came from.

PyYAML alone would silently keep the last of two duplicate keys, turn ``no`` into False,
``010`` into 8 and ``1:30`` into 90, expand alias bombs and overflow the stack on deep
nesting. We compose the node graph ourselves and build plain Python values from it,
recording each problem with its line and column instead of raising on the first one.
What a single scalar becomes (text, number, true/false) is kehoach.source.yamlread.scalar's part.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from kehoach.source.problems import Problem
from kehoach.source.yamlread import messages as msg
from kehoach.source.yamlread.bytecheck import MAX_FILE_BYTES, check_bytes, too_big
from kehoach.source.yamlread.messages import MAX_DEPTH
from kehoach.source.yamlread.scalar import Mark, ScalarReader, is_plain, position

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "Document", "JsonPath", "load_file", "load_text"]

JsonPath = tuple[str | int, ...]

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


_NO_KEY = object()
_REFUSED = object()  # a value that was reported and is left out of the data


@dataclass
class _Frame:
    """An open mapping or sequence while events stream in."""

    container: dict[str, Any] | list[Any]
    path: JsonPath
    key: Any = _NO_KEY  # for a mapping: the key whose value comes next
    discard: bool = False  # the value now expected belongs to a refused key
    start: Mark = None  # where the mapping or sequence opens, for messages about it as a key
    first_seen: dict[str, int] = field(default_factory=dict)


class _Builder:
    """Builds plain data from parser events without recursion, collecting problems."""

    def __init__(self, path: str, text: str) -> None:
        self.doc = Document(path=path, data=None)
        self.problems: list[Problem] = []
        self.scalars = ScalarReader(text, self.problem_at)

    def problem(self, mark: Mark, message: str, severity: str = "error") -> None:
        self.problem_at(position(mark), message, severity)

    def problem_at(self, place: tuple[int, int], message: str, severity: str = "error") -> None:
        line, col = place
        self.problems.append(Problem(self.doc.path, line, col, message, severity))  # type: ignore[arg-type]

    def build(self, parser: Any) -> Any:
        """Consume one document's node events; return its value (None past MAX_DEPTH)."""
        stack: list[_Frame] = []
        while True:
            event = parser.get_event()
            if isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                closed = stack.pop()
                value: Any = closed.container
                mark = closed.start
            else:
                mark = event.start_mark
                if not isinstance(event, AliasEvent) and event.anchor is not None:
                    self.problem(event.start_mark, msg.ANCHOR)
                path = self._child_path(stack[-1]) if stack else ()
                if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                    if len(stack) >= MAX_DEPTH:
                        self.problem(event.start_mark, msg.TOO_DEEP)
                        return None
                    self._record(stack, path, event)
                    opened: dict[str, Any] | list[Any] = (
                        {} if isinstance(event, MappingStartEvent) else []
                    )
                    stack.append(_Frame(opened, path, start=event.start_mark))
                    continue
                value = self._leaf(stack, path, event)
            if not stack:
                return value
            self._attach(stack[-1], value, mark)

    def _child_path(self, frame: _Frame) -> JsonPath:
        if isinstance(frame.container, list):
            return (*frame.path, len(frame.container))
        if frame.key is _NO_KEY:
            return (*frame.path, "<key>")
        return (*frame.path, frame.key)

    def _record(self, stack: list[_Frame], path: JsonPath, event: Any) -> None:
        if stack and stack[-1].key is _NO_KEY and isinstance(stack[-1].container, dict):
            return  # keys are recorded when they are accepted
        self.doc.positions[path] = position(event.start_mark)
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and tag not in _STANDARD_TAGS:
            self.problem(event.start_mark, msg.tag_message(tag))

    def _leaf(self, stack: list[_Frame], path: JsonPath, event: Any) -> Any:
        if isinstance(event, AliasEvent):
            self.problem(event.start_mark, msg.ALIAS)
            return _REFUSED
        expecting_key = (
            bool(stack) and stack[-1].key is _NO_KEY and isinstance(stack[-1].container, dict)
        )
        if expecting_key:
            return _Key(self.scalars.normalise(event.value, event), event)
        self._record(stack, path, event)
        if event.tag not in (None, "!") and event.tag not in _STANDARD_TAGS:
            return _REFUSED
        return self.scalars.value(event)

    def _attach(self, frame: _Frame, value: Any, mark: Mark) -> None:
        # A refused value (alias, unknown tag) is left out rather than kept as a null, so
        # that the one message about it is not followed by confusing type errors.
        if isinstance(frame.container, list):
            if value is not _REFUSED:
                frame.container.append(value)
            return
        if frame.key is _NO_KEY:
            frame.key, frame.discard = self._accept_key(frame, value, mark)
            return
        if not frame.discard and value is not _REFUSED:
            frame.container[frame.key] = value
        frame.key, frame.discard = _NO_KEY, False

    def _accept_key(self, frame: _Frame, key: Any, mark: Mark) -> tuple[Any, bool]:
        if not isinstance(key, _Key):
            self.problem(mark, msg.BAD_KEY)
            return None, True
        if key.event.tag == "tag:yaml.org,2002:merge" or (is_plain(key.event) and key.text == "<<"):
            self.problem(mark, msg.MERGE_KEY)
            return None, True
        name, mark = key.text, key.event.start_mark
        if not name.strip():
            self.problem(mark, msg.EMPTY_KEY)
            return None, True
        if name in frame.first_seen:
            self.problem(mark, msg.duplicate(name, frame.first_seen[name]))
            return name, True
        frame.first_seen[name] = mark.line + 1
        self.doc.key_positions[(*frame.path, name)] = position(mark)
        return name, False


@dataclass(frozen=True)
class _Key:
    """A scalar met where a mapping expects a key."""

    text: str
    event: Any


def load_text(path: str, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """Parse one file's bytes. Returns the document (None if unusable) and all problems."""
    early = check_bytes(path, raw)
    if early:
        return None, early
    text = raw.decode("utf-8-sig")
    if not text.strip() or all(
        line.strip().startswith("#") or not line.strip() for line in text.splitlines()
    ):
        return None, [Problem(path, 1, 1, msg.EMPTY)]
    builder = _Builder(path, text)
    parser = _Parser(text)
    try:
        data, start_mark = _single_document(parser, builder)
    except yaml.MarkedYAMLError as exc:
        return None, [msg.syntax_problem(path, exc, text)]
    except yaml.reader.ReaderError as exc:  # a control character outside quotes
        return None, [msg.reader_problem(path, exc, text)]
    except yaml.YAMLError as exc:  # pragma: no cover - the parsers raise the two above
        return None, [Problem(path, 1, 1, f"Lỗi đọc YAML (YAML error): {exc}")]
    finally:
        parser.dispose()
    if data is _NOTHING or (data is None and not builder.problems):
        return None, [Problem(path, 1, 1, msg.EMPTY)]
    if data is None and any(p.message == msg.TOO_DEEP for p in builder.problems):
        return None, builder.problems
    builder.doc.data = data
    if not isinstance(data, dict):
        line, col = position(start_mark)
        builder.problems.append(Problem(path, line, col, msg.NOT_MAPPING))
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
    if data is None and builder.problems and builder.problems[-1].message == msg.TOO_DEEP:
        return None, start_mark
    parser.get_event()  # document end
    if not parser.check_event(StreamEndEvent):
        mark = parser.peek_event().start_mark
        builder.problem(mark, msg.MANY_DOCUMENTS)
    return data, start_mark


def load_file(path: Path, display: str | None = None) -> tuple[Document | None, list[Problem]]:
    shown = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Problem(shown, 1, 1, too_big(size))]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(shown, 1, 1, f"Không đọc được tệp ({exc.strerror}).")]
    return load_text(shown, raw)
