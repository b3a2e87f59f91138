"""The version history of each plan file, from git: when it changed and what changed, field
by field (kehoach.source.plandiff).

It scales to thousands of plans with a fixed number of processes per folder: ONE ``git log
--raw`` gives, commit by commit (oldest first), the blob id of every version of every file and
its renames; ONE ``git cat-file --batch`` then reads the versions that are compared. Each
version is loaded leniently (YAML with every scalar a string, no schema): an old version
written for an older schema is still compared; one that is not a YAML mapping at all is said
to be "phiên bản không đọc được" and the next readable one is compared with the last readable
one. Without git history, or with only part of it (a shallow clone), the result is empty.
No MkDocs here: kehoach/adapter/publish.py calls it.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import threading
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

import yaml

from kehoach.source.changewords import Data
from kehoach.source.history import run_git
from kehoach.source.plandiff import Change, diff_plans

# C's loader when PyYAML has it: nationally, thousands of old versions are read.
_BaseLoader: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_TAGS = {
    yaml.ScalarNode: yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
}


class _Loader(_BaseLoader):  # type: ignore[misc]
    """The base loader (every scalar a string), told each node's tag at once: PyYAML's own
    resolver, called from C for every node, made reading 30% slower to the same result."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        return _TAGS[kind]


LOG_FORMAT = "--format=%x1e%H %cs"  # a record separator, the commit and its date
StepKind = Literal["created", "changed", "moved"]
SHALLOW = "--is-shallow-repository"


@dataclass(frozen=True)
class Revision:
    """One commit's change to one plan file."""

    date: dt.date  # the commit's date (committer's, as git log --format=%cs)
    commit: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Step:
    """One commit touching one file, as git log --raw says it."""

    date: dt.date
    commit: str
    kind: StepKind
    old_blob: str | None  # None: the file is new
    new_blob: str
    path: str  # relative to the repository root
    moved_from: str | None = None


def plan_revisions(folder: Path, wanted: Collection[Path]) -> dict[Path, tuple[Revision, ...]]:
    """{file: its revisions, oldest first} for the files of ``wanted`` (absolute paths) under
    ``folder``; {} when the folder has no git history."""
    try:
        # The root, then "true" in a shallow clone: that one shows every file as added by
        # its oldest commit, a false history.
        answer = run_git(folder, "rev-parse", "--show-toplevel", SHALLOW).splitlines()
        if answer[1:2] != ["false"] or not answer[0]:
            return {}
        top = answer[0]
        log = run_git(
            folder, "log", "--date-order", "--reverse", "-M", "--raw", "-z", "--no-abbrev",
            LOG_FORMAT, "--", ".",
        )  # fmt: skip
    except (OSError, subprocess.CalledProcessError, UnicodeDecodeError):
        return {}
    root = Path(top).resolve()
    keep = {p.resolve() for p in wanted}
    chains = {root / p: c for p, c in file_chains(log).items() if (root / p) in keep}
    if not chains:
        return {}
    try:
        return read_revisions(folder, chains)
    except (OSError, StopIteration):  # git stopped half-way: no history rather than no site
        return {}


def file_chains(log: str) -> dict[str, list[Step]]:
    """{path relative to the repository: the steps of its current file, oldest first}: a
    rename carries the file's earlier steps to its new path, a deletion drops them."""
    chains: dict[str, list[Step]] = {}
    for record in log.split("\x1e")[1:]:
        header, *fields = record.split("\0")
        commit, date_text = header.split()
        date = dt.date.fromisoformat(date_text)
        tokens = iter(fields)
        for token in tokens:
            meta = token.strip("\n")
            if not meta.startswith(":"):
                continue
            _modes_old, _mode_new, old_blob, new_blob, status = meta[1:].split()
            path = next(tokens)
            if status[0] in "RC":
                source, path = path, next(tokens)
            if status[0] == "D":
                chains.pop(path, None)
            elif status[0] in "AC":
                chains[path] = [Step(date, commit, "created", None, new_blob, path)]
            elif status[0] == "R":
                chain = chains.pop(source, [])
                chain.append(Step(date, commit, "moved", old_blob, new_blob, path, source))
                chains[path] = chain
            else:  # M, T: modified
                step = Step(date, commit, "changed", old_blob, new_blob, path)
                chains.setdefault(path, []).append(step)
    return chains


def wanted_blobs(chain: list[Step]) -> list[str]:
    """The versions of one file to read, in order, each once: before and after each step;
    none when nothing is compared (a file added and only moved since, as most plans are)."""
    blobs = dict.fromkeys(b for step in chain for b in (step.old_blob, step.new_blob) if b)
    return list(blobs) if len(blobs) > 1 else []


