"""Typed model → plain data shaped by the JSON Schemas: the inverse of kehoach.source.convert.

Keys come out in the schema's order, dates as documents write them ("06/10/2025", "10/2025",
"2025"), and absent values (None, empty lists, ``ongoing: false``) are left out. So an export
validates against the published schema and ``convert.to_model`` turns it back into an equal
object. Walking the schema (rather than the dataclasses) keeps the key order and makes a model
field the schema does not know an error instead of a silent extra key.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from typing import Any

from kehoach.model.dates import PartialDate
from kehoach.model.plan import Plan, Registry
from kehoach.model.report import ProgressReport
from kehoach.source.schema import PLAN_SCHEMA, REGISTRY_SCHEMA, REPORT_SCHEMA, load_schema, resolve

Data = dict[str, Any]
Schema = dict[str, Any]
SEPARATORS = (",", ":")


def format_date(date: PartialDate) -> str:
    """The schema's written form: "06/10/2025", "10/2025" or "2025"."""
    if date.day is not None and date.month is not None:
        return f"{date.day:02d}/{date.month:02d}/{date.year}"
    if date.month is not None:
        return f"{date.month:02d}/{date.year}"
    return f"{date.year}"


def plan_data(plan: Plan) -> Data:
    """One plan as plans/*.yaml holds it (valid against schema/plan.schema.json)."""
    return _export(PLAN_SCHEMA, plan)


def registry_data(registry: Registry) -> Data:
    """The merged registry (valid against schema/registry.schema.json)."""
    return _export(REGISTRY_SCHEMA, registry)


def report_data(report: ProgressReport) -> Data:
    """One progress report as its bao-cao/*.yaml holds it (valid against
    schema/report.schema.json): one entry of ``activities`` per activity update."""
    return _export(REPORT_SCHEMA, report)


def to_json(data: Any) -> bytes:
    """Compact UTF-8 JSON, Vietnamese kept readable; the same input gives the same bytes.
    (Compact on purpose: indenting forces Python's slow encoder, minutes at national scale.)"""
    return (json.dumps(data, ensure_ascii=False, separators=SEPARATORS) + "\n").encode("utf-8")


def dataset_json(plans: Iterable[bytes], registry: bytes, reports: Iterable[bytes]) -> bytes:
    """``to_json({"plans": [...], "registry": {...}, "reports": [...]})`` from the parts
    already encoded (see dataset_chunks)."""
    return b"".join(dataset_chunks(plans, registry, reports))


def dataset_chunks(plans: Iterable[bytes], registry: bytes, reports: Iterable[bytes]
                   ) -> Iterator[bytes]:
    """dataset_json in pieces, each plan and report as it comes: the national data set
    (200 MB for three years) is written without being held whole."""
    yield b'{"plans":['
    yield from _joined(plans)
    yield b'],"registry":' + registry.rstrip(b"\n") + b',"reports":['
    yield from _joined(reports)
    yield b"]}\n"


def _joined(items: Iterable[bytes]) -> Iterator[bytes]:
    """The JSON values of ``items`` (each ends with a new line) separated by commas."""
    for number, item in enumerate(items):
        yield (b"," if number else b"") + item.rstrip(b"\n")


def _export(schema_name: str, obj: object) -> Data:
    root = load_schema(schema_name)
    return _object(root, _resolved(root, root), obj)


# Resolving "$ref" copies dictionaries; the schemas are loaded once (kehoach.source.schema caches
# them), so each node is resolved once and each dataclass is matched to its node once.
_RESOLVED: dict[int, tuple[Schema, Schema]] = {}
_LAYOUT: dict[tuple[type, int], list[tuple[str, str, Schema]]] = {}


def _resolved(root: Schema, node: Schema) -> Schema:
    found = _RESOLVED.get(id(node))
    if found is None or found[0] is not node:
        found = (node, resolve(root, node))  # keeps ``node`` alive, so its id stays unique
        _RESOLVED[id(node)] = found
    return found[1]


def _layout(root: Schema, node: Schema, cls: type) -> list[tuple[str, str, Schema]]:
    """(schema key, attribute, resolved sub-schema) in schema order, for ``cls`` at ``node``."""
    key = (cls, id(node))
    if key not in _LAYOUT:
        # Schema key → dataclass attribute ("from" is spelt from_ in Python).
        attributes = {f.name.rstrip("_"): f.name for f in dataclasses.fields(cls)}
        properties: Schema = node.get("properties", {})
        unknown = sorted(set(attributes) - set(properties))
        if unknown:
            raise ValueError(f"{cls.__name__}: fields missing from the schema: {unknown}")
        _LAYOUT[key] = [
            (k, attributes[k], _resolved(root, sub))
            for k, sub in properties.items()
            if k in attributes
        ]
    return _LAYOUT[key]


def _object(root: Schema, node: Schema, obj: object) -> Data:
    out: Data = {}
    for key, attribute, sub in _layout(root, node, type(obj)):
        value = getattr(obj, attribute)
        if value is None or value is False or value == ():
            continue
        out[key] = _value(root, sub, value)
    return out


def _value(root: Schema, node: Schema, value: Any) -> Any:
    if isinstance(value, PartialDate):
        return format_date(value)
    if isinstance(value, tuple):
        item = _resolved(root, node["items"]) if "items" in node else {}
        return [_value(root, item, v) for v in value]
    if dataclasses.is_dataclass(value):
        return _object(root, node, value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
