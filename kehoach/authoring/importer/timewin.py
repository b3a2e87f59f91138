"""Time windows as the plans write them → the schema's ``when`` (text, start, end, ongoing)."""

from __future__ import annotations

import re
from typing import Any

from kehoach.authoring.importer.text import folded

_D = r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?"
# Marks optional where OCR loses them: "den het ngay", "truoc ngay", "thang 10/2025".
_RANGE = re.compile(rf"{_D}\s*(?:-|–|(?:đến|den)(?:\s+(?:hết|het))?(?:\s+ng[àa]y)?)\s*{_D}")
_I = re.IGNORECASE
_MONTHS = re.compile(r"từ tháng\s+(\d{1,2})(?:/(\d{4}))?\s+đến(?:\s+hết)?\s+tháng\s+(\d{1,2})"
                     r"(?:/|\s+năm\s+)(\d{4})", _I)
_MONTH_YEAR = re.compile(r"(?<![/\d])(\d{1,2})/(\d{4})\b")
_MONTH = re.compile(r"((?:từ|tu)\s+)?th[áa]ng\s+(\d{1,2})(?:/|\s+n[ăa]m\s+)(\d{4})", _I)
_BEFORE = re.compile(rf"(?:trước|truoc|đến|den)(?:\s+(?:hết|het))?\s+ng[àa]y\s+{_D}", _I)
_SINGLE = re.compile(rf"ng[àa]y\s+{_D}", _I)


def _date(day: str, month: str, year: str | None, default_year: int) -> str:
    return f"{int(day):02d}/{int(month):02d}/{year or default_year}"


def parse_when(text: str, year: int) -> dict[str, Any] | None:
    """``{"text": …, "start": …, "end": …}`` or ``{"text": …, "ongoing": True}``; None when
    the text holds no time at all."""
    when: dict[str, Any] = {"text": text}
    peak_at = text.find("cao điểm")
    ranges = list(_RANGE.finditer(text))
    main = [r for r in ranges if peak_at < 0 or r.start() < peak_at] or ranges[:1]
    peaks = [r for r in ranges if peak_at >= 0 and r.start() > peak_at and r not in main]
    months = _MONTHS.search(text)
    if main and peak_at >= 0 and main[0].start() > peak_at:
        # Only a peak is given ("cao điểm từ 10/10 đến 31/10 … kéo dài đến 31/12"): the plan
        # runs from the peak's start to the last date written after it.
        when["start"], peak_end = _span(main[0], year)
        when["end"] = _latest(text[main[0].end() :], peak_end, year)
        when["peaks"] = [{"start": when["start"], "end": peak_end}]
    elif main:
        when["start"], when["end"] = _span(main[0], year)
        if peaks:
            when["peaks"] = [dict(zip(("start", "end"), _span(p, year), strict=True))
                             for p in peaks]
    elif months is not None:
        first, first_year, last, last_year = months.groups()
        when["start"] = f"{int(first):02d}/{first_year or last_year}"
        when["end"] = f"{int(last):02d}/{last_year}"
    elif (month := _MONTH.search(text)) is not None:
        # "Từ tháng 10/2025" opens the window; "trong tháng 10/2025" is the whole window.
        value = f"{int(month.group(2)):02d}/{month.group(3)}"
        when["start"] = value
        if not month.group(1):
            when["end"] = value
    elif (before := _BEFORE.search(text)) is not None:
        when["end"] = _date(before.group(1), before.group(2), before.group(3), year)
    elif (single := _SINGLE.search(text)) is not None:
        when["start"] = when["end"] = _date(single.group(1), single.group(2), single.group(3),
                                            year)
    elif (bare := _MONTH_YEAR.search(text)) is not None:
        when["start"] = when["end"] = f"{int(bare.group(1)):02d}/{bare.group(2)}"
    if "thuong xuyen" in folded(text):
        when["ongoing"] = True
    return when if len(when) > 1 else None


def _span(found: re.Match[str], year: int) -> tuple[str, str]:
    g = found.groups()
    end_year = g[5] or g[2]
    return _date(g[0], g[1], g[2] or end_year, year), _date(g[3], g[4], end_year, year)


def _key(date: str) -> tuple[int, ...]:
    return tuple(int(p) for p in reversed(date.split("/")))


def _latest(text: str, end: str, year: int) -> str:
    for found in re.finditer(_D, text):
        date = _date(found.group(1), found.group(2), found.group(3), year)
        if _key(date) > _key(end):
            end = date
    return end
