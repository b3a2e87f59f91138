"""The words of kehoach.source.plandiff: how a time window, a target's measure, an activity and
a quoted text are written inside a sentence of a plan's history ("đổi thời gian hoạt động 1.1
từ 06/10–10/10/2025 thành 06/10–15/10/2025"). Values as a YAML file holds them (every scalar
may be a string)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Data = Mapping[str, Any]
QUOTE_LIMIT = 80  # characters of a quoted text before it is cut with "…"
ACTIVITY = "hoạt động"


def owned(label: str, owner: str) -> str:
    """ "nội dung" + "hoạt động 2" → "nội dung hoạt động 2"; "tên hoạt động" → "tên hoạt động 2"."""
    if owner.startswith(ACTIVITY) and label.endswith(ACTIVITY):
        return label + owner.removeprefix(ACTIVITY)
    return f"{label} {owner}" if owner else label


def when_phrase(label: str, before: Any, after: Any) -> str:
    was, now = when_text(before), when_text(after)
    if was == now:
        return f"sửa cách ghi {label}"
    return f"đổi {label} từ {was} thành {now}"


def when_text(when: Any) -> str:
    """A time window in a few characters: "06/10–10/10/2025", "từ 01/10/2025", "thường xuyên"."""
    if not isinstance(when, Mapping):
        return "(không ghi)"
    start, end = as_text(when.get("start")), as_text(when.get("end"))
    if start and end:
        span = span_text(start, end)
    elif start or end:
        span = f"từ {start}" if start else f"đến {end}"
    else:
        span = quote(when["text"]) if as_text(when.get("text")) else ""
    if str(when.get("ongoing")).lower() == "true":
        return f"thường xuyên{f' ({span})' if span else ''}"
    return span or "(không ghi)"


def span_text(start: str, end: str) -> str:
    """ "06/10/2025", "10/10/2025" → "06/10–10/10/2025": the shared year written once."""
    if start == end:
        return start
    year = end[-5:]
    if len(start) > 5 and start.endswith(year) and year.startswith("/"):
        return f"{start[:-5]}–{end}"
    return f"{start}–{end}"


COMPARATORS = {"at_least": "ít nhất ", "more_than": "trên ", "exactly": ""}


def measure_text(target: Data) -> str:
    """ "ít nhất 80% (thời hạn 31/12/2025)", "(không ghi mức)"."""
    value, unit = as_text(target.get("value")), as_text(target.get("unit"))
    measure = ""
    if value:
        space = "" if unit in ("", "%") else " "
        measure = f"{COMPARATORS.get(str(target.get('comparator')), '')}{value}{space}{unit}"
    deadline = as_text(target.get("deadline"))
    if deadline:
        measure = f"{measure} (thời hạn {deadline})".strip()
    return measure or "(không ghi mức)"


def activity_name(activity: Data, *, with_title: bool, numbered: bool = True) -> str:
    """ "hoạt động 2.3 «…»" (its number in the text), else "hoạt động «…»" (its title)."""
    label = as_text(activity.get("label")).rstrip(".")
    title = quote(activity.get("title") or activity.get("id") or "")
    if label and numbered:
        return f"hoạt động {label} {title}" if with_title else f"hoạt động {label}"
    return f"hoạt động {title}"


def quote(value: Any) -> str:
    text = " ".join(as_text(value).split())
    if len(text) > QUOTE_LIMIT:
        text = text[: QUOTE_LIMIT - 1].rstrip() + "…"
    return f"«{text}»"


def is_short(value: Any) -> bool:
    """A value worth quoting whole: absent, or one short line of text (or a number)."""
    if value is None:
        return True
    if isinstance(value, (Mapping, list)):
        return False
    text = as_text(value)
    return "\n" not in text.strip() and len(text) <= QUOTE_LIMIT


def in_sentence(title: str) -> str:
    """A schema title inside a sentence: "Ngày ban hành" → "ngày ban hành" ("UBND" stays)."""
    if len(title) > 1 and title[1].isupper():
        return title
    return title[:1].lower() + title[1:]


def as_text(value: Any) -> str:
    return "" if value is None else str(value)
