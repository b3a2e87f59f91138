"""The plan's references: each cited document linked to a plan in plans/, to an entry of
the registry, or written as a new registry entry for the clerk to review."""

from __future__ import annotations

import re
from typing import Any

from kehoach.authoring.importer.known import Known
from kehoach.authoring.importer.outline import Outline
from kehoach.authoring.importer.references import Cited, deduplicate, intro_references, mentions
from kehoach.authoring.importer.review import Review

_KIND_ORDER = {"implements": 0, "basis": 1, "cites": 2}
_PLACE = re.compile(r"(?:tỉnh|xã|huyện|phường|thành phố|Tỉnh ủy|Đảng ủy xã)\s+"
                    r"((?:[A-ZĐ]\w*)(?:\s+[A-ZĐ]\w*){0,3})")

Registry = dict[str, list[dict[str, Any]]]


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b) and re.sub(r"\s", "", str(a)).lower() == re.sub(r"\s", "", str(b)).lower()


def _year_of(date: Any) -> str | None:
    return str(date)[-4:] if date else None


def plan_references(data: dict[str, Any], parts: Outline, known: Known, year: int,
                    review: Review) -> Registry:
    cited = intro_references(parts.intro)
    body = [p for s in parts.sections for p in s.paras] + parts.closing
    for para in body:
        cited += mentions(para, "cites")
    refs: list[dict[str, str]] = []
    new_docs: list[dict[str, Any]] = []
    own_number = data["document"].get("number")
    for item in sorted(deduplicate(cited), key=lambda c: _KIND_ORDER[c.kind]):
        if _same(item.number, own_number) and item.year == str(year):
            continue
        ref = _link(item, known, new_docs, review, len(refs))
        if ref not in refs:
            refs.append(ref)
    if refs:
        data["references"] = refs
    return {"documents": new_docs} if new_docs else {}


def _link(item: Cited, known: Known, new_docs: list[dict[str, Any]], review: Review,
          index: int) -> dict[str, str]:
    for plan in known.plans:
        if _same(plan["number"], item.number) and _year_of(plan["date"]) == item.year:
            return {"kind": item.kind, "plan": str(plan["id"])}
    for doc in known.documents + new_docs:
        if _same(doc.get("number"), item.number) and (
            item.year is None or _year_of(doc.get("date")) in (None, item.year)
        ):
            return {"kind": item.kind, "document": str(doc["id"])}
    entry = _entry(item)
    new_docs.append(entry)
    review.add(("references", index), f"văn bản \"{item.number}\" chưa có trong danh mục: mục "
               "mới được ghi vào tệp danh mục kèm theo; kiểm tra loại, ngày, cơ quan, trích yếu "
               "rồi chép vào plans/registry/registry.yaml", item.sentence, item.line)
    return {"kind": item.kind, "document": str(entry["id"])}


def _entry(item: Cited) -> dict[str, Any]:
    place_match = _PLACE.search(item.issuer or "")
    entry: dict[str, Any] = {
        "id": item.registry_id(place_match.group(1) if place_match else None),
        "number": item.number,
        "type": item.doc_type,
    }
    if item.date:
        entry["date"] = item.date
    entry["issuer"] = item.issuer or "(chưa rõ cơ quan ban hành)"
    if item.title:
        entry["title"] = item.title
    return entry
