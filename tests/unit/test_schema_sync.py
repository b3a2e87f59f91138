"""The dataclasses of kehoach/model/ mirror the objects of the JSON Schemas.

The mapping from schema object to dataclass is written out here on purpose: a new object in a
schema, or a new field on either side, fails a test until both are brought into step.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

import pytest

from kehoach.model import plan as model
from kehoach.model import report
from kehoach.model.dates import PartialDate
from kehoach.source.schema import load_schema, resolve

# JSON Pointer of each object in its schema → the dataclass that holds it.
PLAN_OBJECTS: dict[str, type] = {
    "": model.Plan,
    "/properties/document": model.DocumentInfo,
    "/properties/locality": model.LocalityRef,
    "/properties/signer": model.Signer,
    "/properties/appendix": model.Appendix,
    "/$defs/reference": model.Reference,
    "/$defs/when": model.When,
    "/$defs/when/properties/peaks/items": model.Peak,
    "/$defs/unit": model.Unit,
    "/$defs/target": model.Target,
    "/$defs/detail": model.Detail,
    "/$defs/item": model.Item,
    "/$defs/appendix_row": model.AppendixRow,
    "/$defs/activity": model.Activity,
    "/$defs/assignment": model.Assignment,
    "/$defs/report": model.Report,
    "/$defs/section": model.Section,
    "/$defs/footnote": model.Footnote,
}
REGISTRY_OBJECTS: dict[str, type] = {
    "": model.Registry,
    "/properties/resources/items": model.Resource,
    "/properties/documents/items": model.CitedDocument,
    "/properties/former_units/items": model.FormerUnit,
}
REPORT_OBJECTS: dict[str, type] = {
    "": report.ProgressReport,
    "/properties/document": report.ReportDocument,
    "/properties/locality": model.LocalityRef,
    "/$defs/update": report.ActivityUpdate,
    "/$defs/figure": report.Figure,
    "/$defs/achieved": report.Achieved,
    "/$defs/evidence": report.Evidence,
}
CASES = [
    ("plan.schema.json", PLAN_OBJECTS),
    ("registry.schema.json", REGISTRY_OBJECTS),
    ("report.schema.json", REPORT_OBJECTS),
]
BY_CLASS = {cls for _schema, mapping in CASES for cls in mapping.values()}
# Dates (day, month or year) and the report's dates, always to the day: both PartialDate.
_DATE_PATTERNS = {
    load_schema("plan.schema.json")["$defs"]["date"]["pattern"],
    load_schema("report.schema.json")["$defs"]["day"]["pattern"],
}


def _field_key(name: str) -> str:
    """The schema key a dataclass field stands for: ``from_`` → ``from``."""
    return name.rstrip("_")


def _objects(node: Any, pointer: str = "") -> dict[str, dict[str, Any]]:
    """Every object schema (a mapping with "properties") anywhere in ``node``, by pointer."""
    found: dict[str, dict[str, Any]] = {}
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict) and node.get("type") == "object":
            found[pointer] = node
        for key, value in node.items():
            found.update(_objects(value, f"{pointer}/{key}"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.update(_objects(value, f"{pointer}/{index}"))
    return found


def _node(schema_name: str, pointer: str) -> dict[str, Any]:
    node: dict[str, Any] = load_schema(schema_name)
    for part in pointer.split("/")[1:]:
        node = node[part]
    return node


def _params() -> list[Any]:
    return [
        pytest.param(schema_name, pointer, cls, id=f"{schema_name}#{pointer}-{cls.__name__}")
        for schema_name, mapping in CASES
        for pointer, cls in mapping.items()
    ]


@pytest.mark.parametrize(("schema_name", "mapping"), CASES)
def test_every_schema_object_has_a_dataclass(schema_name: str, mapping: dict[str, type]) -> None:
    assert sorted(_objects(load_schema(schema_name))) == sorted(mapping)


@pytest.mark.parametrize(("schema_name", "pointer", "cls"), _params())
def test_field_names_match_properties(schema_name: str, pointer: str, cls: type) -> None:
    fields = [_field_key(f.name) for f in dataclasses.fields(cls)]
    assert sorted(fields) == sorted(_node(schema_name, pointer)["properties"]), cls.__name__


@pytest.mark.parametrize(("schema_name", "pointer", "cls"), _params())
def test_required_fields_have_no_default(schema_name: str, pointer: str, cls: type) -> None:
    required = set(_node(schema_name, pointer).get("required", ()))
    hints = typing.get_type_hints(cls)
    for fld in dataclasses.fields(cls):
        has_default = (
            fld.default is not dataclasses.MISSING or fld.default_factory is not dataclasses.MISSING
        )
        if _field_key(fld.name) in required:
            assert not has_default, f"{cls.__name__}.{fld.name} is required but has a default"
            assert not _optional(hints[fld.name]), f"{cls.__name__}.{fld.name} is Optional"
        else:
            # optional keys may be absent, so the field needs a default (None, (), False, …)
            assert has_default, f"{cls.__name__}.{fld.name} is optional but has no default"


@pytest.mark.parametrize(("schema_name", "pointer", "cls"), _params())
def test_field_types_match_schema_types(schema_name: str, pointer: str, cls: type) -> None:
    root = load_schema(schema_name)
    properties = _node(schema_name, pointer)["properties"]
    hints = typing.get_type_hints(cls)
    for fld in dataclasses.fields(cls):
        node = resolve(root, properties[_field_key(fld.name)])
        problem = _type_mismatch(root, node, _strip_none(hints[fld.name]))
        assert problem is None, f"{cls.__name__}.{fld.name}: {problem}"


def _optional(hint: Any) -> bool:
    return type(None) in typing.get_args(hint)


def _strip_none(hint: Any) -> Any:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0] if len(args) == 1 else hint
    return hint


def _type_mismatch(root: dict[str, Any], node: dict[str, Any], hint: Any) -> str | None:
    """None when ``hint`` can hold what ``node`` allows, else what is wrong."""
    if "enum" in node:
        values = typing.get_args(hint) if typing.get_origin(hint) is typing.Literal else ()
        return None if set(values) == set(node["enum"]) else f"Literal{node['enum']} != {hint}"
    kind = node.get("type")
    if kind == "array":
        if typing.get_origin(hint) is not tuple:
            return f"array needs tuple[..., ...], not {hint}"
        item = resolve(root, node["items"])
        return _type_mismatch(root, item, typing.get_args(hint)[0])
    if kind == "object":
        return None if hint in BY_CLASS else f"object needs a mapped dataclass, not {hint}"
    if kind == "string" and node.get("pattern") in _DATE_PATTERNS:
        return None if hint is PartialDate else f"date needs PartialDate, not {hint}"
    expected = {"string": str, "integer": int, "number": float, "boolean": bool}.get(str(kind))
    return None if hint is expected else f"{kind} needs {expected}, not {hint}"
