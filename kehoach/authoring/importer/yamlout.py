"""The draft as YAML a clerk reads: keys in the schema's order, long text folded at 100
columns, review notes as "# KIỂM TRA:" comments above the value they are about."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Any

from kehoach.authoring.fielddocs import yaml_value
from kehoach.authoring.importer.review import Note, Path
from kehoach.source.schema import resolve

WIDTH = 100
Schema = dict[str, Any]


@dataclass
class Writer:
    root: Schema
    notes: dict[Path, list[Note]]
    lines: list[str] = field(default_factory=list)
    where: dict[Path, int] = field(default_factory=dict)

    def mark(self, path: Path, indent: int) -> None:
        for note in self.notes.get(path, []):
            for i, part in enumerate(textwrap.wrap(note.message, WIDTH - indent - 14)):
                lead = "# KIỂM TRA: " if i == 0 else "#   "
                self.lines.append(" " * indent + lead + part)
        self.where[path] = len(self.lines) + 1

    def mapping(self, data: dict[str, Any], node: Schema, indent: int, path: Path,
                first_prefix: str | None = None) -> None:
        node = resolve(self.root, node)
        props: dict[str, Schema] = node.get("properties", {})
        keys = [k for k in props if k in data] + [k for k in data if k not in props]
        for n, key in enumerate(keys):
            prefix = first_prefix if (n == 0 and first_prefix is not None) else " " * indent
            if n == 0 and first_prefix is not None:
                self.where.setdefault((*path, key), len(self.lines) + 1)
            else:
                self.mark((*path, key), indent)
            self.entry(prefix + f"{key}:", data[key], props.get(key, {}), indent, (*path, key))

    def entry(self, head: str, value: Any, node: Schema, indent: int, path: Path) -> None:
        node = resolve(self.root, node)
        if isinstance(value, dict):
            self.lines.append(head)
            self.mapping(value, node, indent + 2, path)
        elif isinstance(value, list):
            self.sequence(head, value, node.get("items", {}), indent, path)
        else:
            self.scalar(head, value, indent)

    def sequence(self, head: str, values: list[Any], node: Schema, indent: int,
                 path: Path) -> None:
        flow = yaml_value(values)
        if all(isinstance(v, str) and len(v) < 80 and " " not in v for v in values) and (
            len(head) + len(flow) + 1 <= WIDTH
        ):
            self.lines.append(f"{head} {flow}")
            return
        self.lines.append(head)
        for index, value in enumerate(values):
            self.mark((*path, index), indent + 2)
            if isinstance(value, dict):
                self.mapping(value, node, indent + 4, (*path, index), " " * (indent + 2) + "- ")
            else:
                self.scalar(" " * (indent + 2) + "-", value, indent + 4, item=True)

    def scalar(self, head: str, value: Any, indent: int, item: bool = False) -> None:
        text = yaml_value(value)
        pad = " " * (indent if item else indent + 2)
        if not isinstance(value, str):
            self.lines.append(f"{head} {text}")
            return
        if "\n" in value:
            self.lines.append(f"{head} |-")
            self.lines += [pad + line if line else "" for line in value.split("\n")]
        elif len(head) + len(text) + 1 <= WIDTH:
            self.lines.append(f"{head} {text}")
        else:
            self.lines.append(f"{head} >-")
            wrapped = textwrap.wrap(value, WIDTH - len(pad), break_long_words=False,
                                    break_on_hyphens=False)
            self.lines += [pad + line for line in wrapped]


def to_yaml(data: dict[str, Any], root: Schema, notes: list[Note],
            schema_line: str) -> tuple[str, dict[Path, int]]:
    by_path: dict[Path, list[Note]] = {}
    for note in notes:
        by_path.setdefault(_existing(data, note.path), []).append(note)
    writer = Writer(root, by_path, [schema_line])
    writer.mapping(data, root, 0, ())
    return "\n".join(writer.lines) + "\n", writer.where


def _existing(data: Any, path: Path) -> Path:
    """The longest part of ``path`` the draft holds (a note about a missing field is shown
    at its parent; one about a missing top field at the plan's id)."""
    found: Path = ()
    for part in path:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            # (not merged with the branch above: the index types differ for the type checker)
            data = data[part]
        else:
            break
        found += (part,)
    return found or ("id",)
