"""A new plan file for a locality and year: valid as written, every field shown and explained.

The values a new plan needs (ids, locality codes, issuer, one example unit, activity and
responsibility) are filled in; every other field of the schema is written commented out, with
an example value. Every comment comes from the schema (titles, descriptions, patterns, enums,
examples), so the scaffold stays in step with it. Used by scripts/new_plan.py.
"""

from __future__ import annotations

import textwrap
from collections.abc import Set
from typing import Any

from slugify import slugify

from kehoach.authoring.fielddocs import (
    Node,
    one_of_words,
    pattern_words,
    ref_description,
    yaml_value,
)
from kehoach.source.localities import Locality
from kehoach.source.schema import resolve

WIDTH = 100
Trail = tuple[str, ...]  # keys from the root (for notes) or $refs being expanded (recursion)
SCAFFOLD_NAME = "ngay-chuyen-doi-so"
_LEVEL_PREFIXES = ("xa-", "phuong-", "dac-khu-", "huyen-", "thi-xa-", "quan-", "thanh-pho-")

_HEADER = """\
# {name}, năm {year}: tệp kế hoạch mới, tạo bởi scripts/new_plan.py.
#
# - Phía trên mỗi trường là chú thích (dòng bắt đầu bằng "#"): trường đó ghi gì, có bắt buộc không.
# - Trường không bắt buộc đang bị "tắt" bằng "# " ở đầu dòng, kèm giá trị ví dụ. Muốn dùng: xóa
#   "# " ở đầu các dòng của trường đó (VS Code: chọn các dòng rồi bấm Ctrl+/), rồi sửa giá trị.
#   Trường nào văn bản không có thì để nguyên hoặc xóa đi.
# - Các giá trị đã điền (tên kế hoạch, hoạt động, nhiệm vụ…) chỉ là ví dụ: sửa cho đúng văn bản.
# - Cách chép văn bản: docs/huong-dan-nhap-lieu.md. Mọi trường: docs/tham-chieu-truong.md.
# - Kiểm tra tệp: python scripts/validate.py {path}
"""

_NOTES = {
    ("units",): "Ví dụ một đơn vị (cơ quan ban hành). Thêm mọi đơn vị văn bản nhắc đến.",
    ("activities",): "Ví dụ một hoạt động: sửa theo văn bản; mỗi hoạt động một khối \"- id: …\".",
    ("responsibilities",): "Ví dụ nhiệm vụ của một đơn vị: sửa theo mục \"Tổ chức thực hiện\".",
}


def plan_id(locality: Locality, year: int, taken: Set[str] = frozenset()) -> str:
    """A site-wide unique id such as "ha-tinh-thach-ha-2026-ngay-cds"."""
    province, _, rest = locality.path.partition("/")
    for prefix in _LEVEL_PREFIXES:
        if rest.startswith(prefix):
            rest = rest[len(prefix) :]
            break
    base = "-".join(p for p in (province, rest, str(year), "ngay-cds") if p)
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def issuer_of(locality: Locality) -> str:
    """"Ủy ban nhân dân xã Thạch Hà", "Ủy ban nhân dân tỉnh Hà Tĩnh"."""
    return f"Ủy ban nhân dân {_lower_first(locality.name)}"


def scaffold_data(locality: Locality, year: int, new_id: str, schema: Node) -> dict[str, Any]:
    """The values the new file holds (everything else is commented out)."""
    issuer = issuer_of(locality)
    unit_id = str(slugify(issuer))
    ref: dict[str, str] = {"province": locality.province_code}
    if locality.former is not None:
        ref["former_unit"] = locality.former.id
    elif locality.level == "commune":
        ref["commune"] = locality.key.rsplit("/", 1)[-1]
    doc_type = schema["properties"]["document"]["properties"]["type"].get("examples", ["Kế hoạch"])
    place = _lower_first(locality.name)
    return {
        "id": new_id,
        "document": {"type": doc_type[0]},
        "issuer": issuer,
        "locality": ref,
        "year": year,
        "title": f"Tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia năm {year} "
        f"trên địa bàn {place}",
        "units": [{"id": unit_id, "name": issuer}],
        "activities": [
            {
                "id": "le-phat-dong",
                "title": f"Tổ chức Lễ phát động hưởng ứng Ngày Chuyển đổi số quốc gia năm {year}",
                "lead": [unit_id],
            }
        ],
        "responsibilities": [
            {"units": [unit_id], "duties": ["Chỉ đạo, tổ chức triển khai thực hiện Kế hoạch."]}
        ],
    }


def scaffold_text(schema: Node, data: dict[str, Any], *, name: str, year: int, path: str) -> str:
    """The file after its first line (the caller adds the ``yaml-language-server`` line, whose
    relative path depends on where the file goes): header, then every field with its comment."""
    header = _HEADER.format(name=name, year=year, path=path)
    body = _Renderer(schema).object_lines(resolve(schema, schema), data, 0, (), ())
    return header + "\n".join(body) + "\n"


