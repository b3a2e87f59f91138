"""The issuing body: from the header's capitals ("ỦY BAN NHÂN DÂN" / "XÃ THẠCH HÀ") or, when
the header is missing, from the text ("Ủy ban nhân dân huyện Đức Thọ xây dựng Kế hoạch", or
"Ủy ban nhân dân tỉnh ban hành" with the place named in the title)."""

from __future__ import annotations

import re

from kehoach.authoring.importer.units import expand
from kehoach.vietnamese import fold

_LEVEL = r"(xã|phường|đặc khu|tỉnh|thành phố|huyện|quận|thị xã)"
_BODY = r"(Ủy ban nhân dân|UBND)"
_NAME = r"((?:[A-ZĐÂÊÔƠƯ][^\s,.;:()]*)(?:\s+[A-ZĐÂÊÔƠƯ][^\s,.;:()]*){0,3})"
_FULL = re.compile(rf"{_BODY}\s+{_LEVEL}\s+{_NAME}")
_BARE = re.compile(rf"{_BODY}\s+{_LEVEL}\s+(?:ban hành|xây dựng)")
_WHERE = re.compile(rf"địa bàn\s+{_LEVEL}\s+{_NAME}")


def from_header(lines: list[str]) -> str | None:
    """["ỦY BAN NHÂN DÂN", "XÃ THẠCH HÀ"] → "Ủy ban nhân dân xã Thạch Hà"."""
    if not lines:
        return None
    text = " ".join(" ".join(lines).split())
    # Found on the folded text (fold keeps every character's place), so "TINH HA TINH" of an
    # OCR'd header is read as well as "TỈNH HÀ TĨNH".
    match = re.match(r"^(.*?)\s*\b(XA|PHUONG|DAC KHU|TINH|THANH PHO|HUYEN|QUAN|THI XA)\s+(.+)$",
                     fold(text).upper())
    if not match:
        return text
    body = text[: match.end(1)].capitalize()
    level = text[match.start(2) : match.end(2)].lower()
    place = " ".join(w.capitalize() for w in text[match.start(3) :].split())
    return " ".join(p for p in (body, level, place) if p)


def from_text(intro: str, title: str | None) -> str | None:
    # Why the bare form first: "Ủy ban nhân dân tỉnh ban hành …" names the issuer itself,
    # while a full name in "Thực hiện …" is usually the higher body whose plan it implements.
    bare = _BARE.search(intro)
    if bare and title and (where := _WHERE.search(title)) and where.group(1) == bare.group(2):
        return f"{expand(bare.group(1))} {bare.group(2)} {where.group(2)}"
    for match in _FULL.finditer(intro):
        after = intro[match.end() : match.end() + 30]
        if re.match(r"\s*(ban hành|xây dựng)", after):
            return f"{expand(match.group(1))} {match.group(2)} {match.group(3)}"
    return None


_TITLE_IN_INTRO = re.compile(
    r"(?:ban hành|xây dựng)\s+Kế hoạch\s+(.{10,300}?),?\s+(?:cụ thể\s+)?như sau"
)


def title_from_intro(intro: str) -> str | None:
    """"… xây dựng Kế hoạch tổ chức Ngày Chuyển đổi số quốc gia năm 2024 trên địa bàn huyện
    như sau" → "Tổ chức Ngày Chuyển đổi số quốc gia năm 2024 trên địa bàn huyện"."""
    found = _TITLE_IN_INTRO.search(intro)
    if found is None:
        return None
    # "… năm 2024 trên địa bàn huyện": the place words only make sense inside the sentence.
    title = re.sub(r"\s+trên địa bàn\s+(huyện|xã|tỉnh|phường|thành phố)$", "", found.group(1))
    return title[:1].upper() + title[1:].strip()
