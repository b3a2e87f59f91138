"""A problem found in a data file, reported as ``path:line:col: message``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing a clerk must fix (error) or should know (warning), at a place in a file."""

    path: str
    line: int
    column: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        prefix = "cảnh báo (warning): " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}:{self.column}: {prefix}{self.message}"


class DataError(Exception):
    """Raised with every problem found, so that the caller can report them all at once."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def errors_only(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


SHOWN_MAX = 60


def shown(value: object, limit: int = SHOWN_MAX) -> str:
    """A value quoted in a message, cut short: an id or a key pasted with a whole page after
    it (hundreds of KB) must not be printed back in full, several times."""
    text = str(value)
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text)} ký tự)"
