""""TỔ CHỨC THỰC HIỆN": one block per unit (its duties), budget and reporting duties."""

from __future__ import annotations

import re
from typing import Any

from kehoach.authoring.importer.items import Item, bullet_text, leaves
from kehoach.authoring.importer.text import Para, folded, sentences
from kehoach.authoring.importer.timewin import parse_when
from kehoach.authoring.importer.units import Units

_BUDGET = ("kinh phi",)
_REPORT = ("che do bao cao", "bao cao")
_DEADLINE = re.compile(r"(trước|đến)(?: hết)? ngày\s+\d{1,2}/\d{1,2}/\d{4}")
_REQUEST = re.compile(r"^(Đề nghị|Giao)\s+", re.IGNORECASE)


def responsibilities_of(items: list[Item], units: Units) -> tuple[list[dict[str, Any]],
                                                                  list[Item]]:
    """(assignments, items that are not about a unit: budget, reporting…)."""
    found: list[dict[str, Any]] = []
    other: list[Item] = []
    for item in leaves(items):
        heading, first_duty = _split_head(item.head)
        if folded(heading).startswith(_BUDGET + _REPORT) or len(heading) > 150:
            other.append(item)
            continue
        names = _REQUEST.sub("", heading)
        entry: dict[str, Any] = {"units": units.add_all(names)}
        if names != heading or len(entry["units"]) > 1 or units.spelt_otherwise(names):
            entry["heading"] = heading
        duties = ([first_duty] if first_duty else []) + [bullet_text(p) for p in item.body]
        if duties:
            entry["duties"] = duties
        found.append(entry)
    return found, other


def _split_head(head: str) -> tuple[str, str]:
    """"Phòng Kinh tế: Chủ trì …" → ("Phòng Kinh tế", "Chủ trì …")."""
    name, colon, rest = head.partition(":")
    if colon:
        return name.strip(), rest.strip()
    return head.strip(" ."), ""


def item_text(item: Item) -> str:
    return "\n".join([item.head, *(p.text for p in item.body)])


_TO = re.compile(r"báo cáo(?: kết quả)?(?: triển khai)?(?: thực hiện)? về\s+(.+?)"
                 r"(?=\s+(?:để|đến|trước|trong|chậm)\b|[.;(]|$)")


def reports_of(paras: list[Para], year: int, units: Units) -> list[dict[str, Any]]:
    """Sentences that ask for a report: "… báo cáo kết quả về Sở X đến ngày 05/11/2025"."""
    found: list[dict[str, Any]] = []
    for para in paras:
        for sentence in sentences(bullet_text(para)):
            key = folded(sentence)
            deadline = _DEADLINE.search(sentence)
            if not (deadline and "bao cao" in key) and not key.startswith("bao cao ket qua"):
                continue
            entry: dict[str, Any] = {"text": sentence}
            if (to := _TO.search(sentence)) is not None:
                entry["to"] = units.add_all(to.group(1))
            when = parse_when(deadline.group(0), year) if deadline else None
            if when and "end" in when:
                entry["deadline"] = when["end"]
            found.append(entry)
    return found
