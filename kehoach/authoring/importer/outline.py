"""The parts of a plan, found by their landmarks: header, introduction, the numbered
sections (I., II., …), the closing paragraph, "Nơi nhận", the signature and the appendix."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kehoach.authoring.importer.text import (
    Para,
    clean,
    folded,
    fuzzy_has,
    paragraphs,
    roman_heading,
    starts_block,
)
from kehoach.vietnamese import fold

Lines = list[tuple[int, str]]  # (source line number, cleaned text), blank lines left out

_INTRO_START = re.compile(r"^(Căn cứ|Thực hiện)\b")
_RECIPIENTS = re.compile(r"^Nơi nhận\s*:?", re.IGNORECASE)
_SIGN_LINE = re.compile(r"^(TM\.|KT\.|Q\.|TL\.|TUQ\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC)")
_APPENDIX = re.compile(r"^(PHỤ LỤC|Phụ lục)\b")
_LONE_MARK = re.compile(r"^\d{1,2}$")
_URL_ONLY = re.compile(r"^https?://\S+$")


@dataclass
class Section:
    number: str  # "I", "II", … ("" for text before the first one)
    heading: str
    line: int
    paras: list[Para]


@dataclass
class Outline:
    header: Lines
    intro: list[Para]
    sections: list[Section]
    closing: list[Para]
    recipients: Lines
    signature: Lines
    appendix: Lines
    footnotes: list[tuple[str, Para]] = field(default_factory=list)
    loose_links: list[tuple[int, str]] = field(default_factory=list)
    marks: dict[str, int] = field(default_factory=dict)  # footnote mark → line it stands on


def numbered_lines(raw: list[str]) -> Lines:
    return [(n, clean(t)) for n, t in enumerate(raw, start=1) if clean(t)]


def outline(raw: list[str]) -> Outline:
    lines = numbered_lines(raw)
    appendix_at = _first(lines, _is_appendix, after=_tail_start(lines))
    body, appendix = lines[:appendix_at], lines[appendix_at:]
    body, footnotes, marks = _take_footnotes(body)
    # Why: a PDF's hyperlinks come out as lines holding only an address, in the middle of a
    # sentence; they are not text of the plan (the address is also written in the sentence).
    loose = _loose_links(body)
    body = [line for line in body if line not in loose]
    tail_at = _tail_start(body)
    main, tail = body[:tail_at], body[tail_at:]
    intro_at = _first(main, lambda t: bool(_intro_start(t) or roman_heading(t)))
    header, main = _header(main, intro_at)
    recipients, signature = _split_tail(tail)
    intro, sections, closing = _sections(main)
    return Outline(header, intro, sections, closing, recipients, signature, appendix, footnotes,
                   loose, marks)


def _recipients_start(text: str) -> bool:
    """"Nơi nhận:", also as OCR misreads it ("Noi nhgn:")."""
    return bool(_RECIPIENTS.match(text)) or (
        ":" in text[:12] and fuzzy_has(text.split(":", 1)[0], "noi nhan", 0.85))


def _is_appendix(text: str) -> bool:
    """"PHỤ LỤC", "Phụ lục", and OCR's "Phu luc" on a line of its own."""
    return bool(_APPENDIX.match(text)) or re.fullmatch(
        r"phu luc(?:\s+[0-9ivx]+)?\.?", fold(text).lower().strip()) is not None


def _intro_start(text: str) -> bool:
    """"Căn cứ …", "Thực hiện …", also as OCR misreads them ("Thyc hién …")."""
    if _INTRO_START.match(text):
        return True
    first = " ".join(text.split()[:2])
    return fuzzy_has(first, "can cu", 0.85) or fuzzy_has(first, "thuc hien", 0.85)


def _header(main: Lines, intro_at: int) -> tuple[Lines, Lines]:
    # Why: an extracted text may start at "KẾ HOẠCH" with no "Căn cứ" before "I.": the header
    # is then everything up to the first line that is not in capitals or the title.
    return main[:intro_at], main[intro_at:]


