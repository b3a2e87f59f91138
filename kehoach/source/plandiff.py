"""What changed between two versions of a plan, field by field, as short Vietnamese phrases
("thêm hoạt động 2.3 «…»", "đổi thời gian hoạt động 1.1 từ 06/10–10/10/2025 thành …").

Pure: plan data in the schema's structure (a YAML file as loaded, or
kehoach.formats.export.plan_data) in, changes out. A small differ over the known structure
rather than a generic one (deepdiff): activities and units are matched by their ``id``, not
by position, and each kind of change needs its own words; field names are the schema's own
titles (schema/plan.schema.json), so a new field is named without touching this module.
Old versions may predate today's schema: every value is read defensively, an unknown field
is named by its key.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from kehoach.source.changewords import (
    Data,
    activity_name,
    as_text,
    in_sentence,
    is_short,
    measure_text,
    owned,
    quote,
    when_phrase,
)
from kehoach.source.schema import PLAN_SCHEMA, load_schema, resolve

ChangeKind = Literal[
    "field",  # a field of the header (document, title, theme, period, …) changed
    "unit_added",
    "unit_removed",
    "unit_renamed",
    "activity_added",
    "activity_removed",
    "activity_changed",  # one field of an activity: its time, lead, title, a target, …
    "activities_reordered",
    "layout",  # the file changed but not its data (comments, quoting, order of keys)
    # Said by kehoach.source.revisions, from git rather than from the data:
    "created",  # the file's first version
    "moved",  # the file renamed or moved
    "unreadable",  # a version that is not a YAML mapping
]
# Compared by their own rules below, not as header fields.
STRUCTURED = ("units", "activities")


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    text: str


def diff_plans(old: Data, new: Data) -> list[Change]:
    """Every change from ``old`` to ``new``, header first, then units, then activities."""
    changes = header_changes(old, new)
    changes += unit_changes(_units(old), _units(new))
    changes += activity_changes(old, new)
    return changes or [Change("layout", "sửa cách viết tệp, nội dung không đổi")]


def header_changes(old: Data, new: Data) -> list[Change]:
    props = _properties(_root())
    keys = [k for k in props if k not in STRUCTURED]
    keys += sorted(k for k in {*old, *new} if k not in props and k not in STRUCTURED)
    changes: list[Change] = []
    for key in keys:
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        node = resolve(_root(), props.get(key, {}))
        if key == "document" and isinstance(before, Mapping) and isinstance(after, Mapping):
            changes += _object_changes(node, before, after, "")
        else:
            changes.append(Change("field", field_phrase(node, key, before, after, "")))
    return changes


def _object_changes(node: dict[str, Any], old: Data, new: Data, owner: str) -> list[Change]:
    props = _properties(node)
    keys = [*props, *sorted(k for k in {*old, *new} if k not in props)]
    return [
        Change("field", field_phrase(_field(props, k), k, old.get(k), new.get(k), owner))
        for k in keys
        if old.get(k) != new.get(k)
    ]


def _field(props: dict[str, Any], key: str) -> dict[str, Any]:
    return resolve(_root(), props.get(key, {}))


def field_phrase(node: dict[str, Any], key: str, before: Any, after: Any, owner: str) -> str:
    """One changed field: "sửa số hiệu từ «a» thành «b»", "sửa nội dung hoạt động 2"."""
    label = owned(in_sentence(node.get("title") or key), owner)
    if _is_when(node) and (before is None or isinstance(before, Mapping)):
        return when_phrase(label, before, after)
    if is_short(before) and is_short(after):
        if before is None:
            return f"thêm {label}: {quote(after)}"
        if after is None:
            return f"bỏ {label} (trước là {quote(before)})"
        return f"đổi {label} từ {quote(before)} thành {quote(after)}"
    if before is None:
        return f"thêm {label}"
    if after is None:
        return f"bỏ {label}"
    return f"sửa {label}"


def unit_changes(old: dict[str, str], new: dict[str, str]) -> list[Change]:
    changes = [Change("unit_added", f"thêm đơn vị {quote(new[u])}") for u in new if u not in old]
    changes += [Change("unit_removed", f"bỏ đơn vị {quote(old[u])}") for u in old if u not in new]
    changes += [
        Change("unit_renamed", f"đổi tên đơn vị {quote(old[u])} thành {quote(new[u])}")
        for u in new
        if u in old and old[u] != new[u]
    ]
    return changes


def activity_changes(old: Data, new: Data) -> list[Change]:
    before, after = _activities(old), _activities(new)
    changes = [
        Change("activity_added", f"thêm {activity_name(a, with_title=True)}")
        for key, a in after.items()
        if key not in before
    ]
    changes += [
        Change("activity_removed", f"bỏ {activity_name(a, with_title=True)}")
        for key, a in before.items()
        if key not in after
    ]
    common = [key for key in after if key in before]
    if common != [key for key in before if key in after]:
        changes.append(Change("activities_reordered", "đổi thứ tự các hoạt động"))
    old_units, new_units = _units(old), _units(new)
    for key in common:
        changes += _one_activity(before[key], after[key], old_units, new_units)
    return changes


def _one_activity(
    old: Data, new: Data, old_units: dict[str, str], new_units: dict[str, str]
) -> list[Change]:
    node = resolve(_root(), _root()["$defs"]["activity"])
    props = _properties(node)
    name = activity_name(new, with_title=False)
    changes: list[Change] = []
    for key in [*props, *sorted(k for k in {*old, *new} if k not in props)]:
        before, after = old.get(key), new.get(key)
        if key in ("lead", "partners"):
            before, after = _unit_names(before, old_units), _unit_names(after, new_units)
        if before == after or key == "id":
            continue
        if key in ("lead", "partners"):
            text = _units_phrase(props[key], before, after, name)
        elif key == "label":
            titled = activity_name(new, with_title=True, numbered=False)
            text = f"đổi số thứ tự {titled} từ {quote(before)} thành {quote(after)}"
        elif key == "targets":
            changes += target_changes(before, after, name)
            continue
        else:
            text = field_phrase(_field(props, key), key, before, after, name)
        changes.append(Change("activity_changed", text))
    return changes


def _units_phrase(node: dict[str, Any], before: str | None, after: str | None, owner: str) -> str:
    """ "đổi đơn vị chủ trì hoạt động 3 từ «A» thành «B»": names quoted however long."""
    label = owned(in_sentence(node.get("title", "")), owner)
    if before is None or after is None:
        return f"thêm {label}: {quote(after)}" if before is None else f"bỏ {label} {quote(before)}"
    return f"đổi {label} từ {quote(before)} thành {quote(after)}"


def target_changes(old: Any, new: Any, owner: str) -> list[Change]:
    """Targets matched by their text: added, removed, or their measure changed."""
    before, after = _by_text(old), _by_text(new)
    added = [t for t in after if t not in before]
    removed = [t for t in before if t not in after]
    if len(added) == 1 and len(removed) == 1:  # one target reworded
        text = f"đổi chỉ tiêu {owner} từ {quote(removed[0])} thành {quote(added[0])}"
        return [Change("activity_changed", text)]
    changes = [Change("activity_changed", f"thêm chỉ tiêu {quote(t)} vào {owner}") for t in added]
    changes += [Change("activity_changed", f"bỏ chỉ tiêu {quote(t)} của {owner}") for t in removed]
    for text, target in after.items():
        if text in before and before[text] != target:
            was, now = measure_text(before[text]), measure_text(target)
            phrase = f"đổi mức chỉ tiêu {quote(text)} của {owner} từ {was} thành {now}"
            changes.append(Change("activity_changed", phrase))
    return changes


def _activities(plan: Data) -> dict[str, Data]:
    """Activities by id (by position when an old version has none), in their order."""
    items = plan.get("activities")
    if not isinstance(items, Sequence) or isinstance(items, str):
        return {}
    found: dict[str, Data] = {}
    for index, item in enumerate(items):
        if isinstance(item, Mapping):
            found.setdefault(as_text(item.get("id")) or f"#{index}", item)
    return found


def _units(plan: Data) -> dict[str, str]:
    items = plan.get("units")
    if not isinstance(items, Sequence) or isinstance(items, str):
        return {}
    return {
        as_text(u.get("id")): as_text(u.get("name")) or as_text(u.get("id"))
        for u in items
        if isinstance(u, Mapping) and as_text(u.get("id"))
    }


def _unit_names(ids: Any, units: dict[str, str]) -> str | None:
    """A lead or partners list as the names a reader knows ("Sở Tài chính, …")."""
    if not isinstance(ids, Sequence) or isinstance(ids, str) or not ids:
        return None
    return ", ".join(units.get(as_text(u), as_text(u)) for u in ids)


def _by_text(targets: Any) -> dict[str, Data]:
    if not isinstance(targets, Sequence) or isinstance(targets, str):
        return {}
    return {as_text(t.get("text")): t for t in targets if isinstance(t, Mapping)}


def _is_when(node: dict[str, Any]) -> bool:
    return set(_properties(node)) >= {"start", "end", "ongoing"}


def _properties(node: dict[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = node.get("properties", {})
    return props


def _root() -> dict[str, Any]:
    return load_schema(PLAN_SCHEMA)
