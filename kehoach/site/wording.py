"""Vietnamese wording for dates, levels and kinds, shared by every page kind."""

from __future__ import annotations

import unicodedata

from kehoach.model.plan import FormerUnit, When

_LEVELS = {"province": "Cấp tỉnh", "commune": "Cấp xã", "district": "Cấp huyện (đã giải thể)"}
_KINDS = {"implements": "Thực hiện", "basis": "Căn cứ", "cites": "Viện dẫn"}


def level_label(level: str) -> str:
    return _LEVELS.get(level, level)


def reference_kind_label(kind: str) -> str:
    return _KINDS.get(kind, kind)


def format_when(when: When) -> str:
    """A short reading of a time window: "06/10/2025 – 10/10/2025", "từ tháng 10/2025"…"""
    parts: list[str] = []
    if when.start and when.end:
        parts.append(str(when.start) if when.start == when.end else f"{when.start} – {when.end}")
    elif when.start:
        parts.append(f"từ {when.start}")
    elif when.end:
        parts.append(f"đến {when.end}")
    if when.peaks:
        peaks = ", ".join(f"{p.start} – {p.end}" for p in when.peaks)
        parts.append(f"cao điểm {peaks}")
    if when.ongoing:
        parts.append("thường xuyên")
    return "; ".join(parts)


# --- helpers for the locality, unit, document and platform pages (appended) ----------------

_TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_LETTER_MARKS = {"\u0306": 1, "\u0302": 2, "\u031b": 3}  # ă, â/ê/ô, ơ/ư


def sort_name(text: str) -> tuple[tuple[tuple[str, int], ...], tuple[int, ...]]:
    """A sort key in Vietnamese alphabetical order (a < ă < â < b … d < đ), tones second."""
    letters: list[tuple[str, int]] = []
    tones: list[int] = []
    words = " ".join(text.split())  # the official list has stray spaces ("Phường  An Nhơn")
    for char in unicodedata.normalize("NFD", words.casefold()):
        if char in _TONE_MARKS:
            tones.append(_TONE_MARKS[char])
        elif char in _LETTER_MARKS and letters:
            letters[-1] = (letters[-1][0], _LETTER_MARKS[char])
        elif char == "đ":
            letters.append(("d", 9))
        else:
            letters.append((char, 0))
    return tuple(letters), tuple(tones)


def former_period(former: FormerUnit) -> str:
    """When a former unit existed: "đến 30/06/2025" or "01/01/2020 – 30/06/2025"."""
    if former.from_:
        return f"{former.from_} – {former.until}"
    return f"đến {former.until}"


def plan_count(count: int) -> str:
    return f"{count} kế hoạch" if count else "chưa có kế hoạch"


def year_span(years: list[int]) -> str:
    """ "2025", "2024–2025" or "" for no year."""
    if not years:
        return ""
    low, high = min(years), max(years)
    return str(low) if low == high else f"{low}–{high}"


def number(value: int) -> str:
    """Vietnamese digit grouping: 3.355, 12.000."""
    return f"{value:,}".replace(",", ".")
