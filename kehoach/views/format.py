"""Vietnamese wording for dates, levels and kinds, shared by every page kind."""

from __future__ import annotations

from kehoach.model import When

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
