"""JSON Schema validation turned into clerk-readable messages at the right line.

Every message names the field by its key and its Vietnamese title (from the schema), says
what was expected and, where the schema has one, gives an example to copy.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from functools import cache
from typing import Any

import jsonschema
import jsonschema_rs
from jsonschema.exceptions import ValidationError, best_match

from kehoach.source.problems import Problem, shown
from kehoach.source.schema import FieldInfo, field_info, load_schema
from kehoach.source.yamlread.load import Document, JsonPath


@cache
def _fast_validator(name: str) -> jsonschema_rs.Validator:
    return jsonschema_rs.validator_for(load_schema(name))


@cache
def _validator(name: str) -> jsonschema.protocols.Validator:
    return jsonschema.Draft202012Validator(load_schema(name))


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


# A link that would be accepted if its scheme had no capitals ("HTTPS://", "Http://").
_ANY_CASE_LINK = re.compile(r"^(https?)://\S+$", re.IGNORECASE)
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


def example(info: FieldInfo) -> str:
    if not info.examples:
        return ""
    value = info.examples[0]
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, int) else str(value)
    return f" Ví dụ: {info.name}: {text}" if info.name else f" Ví dụ: {text}"


def label(info: FieldInfo) -> str:
    return f'"{info.name}" ({info.title})' if info.name else "Tệp"


@cache
def _slug_pattern() -> str:
    return str(load_schema("plan.schema.json")["$defs"]["slug"]["pattern"])


Explainer = Callable[[ValidationError, FieldInfo], str]


def _required(error: ValidationError, info: FieldInfo, schema_name: str) -> str:
    missing = error.message.split("'")[1]
    sub = field_info(schema_name, (*tuple(error.absolute_path), missing))
    within = f" trong {label(info)}" if info.name else ""
    return (
        f'Thiếu trường bắt buộc "{missing}" ({sub.title}){within}.{example(sub)}'
        f' (Missing required field "{missing}".)'
    )


def _type(error: ValidationError, info: FieldInfo) -> str:
    expected: Any = error.validator_value
    names = [expected] if isinstance(expected, str) else list(expected)
    wanted = " hoặc ".join(_TYPE_NAMES.get(n, n) for n in names)
    got = _BARE_TYPE_NAMES[_actual_type(error.instance)]
    return f"{label(info)} phải là {wanted}, không phải {got}.{example(info)} (Wrong type.)"


def _pattern(error: ValidationError, info: FieldInfo) -> str:
    expected, value = str(error.validator_value), shown(error.instance)
    if expected.startswith("^https?://"):
        link = _ANY_CASE_LINK.match(str(error.instance))
        if link:  # "HTTPS://…": the same address, but links are kept exactly as written
            fixed = link[1].lower() + str(error.instance)[len(link[1]) :]
            return (
                f'{label(info)}: "{value}": phần đầu địa chỉ phải viết chữ thường. '
                f'Viết: {shown(fixed)} (The scheme must be written in lower case.)'
            )
        return (
            f'{label(info)}: "{value}" không phải địa chỉ web. Chỉ dùng địa chỉ bắt đầu bằng '
            "https:// (hoặc http:// nếu văn bản gốc ghi như vậy), không có dấu cách. "
            "Ví dụ: https://binhdanhocvuso.gov.vn/ (Links must be http(s) URLs.)"
        )
    if expected == _slug_pattern():
        # Ids become folders of the site ("ha-tinh/<id>/"): the rule is what keeps "../",
        # "/", "\" and "%2e" out, so it is spelled out rather than left to the description.
        return (
            f'{label(info)}: "{value}" không phải mã hợp lệ. Mã chỉ gồm chữ thường không dấu '
            '(a-z), chữ số (0-9) và dấu gạch ngang "-" nối các phần; không có dấu cách, dấu '
            "chấm, dấu gạch chéo (/ hay \\), dấu %, chữ hoa hay chữ có dấu."
            f"{example(info)} (An id may only hold a-z, 0-9 and single hyphens.)"
        )
    description = f" {info.description}" if info.description else ""
    return (
        f'{label(info)}: "{value}" không đúng dạng.{description}{example(info)}'
        " (Value does not match the expected format.)"
    )


def _enum(error: ValidationError, info: FieldInfo) -> str:
    choices: Any = error.validator_value
    allowed = [str(v) for v in choices]
    close = difflib.get_close_matches(str(error.instance), allowed, 1)
    hint = f' Có phải ý bạn là "{close[0]}"?' if close else ""
    return (
        f'{label(info)}: "{shown(error.instance)}" không hợp lệ; chọn một trong: '
        f"{', '.join(allowed)}.{hint}"
    )


def _too_long(error: ValidationError, info: FieldInfo) -> str:
    size, limit = len(error.instance), int(error.validator_value)  # type: ignore[arg-type]
    if error.validator == "maxItems":
        return f"{label(info)} có quá nhiều mục ({size}, tối đa {limit}). (Too many items.)"
    # Only a long text can be split into items (purposes, sections); a name or an id cannot.
    split = ", hoặc chia nội dung thành nhiều mục" if limit >= 1000 else ""
    return (
        f"{label(info)} quá dài ({size} ký tự, tối đa {limit}). Rút gọn{split}. "
        f"(Too long: {size} characters, at most {limit}.)"
    )


def _bounds(error: ValidationError, info: FieldInfo) -> str:
    return (
        f"{label(info)}: {shown(error.instance)} nằm ngoài giới hạn cho phép "
        f"({error.validator} {error.validator_value}).{example(info)}"
    )


def _empty(error: ValidationError, info: FieldInfo) -> str:
    return f"{label(info)} không được để trống.{example(info)} (Empty value.)"


_EXPLAINERS: dict[str, Explainer] = {
    "type": _type,
    "pattern": _pattern,
    "enum": _enum,
    "minLength": _empty,
    "maxLength": _too_long,
    "maxItems": _too_long,
    "minimum": _bounds,
    "maximum": _bounds,
}


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
    kind = str(error.validator)
    if kind == "additionalProperties":
        return _unknown_fields(doc, schema_name, json_path, error)
    if kind == "required":
        as_key = bool(json_path) and isinstance(json_path[-1], str)
        return [_at(doc, json_path, _required(error, info, schema_name), key=as_key)]
    if kind == "minItems" and not error.instance:
        kind = "minLength"
    explainer = _EXPLAINERS.get(kind)
    if explainer is None:
        return [_at(doc, json_path, f"{label(info)}: giá trị không hợp lệ ({error.message}).")]
    return [_at(doc, json_path, explainer(error, info))]


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
            f'Trường "{shown(key)}" không có trong mẫu dữ liệu.{hint} Các trường được phép ở '
            f"đây: {', '.join(allowed)}. (Unknown field.)"
        )
        problems.append(_at(doc, (*json_path, key), message, key=True))
    return problems


def _at(doc: Document, json_path: JsonPath, message: str, *, key: bool = False) -> Problem:
    line, column = doc.where(json_path, key=key)
    return Problem(doc.path, line, column, message)
