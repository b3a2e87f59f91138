"""Cited documents: "Căn cứ Quyết định số 505/QĐ-TTg ngày 22 tháng 4 năm 2022 của Thủ tướng
Chính phủ về …" → type, number, date, issuer, title; and their kind for the plan (basis for
"Căn cứ", implements for "Thực hiện", cites for a mention elsewhere)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from slugify import slugify

from kehoach.authoring.importer.text import Para, folded, fuzzy_has
from kehoach.vietnamese import fold

TYPES = {
    "Chương trình hành động": "ctr", "Chương trình": "ctr", "Kế hoạch": "kh",
    "Quyết định": "qd", "Nghị quyết": "nq", "Chỉ thị": "ct", "Công văn": "cv",
    "Thông tư": "tt", "Nghị định": "nd", "Hướng dẫn": "hd", "Thông báo": "tb", "Luật": "luat",
}
_TYPE = "|".join(sorted(TYPES, key=len, reverse=True))
_MENTION = re.compile(
    rf"({_TYPE})\s+(?:số\s+)?(\d+(?:\s?[-/]\s?[0-9A-Za-zĐđ]+)+)"
    r"(?:\s*,?\s*ngày\s+(\d{1,2})\s*(?:/|\s+tháng\s+)\s*(\d{1,2})\s*(?:/|\s+năm\s+)\s*(\d{4}))?"
)
_ISSUER = re.compile(r"^\s*của\s+(.+?)(?=\s+về\b|\s+tại\b|[;,.]|$)")
_TITLE = re.compile(r"^\s*về\s+(.+?)(?=;|\.\s|\.$|,\s+(?:Ủy ban|UBND)\b|$)")


@dataclass
class Cited:
    kind: str  # implements | basis | cites
    doc_type: str
    number: str
    date: str | None
    issuer: str | None
    title: str | None
    line: int
    sentence: str

    @property
    def year(self) -> str | None:
        return self.date[-4:] if self.date else None

    def registry_id(self, place: str | None) -> str:
        """The registry's rule: type, number, (local issuer's place), year."""
        parts = [TYPES[self.doc_type], slugify(self.number)]
        if place and self.issuer and folded(place) in folded(self.issuer):
            parts.append(slugify(place))
        if self.year:
            parts.append(self.year)
        return "-".join(parts)[:80].strip("-")


def mentions(para: Para, kind: str) -> list[Cited]:
    # a paragraph where none is found may have lost its marks (OCR): read it so
    return _mentions(para, kind) or _ocr_mentions(para, kind)


def _mentions(para: Para, kind: str) -> list[Cited]:
    found: list[Cited] = []
    text = para.text
    for match in _MENTION.finditer(text):
        number = re.sub(r"\s+", "", match.group(2))
        day, month, year = match.group(3), match.group(4), match.group(5)
        date = f"{int(day):02d}/{int(month):02d}/{year}" if year else None
        rest = text[match.end() :]
        issuer_match = _ISSUER.match(rest)
        issuer = issuer_match.group(1).strip() if issuer_match else None
        after = rest[issuer_match.end() :] if issuer_match else rest
        title_match = _TITLE.match(after)
        title = _about(title_match.group(1).strip()) if title_match else None
        found.append(Cited(kind, match.group(1), number, date, issuer, title, para.line, text))
    return found


def intro_references(intro: list[Para]) -> list[Cited]:
    """"Căn cứ …" → basis; "Thực hiện …" → implements (documents named inside another's
    title are cited, not implemented)."""
    found: list[Cited] = []
    for para in intro:
        first = " ".join(para.text.split()[:2])  # as OCR may misread it: "Thyc hién"
        kind = "basis" if fuzzy_has(first, "can cu", 0.85) else "implements"
        if kind == "implements" and not fuzzy_has(first, "thuc hien", 0.85):
            continue
        cited = mentions(para, kind)
        for item in cited:
            nested = any(
                other is not item and other.title and item.number in other.title
                for other in cited
            )
            if nested and kind == "implements":
                item.kind = "cites"
        found.extend(cited)
    return found


def _about(subject: str) -> str:
    """The registry's form of a document's title: its subject after "Về" ("Về việc phê
    duyệt …", "Về Ngày Chuyển đổi số quốc gia")."""
    return f"Về {subject}"


def deduplicate(cited: list[Cited]) -> list[Cited]:
    """First mention wins (intro before body); a later one may fill a missing date or title."""
    by_number: dict[str, Cited] = {}
    for item in cited:
        known = by_number.get(item.number)
        if known is None:
            by_number[item.number] = item
            continue
        known.date = known.date or item.date
        known.issuer = known.issuer or item.issuer
        known.title = known.title or item.title
    return list(by_number.values())


# The same mention in text that lost its marks (OCR): "Quyet dinh sé 2873/Qb-BKHCN ngay
# 24/9/2025 … vé viéc …", found on the folded text; "số" may read "sé", "s6", "so6".
_FOLDED_TYPES = {fold(t): t for t in TYPES}
_OCR_MENTION = re.compile(
    r"\b(" + "|".join(sorted(_FOLDED_TYPES, key=len, reverse=True)) + r")\s+(?:s\S{0,2}\s+)?"
    r"(\d+(?:\s?[-/]\s?[0-9a-z]+)+)(?:\s*,?\s*ngay\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4}))?"
)
_OCR_TITLE = re.compile(r"^.{0,80}?\bve\s+(.+?)(?=;|\.\s|\.$|$)")
# OCR reads the Đ of "QĐ" as b, D or P: "2873/Qb-BKHCN" is "2873/QĐ-BKHCN".
_OCR_QD = re.compile(r"(?<=[/-])Q[bDPð](?=-)")


def _ocr_mentions(para: Para, kind: str) -> list[Cited]:
    text = para.text
    key = fold(text)
    if len(key) != len(text):  # the spans below are read on both
        return []
    found: list[Cited] = []
    for match in _OCR_MENTION.finditer(key):
        number = _OCR_QD.sub("QĐ", re.sub(r"\s+", "", text[match.start(2) : match.end(2)]))
        day, month, year = match.group(3), match.group(4), match.group(5)
        date = f"{int(day):02d}/{int(month):02d}/{year}" if year else None
        title_match = _OCR_TITLE.match(key[match.end() :])
        title = None
        if title_match:
            start = match.end() + title_match.start(1)
            title = _about(_OCR_QD.sub("QĐ", text[start : match.end() + title_match.end(1)]))
        found.append(Cited(kind, _FOLDED_TYPES[match.group(1)], number, date, None, title,
                           para.line, text))
    return found
