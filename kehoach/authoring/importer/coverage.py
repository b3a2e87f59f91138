"""The safety net under the recognisers: every paragraph of the source must be found, word
for word, somewhere in the draft. One that is not is added to ``sections`` (heading "Chưa xếp
chỗ") and to the review list, so nothing of the signed document is lost silently."""

from __future__ import annotations

from typing import Any

from kehoach.authoring.importer.items import labelled
from kehoach.authoring.importer.text import (
    BULLET,
    LETTERED,
    NUMBERED_STRICT,
    Para,
    clean,
    roman_heading,
)

SHINGLE = 4  # words in a row that must appear together in the draft
FOUND_AT_LEAST = 0.5  # share of a paragraph's shingles found for it to count as kept
MIN_WORDS = 6  # shorter paragraphs are headings and labels: the structure, not the text
UNPLACED = "Chưa xếp chỗ (đoạn của văn bản gốc mà bộ nhập chưa đặt vào trường nào)"


def _shingles(words: list[str]) -> set[str]:
    return {" ".join(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}


def _strings(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [s for value in data.values() for s in _strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return [data] if isinstance(data, str) else []


def _content(para: Para) -> str:
    """The words that must be kept: without the list mark and the "Thời gian:" label."""
    pair = labelled(para) if BULLET.match(para.text) else None
    if pair is not None and pair[1]:
        return pair[1]
    for mark in (BULLET, LETTERED, NUMBERED_STRICT):
        match = mark.match(para.text)
        if match:
            return str(match.group(2) or match.group(4) or "").rstrip(" :")
    return para.text


def dropped(paras: list[Para], data: dict[str, Any]) -> list[Para]:
    kept = _shingles(" ".join(clean(s) for s in _strings(data)).split())
    missing: list[Para] = []
    for para in paras:
        words = _content(para).split()
        if len(words) < MIN_WORDS or roman_heading(para.text):
            continue
        shingles = _shingles(words)
        if sum(s in kept for s in shingles) < FOUND_AT_LEAST * len(shingles):
            missing.append(para)
    return missing
