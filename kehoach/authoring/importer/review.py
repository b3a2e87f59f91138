"""The review list: what the importer is unsure of, tied to a place in the draft and to the
sentence of the source it came from."""

from __future__ import annotations

from dataclasses import dataclass, field

Path = tuple[str | int, ...]  # keys and list indexes from the draft's root


@dataclass(frozen=True)
class Note:
    path: Path
    message: str
    source: str | None = None
    source_line: int | None = None


@dataclass
class Review:
    notes: list[Note] = field(default_factory=list)

    def add(self, path: Path, message: str, source: str | None = None,
            source_line: int | None = None) -> None:
        self.notes.append(Note(path, message, source, source_line))


def shorten(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def review_lines(notes: list[Note], where: dict[Path, int], out: str, source: str) -> list[str]:
    """``OUT:line: what to check — «source sentence» (SOURCE:line)``, in draft order."""
    rows: list[tuple[int, str]] = []
    for note in notes:
        line = _line_of(note.path, where)
        text = f"{out}:{line}: {note.message}"
        if note.source:
            text += f" — «{shorten(note.source)}»"
        if note.source_line:
            text += f" ({source}:{note.source_line})"
        rows.append((line, text))
    return [text for _line, text in sorted(rows, key=lambda r: r[0])]


def _line_of(path: Path, where: dict[Path, int]) -> int:
    while path and path not in where:
        path = path[:-1]
    # A note about a field the draft does not hold is written above the plan's id.
    return where.get(path or ("id",), 1)
