"""Visible text of an HTML page, for checks that compare what a reader sees."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser


class _TextExtractor(HTMLParser):
    """Collects text nodes, leaving out script and style content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def squash(text: str) -> str:
    """Whitespace folded to single spaces, so line wrapping in HTML does not matter."""
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def page_text(html_text: str) -> str:
    parser = _TextExtractor()
    parser.feed(html_text)
    return squash(" ".join(parser.parts))


# One attribute of a start tag: name, then a double-quoted, single-quoted or bare value.
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def tag_attributes(text: str) -> dict[str, str]:
    """The attributes of a start tag's inside (``text``: what stands between the tag name and
    ``>``), names in lower case, values unescaped; the first of a repeated name wins, as in
    browsers. Shared by the CSP hashing and the link report, which scan pages by regex."""
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        value = next((v for v in match.groups()[1:] if v is not None), "")
        found.setdefault(match[1].lower(), html.unescape(value))
    return found
