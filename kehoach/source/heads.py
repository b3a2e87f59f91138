"""The id and the place of a plan file read from its first lines, without parsing it, and kept
while the file is unchanged.

A clerk's preview checks its plans against the ids of every other plan and needs to know where
those are, not what they say: ~10,000 files nationally, read in seconds the first time; a
``HeadCache`` kept by a ``mkdocs serve`` process reads again only the files whose size or
modification time changed, so that a save is rebuilt without reading the country again.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

Place = tuple[str, str | None]  # (province code, commune code or former unit, or None)
_LOCALITY_FIELD = re.compile(r"(province|commune|former_unit):\s*\"?([\w-]+)")


@dataclass(frozen=True)
class Head:
    plan_id: str | None  # its top-level ``id:``, None if none is written so
    place: Place | None  # None: no ``locality:`` block with a province found


def read_head(path: Path) -> Head:
    """The head of a plan file (a cheap scan: a file written otherwise counts as "somewhere",
    which only makes fewer of a preview's pages exact)."""
    plan_id: str | None = None
    fields: dict[str, str] = {}
    in_locality = False
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.startswith("id:"):
                plan_id = line[3:].strip().strip("\"'")
            elif line.startswith("locality:"):
                in_locality = True
                fields.update(_LOCALITY_FIELD.findall(line))
            elif in_locality and line.startswith((" ", "\t")):
                fields.update(_LOCALITY_FIELD.findall(line))
            elif in_locality:
                break
    if "province" not in fields:
        return Head(plan_id, None)
    return Head(plan_id, (fields["province"], fields.get("commune") or fields.get("former_unit")))


@dataclass
class HeadCache:
    """Heads by file, each with the (size, mtime in ns) it was read at."""

    _known: dict[Path, tuple[tuple[int, int], Head]] = field(default_factory=dict)

    def heads(self, paths: Iterable[Path]) -> dict[Path, Head]:
        """The heads of ``paths``; the cache keeps only these (a file gone is forgotten)."""
        known: dict[Path, tuple[tuple[int, int], Head]] = {}
        for path in paths:
            stat = os.stat(path)
            stamp = (stat.st_size, stat.st_mtime_ns)
            before = self._known.get(path)
            known[path] = before if before and before[0] == stamp else (stamp, read_head(path))
        self._known = known
        return {path: head for path, (_stamp, head) in known.items()}
