"""Writing the index's versioned files (kehoach.search.index) one after the other, as they are
made, never all held at once.

Their names hold a hash of all their contents (the version), known only once the last one is
made: each is written under a temporary name as soon as it is made, its text hashed and then
dropped, and all are renamed once the version is known. On the national set of three years
this keeps the indexing process from growing by the ~66 MB of shards' JSON held twice over
(every word's, then every shard's) with the lists around them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

SHARD_CHARS = 12_000  # ~3-4 KB gzip: a query for a place downloads a few of them
# Hidden, and never of the form "<version>-<n>.json": a browser never asks for one, and a
# temporary file cannot be taken for a written one.
PARTIAL_PREFIX = ".partial-"


def compact_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def cut_shards(encoded: Iterable[tuple[str, str]], firsts: list[str]) -> Iterator[str]:
    """Runs of ``encoded`` (word, its JSON) in order, each about SHARD_CHARS of JSON (a word
    larger alone), as JSON objects, each given as soon as it is full; the first word of each
    is appended to ``firsts``."""
    entries: list[str] = []
    size = 0
    for word, value in encoded:
        entry = f"{compact_json(word)}:{value}"
        if entries and size + len(entry) > SHARD_CHARS:
            yield "{" + ",".join(entries) + "}"
            entries, size = [], 0
        if not entries:
            firsts.append(word)
        entries.append(entry)
        size += len(entry)
    if entries:
        yield "{" + ",".join(entries) + "}"


class VersionedFiles:
    """Writes ``<kind>/<version>-<n>.json`` files of ``folder`` as their texts come (``add``),
    under temporary names until ``finish`` names them after the version. ``discard`` removes
    those not yet named (a failed write)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._digest = hashlib.sha256()
        self._pending: list[tuple[Path, str]] = []  # (temporary path, final name but version)
        self._counts: dict[str, int] = {}

    def add(self, kind: str, texts: Iterable[str]) -> None:
        """Writes each of ``texts`` as the next file of ``kind`` (its folder made even if there
        are none)."""
        (self.folder / kind).mkdir(parents=True, exist_ok=True)
        for text in texts:
            number = self._counts.get(kind, 0)
            data = text.encode("utf-8")
            # The version: the texts in the order written (the shards, then the metadata,
            # then the phrases), each followed by a NUL.
            self._digest.update(data)
            self._digest.update(b"\0")
            path = self.folder / kind / f"{PARTIAL_PREFIX}{number}.json"
            self._pending.append((path, f"-{number}.json"))
            path.write_bytes(data)
            self._counts[kind] = number + 1

    def finish(self) -> str:
        """Names the files after the version, and returns it: a hash of the files' contents, in
        their names, so that a new build's files never have an old build's names and a
        browser never mixes a cached file of one with the manifest of the other."""
        version = self._digest.hexdigest()[:12]
        while self._pending:  # from the last: each named is at once no longer pending
            path, suffix = self._pending[-1]
            os.replace(path, path.with_name(version + suffix))
            self._pending.pop()
        return version

    def discard(self) -> None:
        """Removes the files not yet named after the version."""
        for path, _ in self._pending:
            path.unlink(missing_ok=True)
        self._pending.clear()
