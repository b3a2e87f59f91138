"""Anchors of the parts of a plan page that search links to (docs/assets/search.js): an
activity is "hd-<its id>" (kehoach/site/pages/plan.py), a responsibility "tn-<its units'
ids>", a free section "muc-<its heading, folded>". Made of the data, never of an order, so a
link stays right when a plan gains an activity or a section; a repeated one gets "-2", "-3"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from kehoach.vietnamese import fold

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """Folded, runs of other characters than a-z and 0-9 made one "-": "Phụ lục 1" → "phu-luc-1"."""
    return _NOT_SLUG.sub("-", fold(text)).strip("-")


def unique_anchors(prefix: str, keys: Iterable[str]) -> list[str]:
    """"<prefix>-<slug of key>" for each key, a repeated one numbered from its second use."""
    seen: dict[str, int] = {}
    anchors: list[str] = []
    for key in keys:
        base = f"{prefix}-{slug(key) or 'x'}"
        seen[base] = seen.get(base, 0) + 1
        anchors.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return anchors
