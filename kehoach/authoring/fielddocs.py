"""The field reference (docs/tham-chieu-truong.md), generated from the JSON Schemas.

The schemas are the single source: every title, description, enum and example shown here
comes from them, so the page cannot drift from what the validator enforces. The helpers that
put a schema node into words (:func:`walk`, :func:`type_words`, :func:`yaml_value`) are shared
with the plan scaffold (kehoach/authoring/scaffold.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kehoach.source.schema import reference_anchor, resolve

Node = dict[str, Any]
GENERATED_BY = "scripts/gen_field_docs.py"

_SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$"
_DATE = "^(([0-9]{1,2}/)?[0-9]{1,2}/)?[0-9]{4}$"
_URL = "^https?://[^\\s]+$"
_DAY = "^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$"
_DIGITS = re.compile(r"^\^\[0-9\]\{(\d+)\}\$$")
PATTERN_WORDS = {
    _SLUG: "chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ \"phong-van-hoa-xa-hoi\"",
    _DATE: "\"DD/MM/YYYY\" (ngày/tháng/năm, ví dụ \"06/10/2025\"), \"MM/YYYY\" (tháng/năm, "
    "ví dụ \"10/2025\") hoặc \"YYYY\" (năm); viết trong dấu ngoặc kép",
    _URL: "địa chỉ web bắt đầu bằng http:// hoặc https://, không có khoảng trắng",
    _DAY: "\"DD/MM/YYYY\" (đủ ngày/tháng/năm, ví dụ \"05/11/2025\"); viết trong dấu ngoặc kép",
}

_STRING_KINDS = {_SLUG: "mã", _DATE: "ngày", _DAY: "ngày", _URL: "địa chỉ web"}


def pattern_words(pattern: str) -> str:
    if pattern in PATTERN_WORDS:
        return PATTERN_WORDS[pattern]
    digits = _DIGITS.match(pattern)
    if digits:
        return f"đúng {digits[1]} chữ số, viết trong dấu ngoặc kép để giữ số 0 ở đầu"
    return f"khớp biểu thức chính quy {pattern}"


# --- the objects of a schema, in reading order ---------------------------------------------


@dataclass
class Section:
    """One object of a schema: the root, an inline object, or an object in ``$defs``."""

    anchor: str
    title: str
    node: Node  # resolved
    used_at: list[str] = field(default_factory=list)  # anchors of the properties that lead here
    links: dict[str, str] = field(default_factory=dict)  # property name → section anchor


def _target(root: Node, raw: Node) -> tuple[str | None, Node] | None:
    """The object a property holds (itself, or its items, through ``$ref``): (def name, node)."""
    def_name: str | None = None
    while True:
        if "$ref" in raw:
            def_name = raw["$ref"].rsplit("/", 1)[-1]
        node = resolve(root, raw)
        if node.get("type") == "array" and "items" in node:
            raw, def_name = node["items"], None
            continue
        return (def_name, node) if node.get("type") == "object" else None


def walk(root: Node, prefix: str) -> list[Section]:
    """Every object section of ``root`` (breadth first), each linked to where it is used."""
    top = Section(prefix, str(root.get("title", prefix)), resolve(root, root))
    sections, by_anchor = [top], {prefix: top}
    for section in sections:  # grows while we iterate: breadth-first
        for name, raw in section.node.get("properties", {}).items():
            found = _target(root, raw)
            if found is None:
                continue
            def_name, node = found
            slug = (def_name or f"{section.anchor}-{name}").replace("_", "-")
            anchor = f"{prefix}-{slug}" if def_name else slug
            if anchor not in by_anchor:
                own = root.get("$defs", {}).get(def_name or "", {}).get("title")
                title = own or resolve(root, raw).get("title", name)
                by_anchor[anchor] = Section(anchor, str(title), node)
                sections.append(by_anchor[anchor])
            by_anchor[anchor].used_at.append(f"{section.anchor}.{name}")
            section.links[name] = anchor
    return sections


def ref_description(root: Node, raw: Node) -> str:
    """The description of the shared type a property refers to (e.g. "markdown"), if any."""
    if "$ref" not in raw:
        return ""
    return str(resolve(root, {"$ref": raw["$ref"]}).get("description", ""))


# --- words -------------------------------------------------------------------------------


def _limits(node: Node, unit: str) -> str:
    low = node.get("minLength", node.get("minItems"))
    high = node.get("maxLength", node.get("maxItems"))
    if high is not None and low and low > 1:
        return f"từ {low} đến {high} {unit}"
    return f"tối đa {high} {unit}" if high is not None else ""


def _join(*parts: str) -> str:
    return ", ".join(p for p in parts if p)


def type_words(root: Node, raw: Node, link: Callable[[Node], str] | None = None) -> str:
    """A property's type in Vietnamese: "chữ, tối đa 60 ký tự", "danh sách (…); mỗi mục: …"."""
    node = resolve(root, raw)
    if "enum" in node:
        return "một trong các giá trị " + ", ".join(f"\"{v}\"" for v in node["enum"])
    kind = node.get("type")
    if kind == "array":
        inner = type_words(root, node.get("items", {}), link)
        least = f"ít nhất {node['minItems']} mục" if node.get("minItems") else ""
        size = _join(least, _limits(node, "mục")) or "không giới hạn"
        return f"danh sách ({size}); mỗi mục: {inner}"
    if kind == "object":
        return f"nhóm trường {link(raw)}" if link else "nhóm trường"
    if kind == "string":
        pattern = str(node.get("pattern", ""))
        name = _STRING_KINDS.get(pattern, "mã số" if _DIGITS.match(pattern) else "chữ")
        return _join(name, _limits(node, "ký tự") if name in ("chữ", "mã") else "")
    if kind in ("integer", "number"):
        low, high = node.get("minimum"), node.get("maximum")
        name = "số nguyên" if kind == "integer" else "số"
        if low is not None and high is not None:
            return f"{name} từ {low} đến {high}"
        return f"{name} không nhỏ hơn {low}" if low is not None else name
    if kind == "boolean":
        return "true (đúng) hoặc false (sai)"
    return "giá trị"