class _Renderer:
    """Writes YAML for ``data`` with a comment above every property of the schema."""

    def __init__(self, root: Node) -> None:
        self.root = root

    def object_lines(
        self, node: Node, data: dict[str, Any], indent: int, path: Trail, stack: Trail
    ) -> list[str]:
        lines: list[str] = []
        required = set(node.get("required", ()))
        for name, raw in node.get("properties", {}).items():
            if indent == 0:
                lines.append("")
            lines += self.comment(indent, self.explain(name, raw, name in required, (*path, name)))
            lines += self.property_lines(name, raw, data, indent, (*path, name), stack)
        return lines

    def property_lines(
        self, name: str, raw: Node, data: dict[str, Any], indent: int, path: Trail, stack: Trail
    ) -> list[str]:
        refs = _refs(self.root, raw)
        if name in data:
            return self.entry(name, raw, data[name], indent, path, (*stack, *refs))
        pad = " " * indent
        if set(refs) & set(stack):
            return [f"{pad}# {name}: … (cùng dạng như ở trên)"]
        example = self.example(raw, (*stack, *refs))
        block = self.entry(name, raw, example, indent, path, (*stack, *refs))
        return [f"{pad}# {line[indent:]}" for line in block]

    def entry(
        self, name: str, raw: Node, value: Any, indent: int, path: Trail, stack: Trail
    ) -> list[str]:
        pad, node = " " * indent, resolve(self.root, raw)
        if isinstance(value, dict):
            return [f"{pad}{name}:", *self.object_lines(node, value, indent + 2, path, stack)]
        if not isinstance(value, list) or not value or _flow(self.root, node):
            return [f"{pad}{name}: {yaml_value(value)}"]
        item = resolve(self.root, node["items"])
        lines = [f"{pad}{name}:"]
        for element in value:
            if isinstance(element, dict):
                body = self.object_lines(item, element, indent + 4, path, stack)
                lines += _as_item(body, indent + 2)
            else:
                lines.append(f"{pad}  - {yaml_value(element)}")
        return lines

    def example(self, raw: Node, stack: Trail, title: str = "…") -> Any:
        """A value for a commented-out property: the schema's example, or one built from it."""
        node = resolve(self.root, raw)
        title = str(node.get("title", title))
        if node.get("examples"):
            return node["examples"][0]
        if "enum" in node:
            return node["enum"][0]
        kind = node.get("type")
        if kind == "array":
            return [self.example(node.get("items", {}), stack, title)]
        if kind == "object":
            skip = set(_other_alternatives(node))
            return {
                name: self.example(sub, (*stack, *_refs(self.root, sub)))
                for name, sub in node.get("properties", {}).items()
                if name not in skip and not set(_refs(self.root, sub)) & set(stack)
            }
        if kind in ("integer", "number"):
            return node.get("minimum", 1)
        if kind == "boolean":
            return True
        return title

    def explain(self, name: str, raw: Node, required: bool, path: Trail) -> str:
        node = resolve(self.root, raw)
        parts = [f"{node.get('title', name)} — {'bắt buộc' if required else 'không bắt buộc'}."]
        inner = resolve(self.root, node["items"]) if node.get("type") == "array" else node
        pattern = str(inner.get("pattern", ""))
        description = str(node.get("description", ""))
        if description and not (pattern and description == ref_description(self.root, raw)):
            parts.append(description)
        if "enum" in node:
            parts.append("Chọn một trong: " + ", ".join(str(v) for v in node["enum"]) + ".")
        if pattern:
            parts.append(f"Dạng: {pattern_words(pattern)}.")
        if one_of_words(inner):
            parts.append(one_of_words(inner))
        if path in _NOTES:
            parts.append(_NOTES[path])
        return " ".join(parts)

    @staticmethod
    def comment(indent: int, text: str) -> list[str]:
        pad = " " * indent
        width = max(WIDTH - indent - 2, 40)
        return [f"{pad}# {line}" for line in textwrap.wrap(text, width, break_long_words=False)]


def _refs(root: Node, raw: Node) -> tuple[str, ...]:
    """The ``$ref`` targets a property leads to, through array items."""
    refs: list[str] = []
    while True:
        if "$ref" in raw:
            refs.append(str(raw["$ref"]))
        node = resolve(root, raw)
        if node.get("type") != "array" or "items" not in node:
            return tuple(r for r in refs if _is_object(root, r))
        raw = node["items"]


def _is_object(root: Node, ref: str) -> bool:
    return resolve(root, {"$ref": ref}).get("type") == "object"


def _flow(root: Node, node: Node) -> bool:
    """Lists of ids are written on one line: ``lead: [a, b]``."""
    return node.get("type") == "array" and "pattern" in resolve(root, node.get("items", {}))


def _other_alternatives(node: Node) -> list[str]:
    """Of ``oneOf`` alternatives each requiring a field, the fields after the first."""
    names = [alt["required"][0] for alt in node.get("oneOf", ()) if alt.get("required")]
    return names[1:]


def _as_item(lines: list[str], indent: int) -> list[str]:
    """Object lines at ``indent + 2`` turned into one list item: "- " before the first key."""
    out, done = [], False
    for line in lines:
        body = line[indent + 2 :]
        if not done and body and not body.startswith("#"):
            out.append(" " * indent + "- " + body)
            done = True
        else:
            out.append(line)
    return out
