"""Checks the schema cannot express: real dates, order of dates, ids and references."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from kehoach.model.dates import DateFormatError, PartialDate
from kehoach.source.links import full_address, might_hold_links, refused_schemes, relative_targets
from kehoach.source.localities import Gazetteer
from kehoach.source.problems import Problem, shown
from kehoach.source.schema import field_info, iter_schema_values, load_schema
from kehoach.source.weights import check_weights
from kehoach.source.yamlread.load import Document, JsonPath

_UNIT_LIST_KEYS = ("lead", "partners", "units", "by", "to")


@dataclass(frozen=True)
class KnownIds:
    """Ids defined outside one plan file, against which its references are checked."""

    plans: frozenset[str]
    resources: frozenset[str]
    documents: frozenset[str]
    gazetteer: Gazetteer


def _date_patterns() -> frozenset[str]:
    """The date pattern shared by the plan and registry schemas, and the report schema's
    day pattern (a report's dates are always to the day)."""
    return frozenset({
        str(load_schema("plan.schema.json")["$defs"]["date"]["pattern"]),
        str(load_schema("report.schema.json")["$defs"]["day"]["pattern"]),
    })


def check_values(doc: Document, schema_name: str) -> list[Problem]:
    """Checks on single values, in one walk: impossible dates (31/02/2025), windows that
    end before they start, and links whose scheme is not http(s)."""
    patterns = _date_patterns()
    shapes = {pattern: re.compile(pattern) for pattern in patterns}
    problems: list[Problem] = []
    for json_path, value, node in iter_schema_values(schema_name, doc.data):
        if isinstance(value, str) and might_hold_links(value):
            problems.extend(_check_links(doc, json_path, value))
        # "" is the schema's minLength error; "   " passes minLength but publishes nothing.
        if isinstance(value, str) and value and not value.strip() and node.get("minLength"):
            problems.append(_blank(doc, schema_name, json_path))
        # A value of the wrong shape is reported by the schema check; only well-formed
        # dates are checked here for being real days.
        shape = shapes.get(node.get("pattern", ""))
        if shape is not None and isinstance(value, str) and shape.match(value):
            try:
                PartialDate.parse(value)
            except DateFormatError as exc:
                problems.append(_at(doc, json_path, f"Ngày không hợp lệ: {exc}"))
        elif isinstance(value, dict) and "start" in value and "end" in value:
            problems.extend(_check_order(doc, json_path, value))
    return problems


def _check_order(doc: Document, json_path: JsonPath, window: dict[str, Any]) -> list[Problem]:
    try:
        start = PartialDate.parse(str(window["start"]))
        end = PartialDate.parse(str(window["end"]))
    except DateFormatError:
        return []  # reported by the date check itself
    if end.last_day() >= start.first_day():
        return []
    message = (
        f"Ngày kết thúc ({window['end']}) trước ngày bắt đầu ({window['start']}). "
        "Kiểm tra lại thứ tự hoặc năm. (End date is before start date.)"
    )
    return [_at(doc, (*json_path, "end"), message)]


def check_plan_references(doc: Document, known: KnownIds) -> list[Problem]:
    """Reference checks; each runs on its own, so a file that fails the schema in one place
    still gets every other problem reported in the same pass."""
    problems: list[Problem] = []
    checks = (
        _check_locality_list,
        _check_units,
        _check_resources,
        _check_references,
        _check_footnotes,
        check_weights,
    )
    for check in checks:
        try:
            problems.extend(check(doc, known))
        except (KeyError, TypeError, AttributeError):
            continue  # the shape is wrong here; the schema check has already said where
    return problems


def _check_locality_list(doc: Document, known: KnownIds) -> list[Problem]:
    return list(_check_locality(doc, known.gazetteer))


def _check_units(doc: Document, known: KnownIds) -> list[Problem]:
    problems: list[Problem] = []
    unit_ids = _unique_ids(doc, "units", problems, "đơn vị")
    for json_path, unit_id in _unit_refs(doc.data):
        if unit_id not in unit_ids:
            problems.append(_unknown(doc, json_path, unit_id, unit_ids, "đơn vị", "units"))
    return problems


def _check_resources(doc: Document, known: KnownIds) -> list[Problem]:
    problems: list[Problem] = []
    for index, activity in enumerate(doc.data.get("activities", [])):
        for r_index, resource in enumerate(activity.get("resources", [])):
            if resource not in known.resources:
                path = ("activities", index, "resources", r_index)
                problems.append(
                    _unknown(
                        doc,
                        path,
                        resource,
                        known.resources,
                        "tài nguyên",
                        "resources trong plans/registry/",
                    )
                )
    return problems


def _check_references(doc: Document, known: KnownIds) -> list[Problem]:
    problems: list[Problem] = []
    for index, ref in enumerate(doc.data.get("references", [])):
        problems.extend(_check_reference(doc, index, ref, known))
    return problems


def _check_footnotes(doc: Document, known: KnownIds) -> list[Problem]:
    problems: list[Problem] = []
    activity_ids = _unique_ids(doc, "activities", problems, "hoạt động")
    for index, note in enumerate(doc.data.get("footnotes", [])):
        if "activity" in note and note["activity"] not in activity_ids:
            problems.append(
                _unknown(
                    doc,
                    ("footnotes", index, "activity"),
                    note["activity"],
                    activity_ids,
                    "hoạt động",
                    "activities",
                )
            )
    return problems


def check_locality(doc: Document, gazetteer: Gazetteer) -> list[Problem]:
    """The locality codes of a plan or a report exist and agree with each other."""
    return list(_check_locality(doc, gazetteer))


def _check_reference(
    doc: Document, index: int, ref: dict[str, Any], known: KnownIds
) -> list[Problem]:
    if "plan" in ref:
        if ref["plan"] == doc.data.get("id"):
            return [
                _at(doc, ("references", index, "plan"), "Kế hoạch không thể viện dẫn chính nó.")
            ]
        if ref["plan"] not in known.plans:
            return [
                _unknown(
                    doc,
                    ("references", index, "plan"),
                    ref["plan"],
                    known.plans,
                    "kế hoạch",
                    "plans/; nếu kế hoạch đó chưa được nhập, "
                    "dùng document: với mã trong plans/registry/",
                )
            ]
    if "document" in ref and ref["document"] not in known.documents:
        return [
            _unknown(
                doc,
                ("references", index, "document"),
                ref["document"],
                known.documents,
                "văn bản",
                "documents trong plans/registry/",
            )
        ]
    return []


def _check_locality(doc: Document, gazetteer: Gazetteer) -> Iterator[Problem]:
    loc = doc.data["locality"]
    province = loc["province"]
    if not all(isinstance(loc.get(k, ""), str) for k in ("province", "commune", "former_unit")):
        return  # a code of the wrong type is reported by the schema check
    if not gazetteer.has_province(province):
        yield _at(
            doc,
            ("locality", "province"),
            f'Không có tỉnh mã "{shown(province)}". Mã tỉnh hiện hành gồm 2 chữ số, ví dụ '
            f'"42" (Hà Tĩnh). Các mã: {", ".join(gazetteer.province_codes())}.',
        )
        return
    if "commune" in loc and "former_unit" in loc:
        yield _at(
            doc,
            ("locality", "former_unit"),
            "Chỉ ghi một trong hai: commune (xã hiện nay) hoặc former_unit (đơn vị cũ).",
        )
    if "commune" in loc:
        owner = gazetteer.ward_province(loc["commune"])
        if owner is None:
            yield _at(
                doc,
                ("locality", "commune"),
                f'Không có xã/phường mã "{shown(loc["commune"])}" trong danh mục chính thức.',
            )
        elif owner != province:
            other = gazetteer.province(owner).name
            yield _at(
                doc,
                ("locality", "commune"),
                f'Xã mã "{shown(loc["commune"])}" thuộc {other} (mã "{owner}"), không thuộc '
                f'tỉnh mã "{shown(province)}". Sửa mã tỉnh hoặc mã xã.',
            )
    if "former_unit" in loc and not gazetteer.has_former(loc["former_unit"]):
        yield _at(
            doc,
            ("locality", "former_unit"),
            f'Chưa khai báo đơn vị cũ "{shown(loc["former_unit"])}" trong former_units của '
            "plans/registry/. Thêm mục: {id, name, level: district, province, until}.",
        )


def _unique_ids(doc: Document, key: str, problems: list[Problem], what: str) -> set[str]:
    seen: set[str] = set()
    for index, entry in enumerate(doc.data.get(key, [])):
        entry_id = entry.get("id")
        if entry_id in seen:
            problems.append(
                _at(
                    doc,
                    (key, index, "id"),
                    f'Mã {what} "{shown(entry_id)}" bị trùng. Mỗi {what} cần một mã riêng.',
                )
            )
        seen.add(entry_id)
    return seen


def _unit_refs(data: Any, json_path: JsonPath = ()) -> Iterator[tuple[JsonPath, str]]:
    """Every unit id used anywhere in a plan, outside the ``units`` declaration itself."""
    if isinstance(data, dict):
        for key, value in data.items():
            if json_path == () and key == "units":
                continue
            if key in _UNIT_LIST_KEYS and isinstance(value, list):
                for index, unit_id in enumerate(value):
                    if isinstance(unit_id, str):
                        yield (*json_path, key, index), unit_id
            else:
                yield from _unit_refs(value, (*json_path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _unit_refs(value, (*json_path, index))


def _check_links(doc: Document, json_path: JsonPath, value: str) -> list[Problem]:
    refused = [
        f'Liên kết dùng giao thức "{shown(scheme)}:" không được phép. Chỉ dùng địa chỉ '
        "bắt đầu bằng https:// (hoặc http:// nếu văn bản gốc ghi như vậy)."
        for scheme in refused_schemes(value)
    ]
    refused += [
        f'Liên kết "{shown(address)}" thiếu phần đầu https://: trên trang, nó trỏ tới một trang '
        f"không có. Viết địa chỉ đầy đủ, ví dụ: {shown(full_address(address))} "
        "(A link must be a full https:// address.)"
        for address in relative_targets(value)
    ]
    return [_at(doc, json_path, message) for message in refused]


def _blank(doc: Document, schema_name: str, json_path: JsonPath) -> Problem:
    # The schema's minLength counts spaces as text: "   " would publish an empty title.
    info = field_info(schema_name, json_path)
    name = f'"{info.name}" ({info.title})' if info.name else "Giá trị"
    return _at(
        doc,
        json_path,
        f"{name} không được để trống: chỉ có dấu cách. Ghi nội dung, hoặc xóa cả dòng nếu "
        "trường này không bắt buộc. (Blank value.)",
    )


def _unknown(
    doc: Document, json_path: JsonPath, value: str, choices: Iterable[str], what: str, where: str
) -> Problem:
    close = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=0.6)
    hint = f' Có phải ý bạn là "{close[0]}"?' if close else ""
    return _at(
        doc,
        json_path,
        f'Không tìm thấy {what} có mã "{shown(value)}" (cần khai báo trong {where}).{hint}',
    )


def _at(doc: Document, json_path: JsonPath, message: str) -> Problem:
    line, column = doc.where(json_path)
    return Problem(doc.path, line, column, message)
