"""The refused characters (kehoach.source.yamlread.invisible) are exactly the documented set,
and the reader reports each at the place it is typed."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from kehoach.source.yamlread.invisible import first_refused, is_refused
from kehoach.source.yamlread.load import load_text

ALLOWED_FORMAT = {"\t", "\n", "\u200d"}  # tab, line feed, zero width joiner (emoji)


def _documented(char: str) -> bool:
    code = ord(char)
    noncharacter = (code & 0xFFFE) == 0xFFFE or 0xFDD0 <= code <= 0xFDEF
    category = unicodedata.category(char)
    return char not in ALLOWED_FORMAT and (category in ("Cc", "Cf", "Zl", "Zp") or noncharacter)


def test_refused_set_is_cc_cf_zl_zp_and_noncharacters_minus_the_allowed() -> None:
    every = (chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    missed, extra = [], []
    for char in every:
        # first_refused, not the bare pattern: its isprintable() shortcut is checked too.
        refused, documented = first_refused(char) is not None, _documented(char)
        assert refused == is_refused(char), f"U+{ord(char):04X}"
        if documented and not refused:
            missed.append(f"U+{ord(char):04X}")
        # Unicode 15 format characters that Python's Unicode 14 has not assigned yet.
        if refused and not documented and unicodedata.category(char) != "Cn":
            extra.append(f"U+{ord(char):04X}")
    assert not missed, missed
    assert not extra, extra


@pytest.mark.parametrize(
    "text", ["Chuyển đổi số", "👨‍👩‍👧 gia đình", "✔️ xong", "🇻🇳", "👍🏽", "a\tb\nc", "\u00a0nbsp"]
)
def test_vietnamese_emoji_and_their_joiners_are_allowed(text: str) -> None:
    assert first_refused(text) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('title: "Kế hoạch \u200b thử"', (2, 18)),  # typed as itself
        ('title: "Kế hoạch \\u200B thử"', (2, 18)),  # typed as an escape
        ('title: "Kế hoạch \\x01 thử"', (2, 18)),
        ("title: Kế hoạch \u202e thử", (2, 17)),  # plain scalar
        ("title: |\n  dòng một\n  dòng \u00ad hai", (4, 8)),  # block scalar, third line
        ("\u200btitle: Kế hoạch", (2, 1)),  # in a key
    ],
)
def test_refused_character_is_reported_where_it_is_typed(
    line: str, expected: tuple[int, int]
) -> None:
    _doc, problems = load_text("ke-hoach.yaml", f"id: a\n{line}\n".encode())
    errors = [p for p in problems if "U+" in p.message]
    assert len(errors) == 1, problems
    assert (errors[0].line, errors[0].column) == expected


def test_control_character_outside_quotes_is_reported_at_its_place() -> None:
    _doc, problems = load_text("ke-hoach.yaml", "id: a\ntitle: Kế hoạch \x01\n".encode())
    assert [(p.line, p.column) for p in problems] == [(2, 17)]
    assert "U+0001" in problems[0].message
    assert "Traceback" not in problems[0].message
