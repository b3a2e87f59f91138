"""The header block: issuing body, number, place and date, document type, title."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.authoring.importer.outline import Lines
from kehoach.vietnamese import fold

DOC_TYPES = ("KẾ HOẠCH", "QUYẾT ĐỊNH", "CHƯƠNG TRÌNH", "CÔNG VĂN", "THÔNG BÁO", "HƯỚNG DẪN",
             "CHỈ THỊ", "NGHỊ QUYẾT", "BÁO CÁO")
# Marks optional ("So:", "ngay … thang … nam"): an OCR'd header still gives its number and date.
_NUMBER = re.compile(r"\bS[ốo]\s*:\s*(\d*)\s*/\s*([A-ZĐ][A-ZĐ0-9\-]*)")
# OCR reads "Số:" as "S6:", "Sé:", "S0:" and the slash as "I" or "l": "S6: 541 IKH-UBND". Only
# a number and a code of the usual "KH-UBND" shape are taken so.
_OCR_NUMBER = re.compile(r"\bS[ốoô6é0]\s*:\s*(\d+)\s*[Il|]\s*([A-ZĐ]{1,6}-[A-ZĐ][A-ZĐ0-9\-]*)")
_PLACE_DATE = re.compile(
    r"([A-ZĐÂ][^\d,:]{1,40}?),\s*ng[àa]y\s*(\d{1,2})?\s*th[áa]ng\s*(\d{1,2})\s*n[ăa]m\s*(\d{4})"
)


@dataclass
class Header:
    number: str | None = None
    number_line: int | None = None
    place: str | None = None
    date: str | None = None  # "06/10/2025", "10/2025"
    date_line: int | None = None
    doc_type: str = "Kế hoạch"
    type_found: bool = False
    title: str | None = None
    title_line: int | None = None
    issuer_lines: list[str] = field(default_factory=list)


def read_header(lines: Lines) -> Header:
    header = Header()
    type_at = None
    for index, (number, text) in enumerate(lines):
        _number_and_date(header, number, text)
        # Compared without marks: an OCR'd "KE HOACH" is still the type line (written back
        # with its marks, from the list).
        known = {fold(t): t for t in DOC_TYPES}
        if type_at is None and text.upper() == text and fold(text.strip(" :")) in known:
            type_at = index
            header.doc_type = known[fold(text.strip(" :"))].capitalize()
            header.type_found = True
    if type_at is not None:
        title = [t for _n, t in lines[type_at + 1 :]]
        if title:
            header.title = " ".join(title)
            header.title_line = lines[type_at + 1][0]
        header.issuer_lines = _issuer_lines(lines[:type_at])
    return header


def _number_and_date(header: Header, number: int, text: str) -> None:
    found = _NUMBER.search(text) or _OCR_NUMBER.search(text)
    if found and header.number is None:
        header.number = f"{found.group(1)}/{found.group(2)}"
        header.number_line = number
    dated = _PLACE_DATE.search(_OCR_NUMBER.sub(" ", _NUMBER.sub(" ", text)))
    if dated and header.date is None:
        # a number the "Số:" pattern missed (OCR: "S6: 541 IKH-UBND") is not part of the place
        place = re.sub(r"^(?:\S*\d\S*\s+)*\S*[A-ZĐ]{2,}-[A-ZĐ]{2,}\S*\s+", "", dated.group(1))
        header.place = place.strip(" ,") or None
        day, month, year = dated.group(2), dated.group(3), dated.group(4)
        header.date = (f"{int(day):02d}/{int(month):02d}/{year}" if day
                       else f"{int(month):02d}/{year}")
        header.date_line = number


def _issuer_lines(lines: Lines) -> list[str]:
    """The capitals at the top left ("ỦY BAN NHÂN DÂN", "XÃ THẠCH HÀ"), without the national
    motto printed beside them and without the number line."""
    found: list[str] = []
    for _n, text in lines:
        if text.startswith("Số") or _PLACE_DATE.search(text):
            break
        # The motto printed beside it ends the name; so does the first word that is not in
        # capitals (an OCR'd "Déc 1ap - Tw do" of the motto's second line).
        at = fold(text).upper().find("CONG HOA")
        text = text[:at] if at >= 0 else text
        words: list[str] = []
        for word in text.split():
            if word.upper() != word:
                break
            words.append(word)
        if words:
            found.append(" ".join(words))
    return found


_ATTACHED = re.compile(
    r"số\s*(\d*)\s*/\s*([A-ZĐ][A-ZĐ0-9\-]*)\s*ngày\s*(\d*)\s*/\s*(\d*)\s*/\s*(\d{4})"
)


def from_attachment_note(header: Header, note: str | None) -> bool:
    """A header cut from the text: the appendix's "(Kèm theo Kế hoạch số /KH-UBND ngày / /2025
    …)" still gives the number and the date, blanks kept blank. True when it did."""
    found = _ATTACHED.search(note or "")
    if found is None or header.number is not None:
        return False
    number, code, day, month, year = found.groups()
    header.number = f"{number}/{code}"
    if header.date is None:
        header.date = f"{int(day):02d}/{int(month):02d}/{year}" if day and month else (
            f"{int(month):02d}/{year}" if month else year)
    return True
