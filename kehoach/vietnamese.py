"""Vietnamese text, in one place: folding for search, alphabetical order, truncation and
numbers as a Vietnamese reader writes them. Every layer may use it; it imports nothing of
kehoach."""

from __future__ import annotations

import unicodedata

from babel.numbers import format_decimal

_STROKE = str.maketrans({"đ": "d", "Đ": "D"})
_TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_LETTER_MARKS = {"\u0306": 1, "\u0302": 2, "\u031b": 3}  # ă, â/ê/ô, ơ/ư
ELLIPSIS = "…"


def fold(text: str) -> str:
    """Lower case, without tone and vowel marks, đ → d: "ĐỨC Thọ" → "duc tho"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_STROKE))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare).lower()


SortKey = tuple[tuple[tuple[str, int], ...], tuple[int, ...]]


def sort_name(text: str) -> SortKey:
    """A sort key in Vietnamese alphabetical order (a < ă < â < b … d < đ), tones second."""
    letters: list[tuple[str, int]] = []
    tones: list[int] = []
    words = " ".join(text.split())  # the official list has stray spaces ("Phường  An Nhơn")
    for char in unicodedata.normalize("NFD", words.casefold()):
        if char in _TONE_MARKS:
            tones.append(_TONE_MARKS[char])
        elif char in _LETTER_MARKS and letters:
            letters[-1] = (letters[-1][0], _LETTER_MARKS[char])
        elif char == "đ":
            letters.append(("d", 9))
        else:
            letters.append((char, 0))
    return tuple(letters), tuple(tones)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, the last one an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def number(value: int) -> str:
    """Vietnamese digit grouping (CLDR, by babel): 3.355, 12.000."""
    return str(format_decimal(value, locale="vi"))