def _first(lines: Lines, test: object, after: int = 0) -> int:
    for index in range(after, len(lines)):
        if test(lines[index][1]):  # type: ignore[operator]
            return index
    return len(lines)


def _tail_start(lines: Lines) -> int:
    last_heading = max(
        (i for i, (_n, t) in enumerate(lines) if roman_heading(t)), default=0
    )
    for index in range(last_heading, len(lines)):
        text = lines[index][1]
        if _recipients_start(text) or _SIGN_LINE.match(text):
            return index
    return len(lines)


def _split_tail(tail: Lines) -> tuple[Lines, Lines]:
    recipients: Lines = []
    signature: Lines = []
    for number, text in tail:
        if _SIGN_LINE.match(text) or (signature and not text.startswith("-")):
            signature.append((number, text))
        else:
            recipients.append((number, text))
    return recipients, signature


def _sections(main: Lines) -> tuple[list[Para], list[Section], list[Para]]:
    heads = [i for i, (_n, t) in enumerate(main) if roman_heading(t)]
    intro = _paras(main[: heads[0]] if heads else main)
    sections: list[Section] = []
    closing: list[Para] = []
    for k, start in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else len(main)
        number, text = main[start]
        heading = roman_heading(text)
        assert heading is not None
        paras = _paras(main[start + 1 : end])
        if k + 1 == len(heads):
            cut = _closing_at(paras)
            paras, closing = paras[:cut], paras[cut:]
        sections.append(Section(heading[0], heading[1].rstrip(" :"), number, paras))
    return intro, sections, closing


def _loose_links(lines: Lines) -> Lines:
    """Lines holding only an address that the text also writes elsewhere: the hyperlinks a PDF
    adds beside the words. An address written nowhere else is text: it stays."""
    written = " ".join(t for _n, t in lines if not _URL_ONLY.match(t))
    return [
        (n, t) for n, t in lines
        if _URL_ONLY.match(t) and re.sub(r"^https?://", "", t).rstrip("/.") in written
    ]


def _closing_at(paras: list[Para]) -> int:
    """The closing paragraph: "Trên đây là…", else a last plain paragraph ending in "./."."""
    for index, para in enumerate(paras):
        if folded(para.text).startswith("tren day"):
            return index
    if paras and paras[-1].text.endswith("./.") and not starts_block(paras[-1].text):
        return len(paras) - 1
    return len(paras)


def _paras(lines: Lines) -> list[Para]:
    if not lines:
        return []
    first = lines[0][0]
    raw = [""] * (lines[-1][0] - first + 1)
    for number, text in lines:
        raw[number - first] = text
    return paragraphs(raw, first)


def _take_footnotes(lines: Lines) -> tuple[Lines, list[tuple[str, Para]], dict[str, int]]:
    """A footnote prints its mark twice on a line of its own: after the word it explains and,
    lower on the page, before its text (which runs until the next list item). A lone number
    seen once is a page number: it is not part of the text."""
    counts = Counter(t for _n, t in lines if _LONE_MARK.match(t))
    seen: dict[str, int] = {}
    kept: Lines = []
    notes: list[tuple[str, Para]] = []
    index = 0
    while index < len(lines):
        number, text = lines[index]
        index += 1
        if not _LONE_MARK.match(text):
            kept.append((number, text))
            continue
        if counts[text] < 2 or text not in seen:
            seen.setdefault(text, number)
            continue
        body = [lines[index][1]] if index < len(lines) else []
        index += len(body)
        # The note goes on over lines that continue its sentence (lower case first).
        while index < len(lines) and lines[index][1][:1].islower():
            body.append(lines[index][1])
            index += 1
        if body:
            notes.append((text, Para(" ".join(body), number + 1)))
    return kept, notes, {mark: seen[mark] for mark, _para in notes}
