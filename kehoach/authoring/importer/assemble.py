"""A read document → the draft plan (schema-shaped data), its new registry entries and its
review notes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from slugify import slugify

from kehoach.authoring.importer import issuer as issuer_mod
from kehoach.authoring.importer.activities import Draft
from kehoach.authoring.importer.appendix import appendix_head
from kehoach.authoring.importer.coverage import UNPLACED, dropped
from kehoach.authoring.importer.errors import ImportFailure
from kehoach.authoring.importer.header import Header, from_attachment_note, read_header
from kehoach.authoring.importer.joining import attach_appendix, attach_resources
from kehoach.authoring.importer.known import Known
from kehoach.authoring.importer.locality import Found, resolve
from kehoach.authoring.importer.marks import issuer_with_marks, place_with_marks
from kehoach.authoring.importer.outline import Outline, outline
from kehoach.authoring.importer.reading import Source
from kehoach.authoring.importer.refs import plan_references
from kehoach.authoring.importer.responsibilities import reports_of
from kehoach.authoring.importer.review import Review
from kehoach.authoring.importer.sections import Body, read_sections
from kehoach.authoring.importer.tail import recipients_of, signer_of
from kehoach.authoring.importer.text import has_diacritics
from kehoach.authoring.importer.unitmerge import name_key
from kehoach.authoring.importer.units import Units
from kehoach.authoring.scaffold import plan_id


@dataclass
class Result:
    data: dict[str, Any]
    review: Review
    registry: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def build(source: Source, known: Known, province: str | None = None,
          commune: str | None = None) -> Result:
    review = Review()
    parts = outline(source.lines)
    header = read_header(parts.header)
    if not header.type_found and len(parts.sections) < 2:
        raise ImportFailure(
            str(source.path),
            "không giống một văn bản kế hoạch: không thấy dòng \"KẾ HOẠCH\" ở đầu, cũng không "
            "thấy các mục \"I. …\", \"II. …\". Kiểm tra đã chọn đúng tệp (not a plan).",
        )
    appendix_note = (appendix_head(parts.appendix)[0] or {}).get("note")
    if from_attachment_note(header, appendix_note):
        review.add(("document",), "số và ngày lấy từ dòng \"Kèm theo\" của phụ lục (đầu văn bản "
                   "không có): kiểm tra", appendix_note)
    all_text = "\n".join(source.lines)
    if not has_diacritics(all_text):
        review.add(("id",), "văn bản mất dấu tiếng Việt (bản OCR): mọi chữ trong bản nháp phải "
                   "được sửa lại có dấu theo văn bản gốc (text lost its diacritics)")
    intro_text = " ".join(p.text for p in parts.intro)
    issuer = issuer_mod.from_header(header.issuer_lines)
    if issuer is not None:
        review.add(("issuer",), "tên cơ quan chép lại từ dòng chữ in hoa ở đầu văn bản: kiểm tra "
                   "chữ viết hoa", " ".join(header.issuer_lines), parts.header[0][0])
    if issuer is None:
        issuer = issuer_mod.from_text(intro_text + " " + " ".join(p.text for p in parts.closing),
                                      header.title)
        first_line = parts.intro[0].line if parts.intro else None
        review.add(("issuer",), "cơ quan ban hành suy ra từ nội dung (đầu văn bản không có): "
                   "kiểm tra", intro_text[:200] or None, first_line)
    if issuer is None:
        issuer = "Ủy ban nhân dân"
        review.add(("issuer",), "không tìm thấy cơ quan ban hành: ghi đầy đủ tên cơ quan")
    year = _year(header, intro_text, review)
    found = resolve(known.gazetteer, issuer, all_text, province, commune)
    if found.locality is not None and not has_diacritics(all_text):
        issuer = issuer_with_marks(issuer, found.locality)
        if header.place:
            header.place = place_with_marks(header.place, found.locality, known.gazetteer)
    level = found.locality.level if found.locality else "commune"
    level_word, place = _place(issuer)
    units = Units(level, place, level_word)
    if not has_diacritics(all_text):
        units.marks_lost = True
        units.known_names = {name_key(n): n for n in known.unit_names}
    body = read_sections(parts.sections, year, units)
    data = _top(header, issuer, year, found, known, parts, review)
    registry = plan_references(data, parts, known, year, review)
    if found.new_former is not None:
        registry["former_units"] = [found.new_former]
        review.add(("locality",), found.note or "")
    _body_fields(data, body, parts, units, known, registry, review, year, source)
    if units.restored:
        review.add(("units",), "bản OCR: tên các đơn vị này được viết lại có dấu theo các kế "
                   "hoạch đã có: kiểm tra — " + "; ".join(units.restored))
    return Result(data, review, registry)


def _place(issuer: str) -> tuple[str | None, str | None]:
    """("xã", "Thạch Hà") for "Ủy ban nhân dân xã Thạch Hà"."""
    match = re.search(r"(xã|phường|tỉnh|huyện|thành phố|đặc khu)\s+(.+)$", issuer)
    return (match.group(1), match.group(2)) if match else (None, None)


def _year(header: Header, intro: str, review: Review) -> int:
    for text in (header.date, header.title, intro):
        if text and (found := re.search(r"\b(20\d\d)\b", text)):
            return int(found.group(1))
    review.add(("year",), "không thấy năm của kế hoạch: đã ghi năm nay, sửa theo văn bản")
    return date.today().year


def _top(header: Header, issuer: str, year: int, found: Found, known: Known,
         parts: Outline, review: Review) -> dict[str, Any]:
    document: dict[str, Any] = {}
    if header.number:
        document["number"] = header.number
    else:
        review.add(("document",), "không thấy số văn bản (\"Số: …/KH-UBND\"): ghi số, hoặc để "
                   "trống nếu bản gốc mất phần đầu")
    document["type"] = header.doc_type
    if header.date:
        document["date"] = header.date
    if header.date is None or header.date_line is None:
        review.add(("document", "date"), "không thấy ngày ban hành ở đầu văn bản: kiểm tra "
                   "theo văn bản (ngày/tháng/năm)")
    if header.place:
        document["place"] = header.place
    if parts.loose_links:
        links = ", ".join(t for _n, t in parts.loose_links)
        document["note"] = ("Bản trích xuất có các dòng chỉ gồm liên kết (siêu liên kết của văn "
                            f"bản gốc): {links}.")
        review.add(("document", "note"), "các dòng chỉ có liên kết đã được đưa vào ghi chú: "
                   "kiểm tra chúng thuộc mục nào", None, parts.loose_links[0][0])
    if found.locality is not None:
        new_id = plan_id(found.locality, year, known.plan_ids())
        locality: dict[str, str] = {"province": found.locality.province_code}
        if found.locality.former is not None:
            locality["former_unit"] = found.locality.former.id
        elif found.locality.level == "commune":
            locality["commune"] = found.locality.key.rsplit("/", 1)[-1]
    else:
        new_id = f"{slugify(issuer.removeprefix('Ủy ban nhân dân'))}-{year}-ke-hoach"
        locality = {"province": ""}
        review.add(("locality",), f"chưa xác định địa phương: {found.note}; chạy lại với "
                   "--province MÃ [--commune MÃ], hoặc điền mã vào đây")
    title = header.title
    if not title and (title := issuer_mod.title_from_intro(
            " ".join(p.text for p in parts.intro))) is not None:
        review.add(("title",), "tên kế hoạch lấy từ câu mở đầu (văn bản không có dòng tên): "
                   "kiểm tra, bỏ phần thừa", title, parts.intro[0].line if parts.intro else None)
    if not title:
        title = "(chưa rõ tên kế hoạch)"
        review.add(("title",), "không thấy tên kế hoạch (dòng sau \"KẾ HOẠCH\"): chép từ văn bản")
    return {"id": new_id, "document": document, "issuer": issuer, "locality": locality,
            "year": year, "title": title}


def _body_fields(data: dict[str, Any], body: Body, parts: Outline, units: Units, known: Known,
                 registry: dict[str, list[dict[str, Any]]], review: Review, year: int,
                 source: Source) -> None:
    if parts.intro:
        data["intro"] = "\n\n".join(p.text for p in parts.intro)
    simple = {"theme": body.theme, "slogans": body.slogans, "purposes": body.purposes,
              "requirements": body.requirements, "period": body.period}
    data.update({k: v for k, v in simple.items() if v})
    activities, appendix = attach_appendix(body.activities, parts, source, units, review, year)
    attach_resources(activities, known, registry, review)
    for index, activity in enumerate(activities):
        for place, message in activity.notes():
            review.add(("activities", index, *place), message, activity.source, activity.line)
    if activities:
        data["activities"] = [a.data for a in activities]
    if body.activities_note:
        data["activities_note"] = body.activities_note
    if body.budget:
        data["budget"] = body.budget
    if body.responsibilities:
        data["responsibilities"] = body.responsibilities
    reporting = body.reporting + reports_of(parts.closing, year, units)
    if reporting:
        data["reporting"] = reporting
    if parts.closing:
        data["closing"] = "\n\n".join(p.text for p in parts.closing)
    if body.sections:
        data["sections"] = body.sections
    if parts.footnotes:
        data["footnotes"] = _footnotes(parts, activities)
    recipients = recipients_of(parts.recipients)
    if recipients:
        data["recipients"] = recipients
    signer = signer_of(parts.signature)
    if signer:
        data["signer"] = signer
    else:
        review.add(("closing",), "không thấy người ký (dòng \"TM.\"/\"KT.\" và họ tên): kiểm tra")
    if appendix:
        data["appendix"] = appendix
    data.update(units.merge(data))
    if units.names:
        data["units"] = units.data()
    _unread_appendix(data, parts, review)
    _unplaced(data, parts, review)


def _footnotes(parts: Outline, activities: list[Draft]) -> list[dict[str, str]]:
    """Each footnote, with the activity its mark stands in (the last one starting above it)."""
    found: list[dict[str, str]] = []
    for mark, para in parts.footnotes:
        entry = {"mark": mark, "text": para.text}
        at = parts.marks.get(mark)
        above = [a for a in activities if at is not None and a.line <= at]
        if above:
            entry["activity"] = str(max(above, key=lambda a: a.line).data["id"])
        found.append(entry)
    return found


def _unplaced(data: dict[str, Any], parts: Outline, review: Review) -> None:
    """Paragraphs of the source the draft does not hold: kept in ``sections``, to review."""
    body = [*parts.intro, *(p for s in parts.sections for p in s.paras), *parts.closing]
    for para in dropped(body, data):
        sections = data.setdefault("sections", [])
        sections.append({"heading": UNPLACED, "body": para.text})
        review.add(("sections", len(sections) - 1), "đoạn này của văn bản chưa được đặt vào "
                   "trường nào: chuyển vào đúng chỗ", para.text, para.line)


UNREAD_APPENDIX = "Phụ lục (bảng chưa đọc được thành từng dòng)"


def _unread_appendix(data: dict[str, Any], parts: Outline, review: Review) -> None:
    """An appendix table that gave no row (OCR scrambles its cells) is kept whole in
    ``sections``, for the clerk to enter row by row."""
    rest = parts.appendix[appendix_head(parts.appendix)[1]:]
    if not rest or any("appendix" in a for a in data.get("activities", [])):
        return
    sections = data.setdefault("sections", [])
    sections.append({"heading": UNREAD_APPENDIX, "body": "\n".join(t for _n, t in rest)})
    review.add(("sections", len(sections) - 1), "không đọc được các dòng của bảng phụ lục: chép "
               "từng dòng vào `appendix` của hoạt động (row, task, lead, partners, time)", None,
               rest[0][0])
