"""One unit under the several names a plan gives it.

A plan names the same unit in several ways: "Công an" in a list and "Công an xã" in a heading,
"các doanh nghiệp bưu chính, viễn thông trên địa bàn tỉnh" and "… viễn thông", "các cơ quan,
đơn vị" and "Các cơ quan, đơn vị thuộc UBND xã". Each rule below maps a name to another unit of
the same plan that it certainly means; a rule that finds two candidates maps nothing (the clerk
sees both units and merges them by hand if they are one).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kehoach.authoring.importer.text import folded

# Separators that do not change which unit is named: "Phòng Văn hóa và Thông tin" is
# "Phòng Văn hóa - Thông tin"; "các đơn vị có liên quan" is "các đơn vị liên quan".
_SEPARATORS = re.compile(r"\s*(?:\s-\s|–|,|\bva\b)\s*")


def name_key(name: str) -> str:
    """The key two spellings of one unit's name share."""
    key = folded(name).replace("co lien quan", "lien quan")
    return " ".join(_SEPARATORS.sub(" ", key).split())


Rule = Callable[[str, dict[str, str]], list[str]]  # (name_key, name_key → id) → ids


def _with_level(level_word: str | None, place: str | None) -> Rule:
    """"Công an" → "Công an xã" or "Công an xã Thạch Hà" of the issuer's level and place."""
    suffixes = [f" {folded(level_word)} {folded(place)}", f" {folded(level_word)}"] \
        if level_word and place else []

    def rule(name: str, keys: dict[str, str]) -> list[str]:
        return [keys[name + s] for s in suffixes if name + s in keys][:1]
    return rule


_WHERE = re.compile(r"^(.+?) tren dia ban\b.*$")


def _where(name: str, keys: dict[str, str]) -> list[str]:
    """"X trên địa bàn tỉnh" is X when the plan also names X without saying where."""
    match = _WHERE.match(name)
    return [keys[match.group(1)]] if match and match.group(1) in keys else []


def _plural(name: str, keys: dict[str, str]) -> list[str]:
    """"Các Tổ Công nghệ số cộng đồng" is "Tổ Công nghệ số cộng đồng" when the plan names it
    so too (the teams of one kind, written once as a body)."""
    bare = name.removeprefix("cac ")
    return [keys[bare]] if bare != name and bare in keys else []


_QUALIFIERS = ("thuoc ", "cap ")


def _qualified(name: str, keys: dict[str, str]) -> list[str]:
    """"Các cơ quan, đơn vị" is "Các cơ quan, đơn vị thuộc UBND xã" (or "… cấp xã") when the
    plan names exactly one such group: the short form is how the text refers back to it."""
    if not name.startswith("cac "):
        return []
    return [unit_id for other, unit_id in keys.items()
            if other.startswith(name + " ") and other[len(name) + 1:].startswith(_QUALIFIERS)]


def _communes(name: str, keys: dict[str, str]) -> list[str]:
    """"Ủy ban nhân dân cấp xã" is "Ủy ban nhân dân các xã, phường" (or "… xã, thị trấn") when
    the plan names its communes' bodies that way."""
    if not name.endswith(" cap xa"):
        return []
    body = name.removesuffix(" cap xa")
    return [unit_id for other, unit_id in keys.items() if other.startswith(body + " cac xa ")]


_CATCH_ALL = re.compile(r"^cac (?:don vi|co quan) lien quan$")


def _catch_all(name: str, keys: dict[str, str]) -> list[str]:
    """"Các đơn vị liên quan" is the plan's "Các cơ quan, đơn vị liên quan": both say "whoever
    else is concerned"."""
    if not _CATCH_ALL.match(name):
        return []
    return [unit_id for other, unit_id in keys.items()
            if other == "cac co quan don vi lien quan"]


_HAMLETS = ("ap", "thon", "to dan pho", "khu pho", "ban", "lang")


def _hamlets(name: str, keys: dict[str, str]) -> list[str]:
    """"Các ấp" is "Ban Nhân dân các ấp" when the plan names it: a hamlet acts through it."""
    if name.removeprefix("cac ") not in _HAMLETS or not name.startswith("cac "):
        return []
    return [unit_id for other, unit_id in keys.items()
            if other.startswith("ban ") and other.endswith(" " + name)]


def same_units(names: dict[str, str], level_word: str | None, place: str | None
               ) -> dict[str, str]:
    """Id → id of the unit it is the same as (by the rules above, chains followed)."""
    keys = {name_key(name): unit_id for unit_id, name in names.items()}
    rules: list[Rule] = [_with_level(level_word, place), _where, _plural, _qualified, _communes,
                         _catch_all, _hamlets]
    mapping: dict[str, str] = {}
    for unit_id, name in names.items():
        key = name_key(name)
        for rule in rules:
            targets = [t for t in dict.fromkeys(rule(key, keys)) if t != unit_id]
            if len(targets) == 1:
                mapping[unit_id] = targets[0]
                break
    ends = {short: _end(short, mapping) for short in mapping}
    # a cycle (A is B, B is A) merges nothing
    return {short: end for short, end in ends.items() if end not in mapping}


def _end(unit_id: str, mapping: dict[str, str]) -> str:
    seen = {unit_id}
    while unit_id in mapping and mapping[unit_id] not in seen:
        unit_id = mapping[unit_id]
        seen.add(unit_id)
    return unit_id
