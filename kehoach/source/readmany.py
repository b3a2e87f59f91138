"""Many YAML files of one kind read and checked against their schema, in several processes.

Reading a file and checking its own shape (kehoach.source.yamlread, then JSON Schema and the
values the schema cannot check) is most of the time of loading a plans tree, and each file's
is independent of the others': a national tree of three years (~10,000 plans and ~8,000
reports) spent ~100 s in it on one core of a build that has two. What needs several files
(ids, references, reports against plans) comes after, in order, in the caller's process.

``read_files`` gives the files in the order of the paths, with the same documents and
problems whatever the number of workers (tests/unit/test_readmany.py).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from kehoach.source.checks import check_values
from kehoach.source.problems import Problem, errors_only
from kehoach.source.schemacheck import check_schema
from kehoach.source.yamlread.load import Document, load_file

# Fewer files are read in the caller's process: starting the workers would cost more.
PARALLEL_MIN_FILES = 200
_CHUNK = 32  # files handed to a worker at a time: few round trips, an even share


@dataclass
class ReadFile:
    """One file as read: its document (None if it could not be read) and its problems."""

    path: Path
    doc: Document | None
    problems: list[Problem]  # reading, then schema, then values, in this order
    schema_ok: bool  # no error among them: the data has the schema's shape


def read_file(path: Path, shown: str, schema: str, keep_positions: bool = True) -> ReadFile:
    """``path`` read (``shown`` in its messages) and checked against ``schema``. Without
    ``keep_positions``, a clean file's position table is dropped (positions only serve
    messages; kehoach.source.catalog parses the file again if a later check needs them)."""
    doc, found = load_file(path, shown)
    if doc is None:
        return ReadFile(path, None, found, False)
    # One message per place: a value the reader already refused (yes, 010, 1_000, an
    # invisible character…) is not also reported as "not a number" or "wrong format".
    refused = {(p.line, p.column) for p in errors_only(found)}
    problems = found + [p for p in check_schema(doc, schema) if (p.line, p.column) not in refused]
    problems += check_values(doc, schema)
    if not problems and not keep_positions:
        doc.positions, doc.key_positions = {}, {}
    return ReadFile(path, doc, problems, not errors_only(problems))


def read_files(paths: Sequence[Path], shown: Mapping[Path, str], schema: str, *,
               keep_positions: bool = True, workers: int = 1) -> Iterator[ReadFile]:
    """read_file of each path, in order, by ``workers`` processes when there are many."""
    jobs = [(path, shown[path]) for path in paths]
    read = partial(_read_job, schema=schema, keep_positions=keep_positions)
    if workers < 2 or len(jobs) < PARALLEL_MIN_FILES or not hasattr(os, "fork"):
        yield from map(read, jobs)
        return
    # "fork": the workers start at once with the modules and schemas already loaded; they
    # are made before any thread of the build and only read files.
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(read, jobs, chunksize=_CHUNK)


def _read_job(job: tuple[Path, str], schema: str, keep_positions: bool) -> ReadFile:
    return read_file(job[0], job[1], schema, keep_positions)
