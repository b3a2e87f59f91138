"""The parts of a built page that search shows as excerpts and links to (docs/assets/search.js).

A part is an element of the indexed body with an ``id`` whose first child is a heading: an
activity (``hd-…``), a section (``to-chuc-thuc-hien``), a responsibility (``tn-…``), see
kehoach/site/anchors.py. Its text is the running text of the page, as the reader sees it
(marks and đ as written), so that the search page can cut an excerpt around the reader's
words and link to the part. Text before the first part belongs to the page itself (anchor "").
The index keeps each page's parts in a file of its own, fetched only for the results shown.
"""

from __future__ import annotations

import re
from typing import Any

# Elements whose text is not indexed.
SKIPPED_TAGS = frozenset({"script", "style", "template", "noscript", "svg", "nav", "form"})
MARKERS = ("data-search-meta", "data-search-filter")
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements after which the reader sees a new line: their text is never glued to the next.
_BLOCKS = HEADINGS | {"p", "li", "div", "dt", "dd", "tr", "td", "th", "br", "section",
                      "article", "ul", "ol", "dl", "table", "blockquote", "header"}
# Characters kept per part: an excerpt needs the passage around the words, and a part longer
# than this (a long introduction) is rare; what is cut is still found, shown from its start.
PART_CHARS = 3000
# Marks a part whose text was cut, as a fourth item: the search page then knows that a quoted
# phrase it does not find there may be in what was left out (search-engine.js: holdsPhrases).
# A mark of its own: an ellipsis at the end of a text may be the plan's own.
CUT = 1
_SPACES = re.compile(r"\s+")

Part = tuple[str, str, str] | tuple[str, str, str, int]  # (anchor, heading, text[, CUT])


def is_indexed(element: Any) -> bool:
    """False for what search leaves out: navigation, forms, scripts, ignored parts, and the
    metadata and filters (searchable as such, not as page text)."""
    if not isinstance(element.tag, str) or element.tag in SKIPPED_TAGS:
        return False
    return element.get("data-search-ignore") is None and not any(
        element.get(marker) is not None for marker in MARKERS
    )


def page_parts(bodies: list[Any]) -> list[Part]:
    """The parts of the page whose indexed bodies are ``bodies`` (lxml elements), in page
    order, those without text left out."""
    texts: dict[str, list[str]] = {"": []}
    headings: dict[str, str] = {"": ""}
    for body in bodies:
        _texts(body, "", headings, texts)
    parts: list[Part] = []
    for anchor, pieces in texts.items():
        text = _SPACES.sub(" ", "".join(pieces)).strip()
        if len(text) > PART_CHARS:
            parts.append((anchor, headings[anchor], _cut(text), CUT))
        elif text:
            parts.append((anchor, headings[anchor], text))
    return parts


def _texts(element: Any, anchor: str, headings: dict[str, str],
           texts: dict[str, list[str]]) -> None:
    """Appends to ``texts[anchor of its part]`` the text of what is indexed inside
    ``element``, in reading order (appended, not yielded: see kehoach.search.text)."""
    if not is_indexed(element):
        return
    heading = _part_heading(element)
    if heading is not None:
        anchor = element.get("id")
        headings[anchor] = heading
    pieces = texts.setdefault(anchor, [])
    if element.text:
        pieces.append(element.text)
    first = _first_element(element) if heading is not None else None
    for child in element:
        if child is not first:  # a part's heading: shown above its excerpt, not in it
            _texts(child, anchor, headings, texts)
        if isinstance(child.tag, str) and child.tag in _BLOCKS:
            pieces.append(" ")
        if child.tail:
            pieces.append(child.tail)


def _part_heading(element: Any) -> str | None:
    """The heading of ``element`` when it starts a part (an id, a heading first), else None."""
    if not element.get("id"):
        return None
    first = _first_element(element)
    if first is None or first.tag not in HEADINGS:
        return None
    return _SPACES.sub(" ", first.text_content()).strip()


def _first_element(element: Any) -> Any:
    return next((child for child in element if isinstance(child.tag, str)), None)


def _cut(text: str) -> str:
    """``text`` cut to PART_CHARS at a space (the search page adds the ellipsis)."""
    return text[:PART_CHARS].rsplit(" ", 1)[0]
