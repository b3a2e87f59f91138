"""Joins: appendix rows to the body activities they describe, links to the registry's
platforms."""

from __future__ import annotations

import re
from typing import Any

from slugify import slugify

from kehoach.authoring.importer.activities import Draft
from kehoach.authoring.importer.appendix import (
    AppendixRow,
    appendix_head,
    is_task_table,
    rows_from_lines,
    rows_from_table,
    similarity,
)
from kehoach.authoring.importer.known import Known
from kehoach.authoring.importer.outline import Outline
from kehoach.authoring.importer.reading import Source
from kehoach.authoring.importer.review import Review
from kehoach.authoring.importer.timewin import parse_when
from kehoach.authoring.importer.units import Units, words_if_not_a_name

MATCH_AT_LEAST = 0.5  # share of a row's words that must appear in the activity


def attach_appendix(activities: list[Draft], parts: Outline, source: Source, units: Units,
                    review: Review, year: int) -> tuple[list[Draft], dict[str, str] | None]:
    """(activities with their appendix rows, the appendix's title and note)."""
    head, start = appendix_head(parts.appendix)
    tables = [t for t in source.tables if is_task_table(t)]
    rows = rows_from_table(tables[0]) if tables else rows_from_lines(parts.appendix[start:])
    for row in rows:
        best = _best(row, activities)
        if best is None:
            best = Draft({"id": _row_id(row, activities), "title": row.task}, row.line, row.task)
            activities.append(best)
            review.add(("activities", len(activities) - 1), "dòng phụ lục không khớp hoạt động "
                       "nào trong phần nội dung: thành hoạt động riêng; kiểm tra",
                       row.task, row.line or None)
        _fill(best, row, units, year)
    return activities, head


def _best(row: AppendixRow, activities: list[Draft]) -> Draft | None:
    scored = [
        (similarity(row.task, a.data["title"] + " " + a.data.get("description", "")), a)
        for a in activities if "appendix" not in a.data
    ]
    scored = [s for s in scored if s[0] >= MATCH_AT_LEAST]
    return max(scored, key=lambda s: s[0])[1] if scored else None


def _row_id(row: AppendixRow, activities: list[Draft]) -> str:
    taken = {a.data["id"] for a in activities}
    base = "-".join(str(slugify(row.task)).split("-")[:8]) or f"nhiem-vu-{row.row}"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _fill(draft: Draft, row: AppendixRow, units: Units, year: int) -> None:
    data = draft.data
    data["appendix"] = row.data()
    for key, text in (("lead", row.lead), ("partners", row.partners)):
        if text and key not in data:
            data[key] = units.add_all(text)
            if (words := words_if_not_a_name(text)) is not None:
                data[f"{key}_text"] = words
    # Why the row wins over a time read in a sentence: the table's column is the schedule,
    # a date in the body's prose may be a deadline of one part of the activity.
    if row.time and ("when" not in data or draft.inline_when):
        data["when"] = parse_when(row.time, year) or {"text": row.time}
        draft.inline_when = False


def attach_resources(activities: list[Draft], known: Known,
                     registry: dict[str, list[dict[str, Any]]], review: Review) -> None:
    by_url = {_bare(str(r.get("url", ""))): str(r["id"]) for r in known.resources if "id" in r}
    new: list[dict[str, Any]] = registry.setdefault("resources", [])
    for index, draft in enumerate(activities):
        ids: list[str] = []
        for url in draft.urls:
            key = _bare(url)
            if key not in by_url:
                entry = {"id": str(slugify(key))[:80].strip("-"), "name": key, "url": url}
                by_url[key] = entry["id"]
                new.append(entry)
                review.add(("activities", index, "resources"), f"liên kết mới {url}: mục mới "
                           "trong tệp danh mục kèm theo; đặt tên nền tảng cho đúng")
            if by_url[key] not in ids:
                ids.append(by_url[key])
        if ids:
            draft.data["resources"] = ids
    if not new:
        registry.pop("resources")


def _bare(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/").lower()
