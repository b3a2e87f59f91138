"""A section's paragraphs → a tree of numbered and lettered items with their text.

"1.", "2.1." and "a)"/"b." open items (a lettered item sits under the last numbered one);
bullets ("-", "+", "*") and plain paragraphs belong to the item above them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.authoring.importer.text import BULLET, LETTERED, NUMBERED_STRICT, Para


@dataclass
class Item:
    label: str
    depth: int
    head: str  # the item's own text, after its label
    line: int
    body: list[Para] = field(default_factory=list)
    children: list[Item] = field(default_factory=list)


def _opening(text: str) -> tuple[str, int, str] | None:
    numbered = NUMBERED_STRICT.match(text)
    if numbered:
        label = numbered.group(1) or numbered.group(3)
        head = numbered.group(2) or numbered.group(4)
        return label, label.count(".") + 1, head
    lettered = LETTERED.match(text)
    if lettered:
        return lettered.group(1), 9, lettered.group(2)
    return None


def build_items(paras: list[Para]) -> tuple[list[Para], list[Item]]:
    """(paragraphs before the first item, top-level items)."""
    before: list[Para] = []
    roots: list[Item] = []
    stack: list[Item] = []
    for para in paras:
        opening = _opening(para.text)
        if opening is None:
            (stack[-1].body if stack else before).append(para)
            continue
        label, depth, head = opening
        item = Item(label, depth, head, para.line)
        while stack and stack[-1].depth >= depth:
            stack.pop()
        (stack[-1].children if stack else roots).append(item)
        stack.append(item)
    return before, roots


def leaves(items: list[Item]) -> list[Item]:
    found: list[Item] = []
    for item in items:
        found.extend(leaves(item.children) if item.children else [item])
    return found


LABELLED = re.compile(r"^([^:]{2,100}?)\s*:\s*(.*)$")


def bullet_text(para: Para) -> str:
    match = BULLET.match(para.text)
    return match.group(2) if match else para.text


def labelled(para: Para) -> tuple[str, str] | None:
    """"- Thời gian: từ ngày …" → ("Thời gian", "từ ngày …")."""
    match = LABELLED.match(bullet_text(para))
    if match and match.group(1)[:1].isupper() and "“" not in match.group(1):
        return match.group(1).strip(), match.group(2).strip()
    return None
