"""The JSON Schemas of schema/ and what they say about each place in a document.

The schemas are the single source of truth for fields: their titles, descriptions and
examples feed the validator's messages (kehoach.source.schemacheck), the field reference
documentation and editors.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kehoach.source.yamlread.load import JsonPath

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"  # the project's schema/
PLAN_SCHEMA = "plan.schema.json"
REGISTRY_SCHEMA = "registry.schema.json"
REPORT_SCHEMA = "report.schema.json"


def reference_anchor(name: str) -> str:
    """The anchor of a schema's section in the field reference (docs/tham-chieu-truong.md,
    written by kehoach/authoring/fielddocs.py), which the open data page links to:
    "report-file" for report.schema.json."""
    return f"{name.removesuffix('.schema.json')}-file"


@cache
def load_schema(name: str) -> dict[str, Any]:
    with (SCHEMA_DIR / name).open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


@dataclass(frozen=True)
class FieldInfo:
    """What the schema says about one place in a document."""

    name: str
    title: str
    description: str
    examples: tuple[Any, ...]
    schema: dict[str, Any]


# Resolved subschemas by identity: walking every value of 3,355 plans would otherwise
# rebuild the same merged dicts. The entry keeps the key object alive, so its id cannot be
# reused by another dict while cached.
_RESOLVED: dict[int, tuple[dict[str, Any], dict[str, Any]]] = {}


def resolve(root: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Merge a local ``$ref`` target under the referring schema's own keywords."""
    if "$ref" not in schema:
        return schema
    cached = _RESOLVED.get(id(schema))
    if cached is not None and cached[0] is schema:
        return cached[1]
    target = root
    for part in schema["$ref"].removeprefix("#/").split("/"):
        target = target[part]
    merged = dict(resolve(root, target))
    merged.update({k: v for k, v in schema.items() if k != "$ref"})
    _RESOLVED[id(schema)] = (schema, merged)
    return merged


def field_info(schema_name: str, json_path: JsonPath) -> FieldInfo:
    root = load_schema(schema_name)
    node = resolve(root, root)
    name = ""
    title = ""
    list_examples: list[Any] = []
    for part in json_path:
        if isinstance(part, int):
            # An item is shown in its list's example ("resources: [binhdanhocvuso-gov-vn]"):
            # the generic id example of the item schema would name the wrong kind of thing.
            list_examples = node.get("examples", [])
            node = resolve(root, node.get("items", {}))
        else:
            name, list_examples = part, []
            node = resolve(root, node.get("properties", {}).get(part, {}))
        # A list item without a title of its own is named by its list ("Khẩu hiệu").
        title = node.get("title", title if isinstance(part, int) else name)
    return FieldInfo(
        name=name,
        title=title,
        description=node.get("description", ""),
        examples=tuple(list_examples or node.get("examples", ())),
        schema=node,
    )


def iter_schema_values(
    schema_name: str, data: Any, json_path: JsonPath = ()
) -> Iterator[tuple[JsonPath, Any, dict[str, Any]]]:
    """Every value in ``data`` with the (resolved) subschema that governs it."""
    root = load_schema(schema_name)
    yield from _walk(root, resolve(root, root), data, json_path)


def _walk(
    root: dict[str, Any], node: dict[str, Any], data: Any, json_path: JsonPath
) -> Iterator[tuple[JsonPath, Any, dict[str, Any]]]:
    yield json_path, data, node
    if isinstance(data, dict):
        props = node.get("properties", {})
        for key, value in data.items():
            if key in props:
                yield from _walk(root, resolve(root, props[key]), value, (*json_path, key))
    elif isinstance(data, list) and "items" in node:
        item = resolve(root, node["items"])
        for index, value in enumerate(data):
            yield from _walk(root, item, value, (*json_path, index))
