"""JSON Schema validation turned into clerk-readable messages at the right line.

The schemas in schema/ are the single source of truth for fields: their titles, descriptions
and examples feed these messages, the field reference documentation and editors.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
from jsonschema.exceptions import ValidationError, best_match

from kehoach.problems import Problem
from kehoach.yamlload import Document, JsonPath

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
PLAN_SCHEMA = "plan.schema.json"
REGISTRY_SCHEMA = "registry.schema.json"


@cache
def load_schema(name: str) -> dict[str, Any]:
    with (SCHEMA_DIR / name).open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


@cache
def _validator(name: str) -> jsonschema.protocols.Validator:
    return jsonschema.Draft202012Validator(load_schema(name))


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
    for part in json_path:
        if isinstance(part, int):
            node = resolve(root, node.get("items", {}))
        else:
            name = part
            node = resolve(root, node.get("properties", {}).get(part, {}))
        # A list item without a title of its own is named by its list ("Khẩu hiệu").
        title = node.get("title", title if isinstance(part, int) else name)
    return FieldInfo(
        name=name,
        title=title,
        description=node.get("description", ""),
        examples=tuple(node.get("examples", ())),
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


@cache
def _fast_validator(name: str) -> jsonschema_rs.Validator:
    return jsonschema_rs.validator_for(load_schema(name))


def check_schema(doc: Document, schema_name: str) -> list[Problem]:
    # The compiled validator answers "valid?" in microseconds; only a file that fails pays
    # for python-jsonschema's slower walk, which gives the detail our messages need.
    if _fast_validator(schema_name).is_valid(doc.data):
        return []
    problems: list[Problem] = []
    for error in sorted(_validator(schema_name).iter_errors(doc.data), key=_order):
        problems.extend(_explain(doc, schema_name, error))
    return problems


def _order(error: ValidationError) -> tuple[str, ...]:
    return tuple(str(p) for p in error.absolute_path)


def _deepest(error: ValidationError) -> ValidationError:
    """For oneOf/anyOf failures, the sub-error that says most about what is wrong."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        candidate: ValidationError | None = best_match(error.context)
        if candidate is not None and candidate.validator not in ("not",):
            return candidate
    return error


_TYPE_NAMES = {
    "string": "chữ (đặt trong dấu ngoặc kép nếu là số, ngày hoặc mã)",
    "integer": "số nguyên",
    "number": "số",
    "boolean": "true hoặc false",
    "array": 'danh sách (mỗi mục một dòng bắt đầu bằng "- ")',
    "object": 'nhóm trường (các dòng "tên: giá trị" thụt lề bên dưới)',
    "null": "để trống",
}


_BARE_TYPE_NAMES = {
    "string": "chữ",
    "integer": "số nguyên",
    "number": "số",
    "boolean": "true/false",
    "array": "danh sách",
    "object": "nhóm trường",
    "null": "để trống",
}


def _actual_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def _example(info: FieldInfo) -> str:
    if not info.examples:
        return ""
    value = info.examples[0]
    shown = json.dumps(value, ensure_ascii=False) if not isinstance(value, int) else str(value)
    return f" Ví dụ: {info.name}: {shown}" if info.name else f" Ví dụ: {shown}"


