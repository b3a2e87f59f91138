"""Edits written into a plan's YAML text, keeping its comments, key order and layout.

ruamel.yaml's round trip keeps comments, blank lines, quoting and the folding of ``>-``
text; the project's layout (two-space mappings, list items indented by four with the dash at
two) is set here. A changed value keeps the style of the one it replaces; a new field goes
where the schema orders it. Whatever the writer does, ``outside_change`` then compares the
two texts line by line: a line changed outside the edited fields refuses the whole edit.
"""

from __future__ import annotations

import difflib
import io
import re
from collections.abc import Sequence
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from kehoach.authoring.sheet.columns import Value
from kehoach.authoring.sheet.readback import Edit
from kehoach.source.schema import PLAN_SCHEMA, field_info

WIDTH = 96  # folded text is wrapped like the plans' own: lines of at most 96 characters
_RESERVED = re.compile(r"^(y|n|yes|no|on|off|true|false|null|~)$", re.IGNORECASE)
_PLAIN = re.compile(r"^[^\W\d_][^\n]*$")


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line the file already has
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load(text: str) -> Any:
    return _yaml().load(text)


def edited(text: str, edits: Sequence[Edit]) -> str:
    """The YAML text with every edit written in."""
    doc = load(text)
    for edit in edits:
        _write(doc["activities"][edit.index], ("activities", 0), edit.column.path, edit.value)
    out = io.StringIO()
    _yaml().dump(doc, out)
    return out.getvalue()


def _write(
    node: CommentedMap, where: tuple[str | int, ...], path: Sequence[str], value: Value
) -> None:
    key = path[0]
    if len(path) > 1:
        child = node.get(key)
        if child is None and not value:
            return
        if child is not None and not value and list(child) == [path[1]]:
            # Emptied whole ("when" with only a start): deleted from here, so that the blank
            # line after it moves to the previous field instead of going with it.
            _delete(node, key)
            return
        # A new block is filled before it is inserted, so that the comments moved after it
        # land after its last line, not between its key and its content.
        target = CommentedMap() if child is None else child
        _write(target, (*where, key), path[1:], value)
        if child is None:
            _insert(node, where, key, target)
        elif not child:
            _delete(node, key)  # a "when" left with nothing in it goes too
    elif not value:
        if key in node:
            _delete(node, key)
    elif isinstance(value, list):
        if isinstance(node.get(key), CommentedSeq):
            # The blank line after a block list is kept on its last item: it follows the
            # new last item. The list keeps its flow or block style.
            tail = _take_tail(node, key)
            node[key][:] = value
            _put_tail(node, key, tail)
        else:
            seq = CommentedSeq(value)
            seq.fa.set_flow_style()
            _insert(node, where, key, seq)
    elif key in node:
        node[key] = _styled(value, node[key], node.lc.key(key)[1] + 2)
    else:
        _insert(node, where, key, _styled(value, None, 0))


def _styled(text: str, old: object, indent: int) -> object:
    """The new text in the style of the value it replaces (plain when that is safe)."""
    if isinstance(old, FoldedScalarString) and "\n" not in text:
        folded = FoldedScalarString(text)
        folded.fold_pos = _folds(text, indent)
        return folded
    if "\n" in text:
        return LiteralScalarString(text)
    if isinstance(old, SingleQuotedScalarString):
        return SingleQuotedScalarString(text)
    if isinstance(old, DoubleQuotedScalarString) or not _plain_safe(text):
        return DoubleQuotedScalarString(text)
    return text


def _plain_safe(text: str) -> bool:
    """Text the strict reader reads back unchanged when written without quotes."""
    return (
        bool(_PLAIN.match(text))
        and not _RESERVED.match(text)
        and ": " not in text
        and " #" not in text
        and not text.endswith((":", " "))
    )


