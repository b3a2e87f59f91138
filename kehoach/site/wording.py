"""Vietnamese wording for dates, levels and kinds, shared by every page kind."""

from __future__ import annotations

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


def document_label(doc_type: str, number: str | None) -> str:
    """ "Kế hoạch số 541/KH-UBND", or only the type when the number is missing or blank
    ("/KH-UBND": a number left blank in the signed document)."""
    if number and number[:1].isalnum():
        return f"{doc_type} số {number}"
    return doc_type