def _explain(doc: Document, schema_name: str, error: ValidationError) -> list[Problem]:
    json_path = tuple(error.absolute_path)
    info = field_info(schema_name, json_path)
    if error.validator == "oneOf" and info.schema.get("properties", {}).keys() >= {
        "plan",
        "document",
    }:
        return [_at(doc, json_path, _ONE_REFERENCE)]
    error = _deepest(error)
    json_path = tuple(error.absolute_path)
    info = field_info(schema_name, json_path)
    label = f'"{info.name}" ({info.title})' if info.name else "Tệp"
    kind = error.validator
    expected: Any = error.validator_value
    if kind == "additionalProperties":
        return _unknown_fields(doc, schema_name, json_path, error)
    if kind == "required":
        missing = error.message.split("'")[1]
        sub = field_info(schema_name, (*json_path, missing))
        within = f" trong {label}" if info.name else ""
        message = (
            f'Thiếu trường bắt buộc "{missing}" ({sub.title}){within}.{_example(sub)}'
            f' (Missing required field "{missing}".)'
        )
        return [
            _at(doc, json_path, message, key=bool(json_path) and isinstance(json_path[-1], str))
        ]
    if kind == "type":
        expected = expected
        names = [expected] if isinstance(expected, str) else list(expected)
        wanted = " hoặc ".join(_TYPE_NAMES.get(n, n) for n in names)
        got = _BARE_TYPE_NAMES[_actual_type(error.instance)]
        message = f"{label} phải là {wanted}, không phải {got}.{_example(info)} (Wrong type.)"
        return [_at(doc, json_path, message)]
    if kind == "pattern" and str(expected).startswith("^https?://"):
        message = (
            f'{label}: "{error.instance}" không phải địa chỉ web. Chỉ dùng địa chỉ bắt đầu bằng '
            "https:// (hoặc http:// nếu văn bản gốc ghi như vậy), không có dấu cách. "
            "Ví dụ: https://binhdanhocvuso.gov.vn/ (Links must be http(s) URLs.)"
        )
        return [_at(doc, json_path, message)]
    if kind == "pattern":
        description = f" {info.description}" if info.description else ""
        message = (
            f'{label}: "{error.instance}" không đúng dạng.{description}{_example(info)}'
            " (Value does not match the expected format.)"
        )
        return [_at(doc, json_path, message)]
    if kind == "enum":
        allowed = ", ".join(str(v) for v in expected)
        close = difflib.get_close_matches(str(error.instance), [str(v) for v in expected], 1)
        hint = f' Có phải ý bạn là "{close[0]}"?' if close else ""
        message = f'{label}: "{error.instance}" không hợp lệ; chọn một trong: {allowed}.{hint}'
        return [_at(doc, json_path, message)]
    if kind == "minLength" or (kind == "minItems" and not error.instance):
        return [_at(doc, json_path, f"{label} không được để trống.{_example(info)} (Empty value.)")]
    if kind in ("maxLength", "maxItems"):
        return [_at(doc, json_path, f"{label} quá dài (tối đa {expected}). (Too long.)")]
    if kind in ("minimum", "maximum"):
        return [
            _at(
                doc,
                json_path,
                f"{label}: {error.instance} nằm ngoài giới hạn cho phép "
                f"({error.validator} {expected}).{_example(info)}",
            )
        ]
    return [_at(doc, json_path, f"{label}: giá trị không hợp lệ ({error.message}).")]


_ONE_REFERENCE = (
    'Mỗi mục viện dẫn ghi đúng một trong hai trường: "plan" (mã kế hoạch có trong plans/) '
    'hoặc "document" (mã văn bản trong plans/registry/). Ví dụ: '
    "{kind: implements, plan: ha-tinh-2025-ngay-cds}"
)


def _unknown_fields(
    doc: Document, schema_name: str, json_path: JsonPath, error: ValidationError
) -> list[Problem]:
    allowed = list(field_info(schema_name, json_path).schema.get("properties", {}))
    problems = []
    instance: dict[str, Any] = error.instance  # type: ignore[assignment]
    for key in instance:
        if key in allowed:
            continue
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f' Có phải ý bạn là "{close[0]}"?' if close else ""
        message = (
            f'Trường "{key}" không có trong mẫu dữ liệu.{hint} Các trường được phép ở đây: '
            f"{', '.join(allowed)}. (Unknown field.)"
        )
        problems.append(_at(doc, (*json_path, key), message, key=True))
    return problems


def _at(doc: Document, json_path: JsonPath, message: str, *, key: bool = False) -> Problem:
    line, column = doc.where(json_path, key=key)
    return Problem(doc.path, line, column, message)
