"""Lines → paragraphs, and the small text tests every recogniser shares.

Text extracted from a PDF or OCR breaks sentences at the end of each printed line; a
paragraph starts again at a list marker ("-", "+", "*", "1.", "a)", "II.") or after a line
that ends a sentence when the next begins with a capital letter.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from kehoach.vietnamese import fold

ROMAN = r"(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)"
ROMAN_HEADING = re.compile(rf"^({ROMAN})\.\s+(\S.*)$")
# OCR reads the I of a Roman number as 1 or l ("I1. NỘI DUNG", "111. TỔ CHỨC"): such a number
# before a heading in capitals is read back as Roman.
OCR_ROMAN_HEADING = re.compile(r"^([IVX1l]*[IVX][IVX1l]*|[1l]{2,3})\.\s+(\D{4}.*)$")
# "1. ", "2.1. ", "2.1 " (not a date such as "10/10"), "a) ", "b. ", "đ) "
NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(?=\S)(?!\d)")
NUMBERED_STRICT = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.\s+(\S.*)$|^(\d{1,2}\.\d{1,2})\s+(\S.*)$")
LETTERED = re.compile(r"^([a-zđ])[\.\)]\s+(\S.*)$")
BULLET = re.compile(r"^([-+*•–])\s*(\S.*)$")
# Not ";" nor ":": lists of units and clauses wrap after them onto a capitalised name.
SENTENCE_END = (".", "!", "?", "./.")
SHORT_HEADING = 60
VIETNAMESE_MARKS = set("ăâđêôơưĂÂĐÊÔƠƯ")


@dataclass(frozen=True)
class Para:
    """A paragraph and the source line it starts on."""

    text: str
    line: int


def clean(text: str) -> str:
    """One space between words, NFC, no stray spaces at the ends."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def starts_block(text: str) -> bool:
    return bool(
        roman_heading(text)
        or NUMBERED_STRICT.match(text)
        or LETTERED.match(text)
        or BULLET.match(text)
    )


def paragraphs(lines: list[str], first_line: int = 1) -> list[Para]:
    found: list[Para] = []
    parts: list[str] = []
    start = first_line
    for number, raw in enumerate(lines, start=first_line):
        text = clean(raw)
        if not text:
            continue
        if parts and _new_paragraph(parts[-1], text):
            found.append(Para(" ".join(parts), start))
            parts = []
        if not parts:
            start = number
        # Why: "505/QĐ-" at a line end and "TTg" on the next are one document number.
        # … and a line that starts with a stop (left after a footnote mark) ends the one above.
        if parts and (re.search(r"\w[-/]$", parts[-1]) or text[0] in ".,;:"):
            parts[-1] += text
            continue
        parts.append(text)
    if parts:
        found.append(Para(" ".join(parts), start))
    return found


def _new_paragraph(previous: str, text: str) -> bool:
    # "Trên đây là Kế hoạch…" always opens the closing paragraph, "Căn cứ…" and "Thực hiện…"
    # each reference of the introduction, whatever precedes them.
    if starts_block(text) or text.startswith(("Trên đây", "Căn cứ", "Thực hiện")):
        return True
    first = text[0]
    # A short numbered heading ("2. Sở Văn hóa, Thể thao và Du lịch") is complete; a long one
    # wrapped at the margin and goes on, even onto a capital ("… Ngày / Chuyển đổi số").
    if first.isupper() and starts_block(previous) and len(previous) < SHORT_HEADING:
        return not previous.endswith((",", "-", "và", "của", "về"))
    return previous.endswith(SENTENCE_END) and (first.isupper() or first in "“\"(")


def roman_heading(text: str) -> tuple[str, str] | None:
    """("II", "NỘI DUNG") for "II. NỘI DUNG" (and for its OCR misreadings), else None."""
    found = ROMAN_HEADING.match(text)
    if found:
        return found.group(1), found.group(2)
    ocr = OCR_ROMAN_HEADING.match(text)
    if ocr is None or ocr.group(2).upper() != ocr.group(2):
        return None
    number = ocr.group(1).replace("1", "I").replace("l", "I")
    if re.fullmatch(ROMAN, number):
        return number, ocr.group(2)
    return None


def fuzzy_has(text: str, phrase: str, cutoff: float = 0.8) -> bool:
    """``phrase`` (folded) is in ``text``, exactly or as OCR misreads it ("nqi dung")."""
    words, want = folded(text).split(), phrase.split()
    if phrase in " ".join(words):
        return True
    size = len(want)
    return any(
        SequenceMatcher(None, " ".join(words[i : i + size]), phrase).ratio() >= cutoff
        for i in range(max(1, len(words) - size + 1))
    )


def has_diacritics(text: str) -> bool:
    """False for Vietnamese that lost its marks (OCR): almost no letter carries one."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 200:
        return True
    marked = sum(1 for c in letters if c in VIETNAMESE_MARKS or fold(c) != c.lower())
    return marked / len(letters) > 0.05


def folded(text: str) -> str:
    return fold(clean(text))


def sentences(text: str) -> list[str]:
    """Split after ". " (or "… ", an open list that ends the sentence) when a capital letter
    follows (not inside "10/10. " numbers)."""
    found: list[str] = []
    start = 0
    for match in re.finditer(r"(?<=[.!?…])\s+(?=\S)", text):
        following = text[match.end()]
        if following.isupper() or following in "“\"":
            found.append(text[start : match.start()])
            start = match.end()
    found.append(text[start:])
    return [p for p in (s.strip() for s in found) if p]