def _folds(text: str, indent: int) -> list[int]:
    """Where to fold a long line: at single spaces, lines of at most WIDTH characters."""
    folds: list[int] = []
    start, candidate = 0, -1
    for at, char in enumerate(text):
        if char == " " and 0 < at < len(text) - 1 and text[at - 1] != " " != text[at + 1]:
            if indent + at - start > WIDTH and candidate > start:
                folds.append(candidate)
                start = candidate + 1
            candidate = at
    if indent + len(text) - start > WIDTH and candidate > start:
        folds.append(candidate)
    return folds


def _order(where: tuple[str | int, ...]) -> list[str]:
    return list(field_info(PLAN_SCHEMA, where).schema.get("properties", {}))


def _insert(node: CommentedMap, where: tuple[str | int, ...], key: str, value: Any) -> None:
    order = _order(where)
    rank = order.index(key)
    keys = list(node)
    position = sum(1 for k in keys if k in order and order.index(k) < rank)
    node.insert(position, key, value)
    if position > 0:
        # Blank lines and comments after the previous field stay right before the next one.
        _move_tail(node, keys[position - 1], node, key)


def _delete(node: CommentedMap, key: str) -> None:
    keys = list(node)
    at = keys.index(key)
    if at > 0:
        _move_tail(node, key, node, keys[at - 1])
    del node[key]


def _tail(container: Any, key: Any) -> tuple[Any, Any, int]:
    """Where ruamel keeps the comment that follows ``container[key]``: on the last entry of
    a block value, else on the key itself (slot 2 for a mapping key, 0 for a list item)."""
    value = container[key]
    if isinstance(value, (CommentedMap, CommentedSeq)) and value and not value.fa.flow_style():
        return _tail(value, list(value)[-1] if isinstance(value, CommentedMap) else len(value) - 1)
    return container, key, 2 if isinstance(container, CommentedMap) else 0


def _move_tail(source: Any, source_key: Any, target: Any, target_key: Any) -> None:
    _put_tail(target, target_key, _take_tail(source, source_key))


def _take_tail(container: Any, key: Any) -> Any:
    holder, at, slot = _tail(container, key)
    entry = holder.ca.items.get(at)
    if not entry or entry[slot] is None:
        return None
    token, entry[slot] = entry[slot], None
    return token


def _put_tail(container: Any, key: Any, token: Any) -> None:
    if token is None:
        return
    holder, at, slot = _tail(container, key)
    entry = holder.ca.items.setdefault(at, [None, None, None, None])
    if entry[slot] is None:
        entry[slot] = token
    else:
        entry[slot].value += token.value


def outside_change(old: str, new: str, edits: Sequence[Edit]) -> int | None:
    """The first line (1-based) of ``old`` that ``new`` changes outside the edited fields of
    the edited activities, None when there is none."""
    doc = load(old)
    lines = old.splitlines(keepends=True)
    allowed: set[int] = set()
    inserts: set[int] = set()
    for edit in edits:
        activities = doc["activities"]
        item_line, item_col = activities.lc.item(edit.index)
        # The item's position is that of its first key; its entry starts at the dash before.
        dash = lines[item_line].rfind("-", 0, item_col)
        first, last = _span(lines, item_line, dash)
        inserts.update(range(first + 1, last + 2))
        activity = activities[edit.index]
        key = edit.column.path[0]
        if key in activity:
            line, col = activity.lc.key(key)
            allowed.update(range(line, _span(lines, line, col)[1] + 1))
    matcher = difflib.SequenceMatcher(None, lines, new.splitlines(keepends=True), autojunk=False)
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if tag == "insert" and i1 not in inserts:
            return i1 + 1
        if tag in ("replace", "delete"):
            for line in range(i1, i2):
                # A comment is never part of an edit, even inside the edited field: ruamel
                # may drop one it has no place for (before the first key of a block).
                if line not in allowed or lines[line].lstrip().startswith("#"):
                    return line + 1
    return None


def _span(lines: Sequence[str], line: int, col: int) -> tuple[int, int]:
    """(first, last) line of the entry starting at ``line``: what follows it indented deeper
    than ``col``, without the blank lines and comments after it."""
    last = line
    for at in range(line + 1, len(lines)):
        text = lines[at]
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if len(text) - len(text.lstrip(" ")) <= col:
            break
        last = at
    return line, last