def one_of_words(node: Node) -> str:
    """For ``oneOf`` alternatives that each require a field: "exactly one of a, b"."""
    names = [alt["required"][0] for alt in node.get("oneOf", ()) if alt.get("required")]
    if not names:
        return ""
    return "Ghi đúng một trong các trường: " + ", ".join(f"\"{n}\"" for n in names) + "."


# --- YAML values as a clerk writes them ---------------------------------------------------

_NEEDS_QUOTES = re.compile(r"^[-+0-9.:/ ]+$|^(y|n|yes|no|on|off|true|false|null|~)$", re.I)
_SPECIAL_START = tuple("-?:,[]{}#&*!|>'\"%@`")


def yaml_value(value: Any) -> str:
    """``value`` written as YAML: plain where safe, double-quoted where YAML would misread it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(yaml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {yaml_value(v)}" for k, v in value.items()) + "}"
    text = str(value)
    risky = (
        not text
        or _NEEDS_QUOTES.match(text)
        or text.startswith(_SPECIAL_START)
        or text != text.strip()
        or ": " in text
        or " #" in text
        or text.endswith(":")
    )
    return json.dumps(text, ensure_ascii=False) if risky else text


# --- Markdown -----------------------------------------------------------------------------

SCHEMAS = (
    ("plan", "plan.schema.json", "Tệp kế hoạch", "plans/<tỉnh>/…/<năm>-<tên>.yaml"),
    ("registry", "registry.schema.json", "Tệp danh mục dùng chung", "plans/registry/*.yaml"),
    ("report", "report.schema.json", "Tệp báo cáo kết quả thực hiện",
     "plans/<tỉnh>/…/bao-cao/<năm>-<tháng>-<ngày>.yaml"),
)

_INTRO = f"""\
<!-- Không sửa tệp này bằng tay: được tạo bởi {GENERATED_BY} từ schema/*.schema.json.
     Do not edit: generated by {GENERATED_BY}; run `python {GENERATED_BY}`
     after changing a schema. -->

# Tham chiếu trường dữ liệu

Trang này liệt kê mọi trường của tệp kế hoạch, tệp danh mục và tệp báo cáo, được tạo tự
động từ lược đồ dữ liệu (JSON Schema) trong thư mục `schema/` — đúng với những gì trình kiểm tra
(`make check`) đòi hỏi. Cách chép văn bản gốc xem [Hướng dẫn nhập liệu](huong-dan-nhap-lieu.md).

- **Bắt buộc**: tệp không hợp lệ nếu thiếu trường này. Các trường khác có thể bỏ qua.
- **Nhóm trường**: các dòng `tên: giá trị` thụt lề bên dưới tên trường.
  **Danh sách**: mỗi mục một dòng bắt đầu bằng `- `.
- Ngày, mã số và số thứ tự viết trong dấu ngoặc kép, ví dụ `date: "06/10/2025"`.
"""


def md(text: str) -> str:
    """Plain text for Markdown: its own characters, never emphasis, links or HTML."""
    escaped = re.sub(r"([\\`*_\[\]])", r"\\\1", text)
    return escaped.replace("<", "&lt;")


def code(text: str) -> str:
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def field_docs(schemas: dict[str, Node]) -> str:
    """The whole reference page; ``schemas`` maps a file name in schema/ to its content."""
    parts = [_INTRO]
    for prefix, file_name, heading, where in SCHEMAS:
        parts.append(_schema_docs(schemas[file_name], prefix, file_name, heading, where))
    return "\n".join(parts).rstrip("\n") + "\n"


def _schema_docs(root: Node, prefix: str, file_name: str, heading: str, where: str) -> str:
    sections = walk(root, prefix)
    titles = {s.anchor: s.title for s in sections}
    lines = [f"## {heading} {{#{reference_anchor(file_name)}}}", ""]
    lines += [f"Tệp {code(where)}, lược đồ {code('schema/' + file_name)}.", ""]
    lines += [f"- [{md(s.title)}](#{s.anchor})" for s in sections] + [""]
    for section in sections:
        lines += _section_docs(root, section, titles)
    return "\n".join(lines)


def _section_docs(root: Node, section: Section, titles: dict[str, str]) -> list[str]:
    node = section.node
    lines = [f"### {md(section.title)} {{#{section.anchor}}}", ""]
    if node.get("description"):
        lines += [md(node["description"]), ""]
    if section.used_at:
        uses = [_use_link(anchor, titles) for anchor in section.used_at]
        lines += ["Dùng ở: " + ", ".join(uses) + ".", ""]
    if one_of_words(node):
        lines += [md(one_of_words(node)), ""]
    required = set(node.get("required", ()))
    for name, raw in node.get("properties", {}).items():
        lines += _property_docs(root, section, name, raw, name in required, titles)
    return lines


def _use_link(anchor: str, titles: dict[str, str]) -> str:
    owner, name = anchor.split(".", 1)
    return f"[{code(name)}](#{anchor}) trong {md(titles[owner])}"


def _property_docs(
    root: Node, section: Section, name: str, raw: Node, required: bool, titles: dict[str, str]
) -> list[str]:
    node = resolve(root, raw)
    title = str(node.get("title", name))
    lines = [f"#### {code(name)} — {md(title)} {{#{section.anchor}.{name}}}", ""]

    def link(_raw: Node) -> str:
        target = section.links[name]
        return f"— xem [{md(titles[target])}](#{target})"

    status = "**Bắt buộc.**" if required else "Không bắt buộc."
    lines += [f"{status} Kiểu: {type_words(root, raw, link)}.", ""]
    description = str(node.get("description", ""))
    if description:
        lines += [md(description), ""]
    pattern = _pattern_of(root, raw)
    shared = ref_description(root, raw)
    if shared and shared != description and not pattern:
        lines += [md(shared), ""]
    if pattern:
        lines += [f"Dạng: {md(pattern_words(pattern))}.", ""]
    if node.get("examples"):
        shown = " hoặc ".join(code(f"{name}: {yaml_value(v)}") for v in node["examples"])
        lines += [f"Ví dụ: {shown}", ""]
    return lines


def _pattern_of(root: Node, raw: Node) -> str:
    node = resolve(root, raw)
    while node.get("type") == "array" and "items" in node:
        node = resolve(root, node["items"])
    return str(node.get("pattern", ""))