# The revisions of each chain of steps already read by this process: git's objects never
# change, and `mkdocs serve` rebuilds on every edit (nationally, reading every amended plan
# takes half a minute), so a rebuild reads only the files changed since.
_KNOWN: dict[tuple[Step, ...], tuple[Revision, ...]] = {}


def read_revisions(
    folder: Path, chains: dict[Path, list[Step]]
) -> dict[Path, tuple[Revision, ...]]:
    """Reads the versions with one ``git cat-file --batch``, a file's versions at a time (so
    only one plan's versions are in memory), and compares each with the one before it."""
    todo = {tuple(c): c for c in chains.values() if tuple(c) not in _KNOWN}
    requests = [b for chain in todo.values() for b in wanted_blobs(chain)]
    if requests:
        command = ["git", "-C", str(folder), "cat-file", "--batch"]
        with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE) as process:
            assert process.stdin is not None and process.stdout is not None
            # Written from a thread: the answers fill the output pipe while the requests go in.
            writer = threading.Thread(target=_write_requests, args=(process.stdin, requests))
            writer.start()
            blobs = _read_blobs(process.stdout)
            for key, chain in todo.items():
                versions = {sha: load_version(next(blobs)) for sha in wanted_blobs(chain)}
                _KNOWN[key] = revisions_of(chain, versions)
            writer.join()
    for key, chain in todo.items():
        if not wanted_blobs(chain):  # nothing to compare: no version read
            _KNOWN[key] = revisions_of(chain, {})
    return {path: _KNOWN[tuple(chain)] for path, chain in chains.items()}


def _write_requests(stdin: IO[bytes], requests: list[str]) -> None:
    with stdin:
        stdin.write("".join(f"{sha}\n" for sha in requests).encode("ascii"))


def _read_blobs(stdout: IO[bytes]) -> Iterator[bytes | None]:
    """The contents cat-file --batch answers, in the order asked; None for a missing one."""
    while header := stdout.readline():
        parts = header.split()
        if len(parts) != 3:  # "<sha> missing"
            yield None
            continue
        content = stdout.read(int(parts[2]))
        stdout.read(1)  # the newline after each content
        yield content


def load_version(content: bytes | None) -> Data | None:
    """One version as plan data, every scalar a string; None when it is not a YAML mapping."""
    if content is None:
        return None
    try:
        # The C parser's node tree, made plain here: PyYAML's constructor (in Python) would
        # take 2.4 times as long, and this loader makes every scalar a string anyway.
        node = yaml.compose(content.decode("utf-8-sig", errors="replace"), Loader=_Loader)
        data = _plain(node)
    except (yaml.YAMLError, RecursionError):  # RecursionError: an alias inside itself
        return None
    return data if isinstance(data, dict) else None


def _plain(node: yaml.Node | None) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        return {_key(key): _plain(value) for key, value in node.value}
    return None


def _key(node: yaml.Node) -> str:
    """A mapping key as text (a list or mapping as key, which no plan has, by its YAML)."""
    return str(node.value) if isinstance(node, yaml.ScalarNode) else yaml.serialize(node)


def revisions_of(chain: list[Step], versions: dict[str, Data | None]) -> tuple[Revision, ...]:
    """Each step of one file and what it changed: compared with the version before it in its
    commit's parent (two branches that changed the file are each compared with their own
    parent), or with the last readable version when that one cannot be read."""
    last: Data | None = None
    revisions = []
    for step in chain:
        data = versions.get(step.new_blob)
        before = versions.get(step.old_blob or "") or last
        revisions.append(Revision(step.date, step.commit, tuple(step_changes(step, before, data))))
        if data is not None:
            last = data
    return tuple(revisions)


def step_changes(step: Step, last: Data | None, data: Data | None) -> list[Change]:
    changes: list[Change] = []
    if step.kind == "created":
        changes.append(Change("created", "thêm kế hoạch vào dữ liệu"))
    if step.kind == "moved":
        moved = f"đổi tên, chuyển tệp từ {step.moved_from} thành {step.path}"
        changes.append(Change("moved", moved))
    if step.kind == "created" or step.old_blob == step.new_blob:
        return changes
    if data is None:
        changes.append(Change("unreadable", "phiên bản không đọc được"))
    elif last is None:
        changes.append(Change("field", "sửa lại tệp (phiên bản trước không đọc được)"))
    else:
        changes += diff_plans(last, data)
    return changes
