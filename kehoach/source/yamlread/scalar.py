"""The value of one YAML scalar, as kehoach.source.yamlread.load reads it: text unless it is
plainly a number, true/false or empty, with every trap and refused character reported.

YAML 1.1 (PyYAML's) reads ``no`` as False, ``010`` as 8 and ``1:30`` as 90; a clerk who
typed them meant text. Such a scalar stays text and is reported with what to write instead.
Text is also checked for characters nobody can see (kehoach.source.yamlread.invisible) and
brought to NFC, the form the site and the search compare.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable
from typing import Any

import yaml
from yaml.events import ScalarEvent
from yaml.nodes import ScalarNode

from kehoach.source.yamlread import messages as msg
from kehoach.source.yamlread.invisible import count_refused, first_refused, refused_message

Mark = Any  # yaml.error.Mark or libyaml's own Mark: both have line, column, index
# Where a problem is, its message and its severity ("error" or "warning").
Report = Callable[[tuple[int, int], str, str], None]

_DECIMAL_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_PLAIN_FLOAT = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")
_TRUE_FALSE = {"true": True, "false": False}
_RESOLVER = yaml.resolver.Resolver()


def position(mark: Mark) -> tuple[int, int]:
    """(line, column), counted from 1, of a parser mark."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def is_plain(event: Any) -> bool:
    """Unquoted, not a block scalar (libyaml says '' where PyYAML says None)."""
    return event.style in (None, "")


class ScalarReader:
    """Reads the scalars of one file (``text``), reporting problems through ``report``."""

    def __init__(self, text: str, report: Report) -> None:
        self.text = text  # the source, to find a refused character inside a scalar
        self.report = report
        self.nfd_reported = False  # text typed in NFD is reported once per file

    def value(self, event: ScalarEvent) -> Any:
        """The plain Python value of a scalar met where a value is expected."""
        text = self.normalise(event.value, event)
        if not is_plain(event) or not event.implicit[0]:
            return text  # quoted, block or explicitly tagged text
        tag = _RESOLVER.resolve(ScalarNode, event.value, (True, False))  # type: ignore[no-untyped-call]
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            if text in _TRUE_FALSE:
                return _TRUE_FALSE[text]
            self._trap(event, text, msg.BOOL_REASON, msg.BOOL_ADVICE)
            return text
        if tag == "tag:yaml.org,2002:int":
            if _DECIMAL_INT.match(text):
                return int(text)
            self._trap(event, text, *msg.int_trap_reason(text))
            return text
        if tag == "tag:yaml.org,2002:float":
            if _PLAIN_FLOAT.match(text):
                return float(text)
            self._trap(event, text, msg.float_trap_reason(text))
            return text
        return text  # str and timestamp stay text: dates are checked against their pattern

    def normalise(self, text: str, event: Any) -> str:
        """``text`` in NFC, after reporting the first refused character in it, if any."""
        refused = first_refused(text)
        if refused is not None:
            char = text[refused]
            self.report(self._find(char, event), refused_message(char, count_refused(text)),
                        "error")  # fmt: skip
        # Interned: plans repeat the same texts (unit names, duties, platforms, phrases of the
        # templates), which the model, and every page built from it, then share instead of
        # holding one copy per file (nationally ~110 MB less, in both processes of a parallel
        # build). An interned string is freed as any other once nothing refers to it.
        if text.isascii():
            return sys.intern(text)
        normal = unicodedata.normalize("NFC", text)
        if normal != text and not self.nfd_reported:
            self.nfd_reported = True
            self.report(position(event.start_mark), msg.NFD, "warning")
        return sys.intern(normal)

    def _trap(self, event: ScalarEvent, text: str, reason: str, extra: str = "") -> None:
        self.report(position(event.start_mark), msg.trap(text, reason, extra), "error")

    def _find(self, char: str, event: Any) -> tuple[int, int]:
        """Where ``char`` is typed inside a scalar: as itself, or as a double-quoted escape
        (\\u200b, \\x01); the scalar's start if it came some other way."""
        start, end = event.start_mark, event.end_mark
        source = self.text[start.index : end.index]
        code = ord(char)
        at = source.find(char)
        if at < 0:
            lowered = source.lower()
            escapes = (f"\\x{code:02x}", f"\\u{code:04x}", f"\\U{code:08x}".lower())
            at = min((i for i in map(lowered.find, escapes) if i >= 0), default=-1)
        if at < 0:
            return position(start)
        newlines = source.count("\n", 0, at)
        if not newlines:
            return start.line + 1, start.column + at + 1
        return start.line + 1 + newlines, at - source.rfind("\n", 0, at)
