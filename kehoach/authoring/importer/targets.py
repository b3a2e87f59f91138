"""Targets with their figures: "trên 80% hồ sơ …", "ít nhất 50% …", "đạt 100% …"."""

from __future__ import annotations

import re
from typing import Any

_TARGET = re.compile(
    r"((trên|ít nhất|tối thiểu|đạt|đạt tối thiểu|đạt trên)\s+)?(\d{1,3}(?:[.,]\d+)?)\s?%"
    r"((?:(?!\s(?:và\s)?(?:trên|ít nhất|tối thiểu|đạt)\s+\d)[^.;,:]){0,120})"
)
_COMPARATOR = {"trên": "more_than", "đạt trên": "more_than", "ít nhất": "at_least",
               "tối thiểu": "at_least", "đạt": "at_least", "đạt tối thiểu": "at_least"}


def targets_of(text: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for match in _TARGET.finditer(text):
        value = float(match.group(3).replace(",", "."))
        target: dict[str, Any] = {
            "text": (match.group(0)).strip(),
            "value": int(value) if value.is_integer() else value,
            "unit": "%",
        }
        if match.group(2):
            target["comparator"] = _COMPARATOR[match.group(2)]
        found.append(target)
    return found
