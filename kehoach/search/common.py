"""The pages shown at once for a query made only of words on most pages of the site.

On a national site "chuyển đổi số", "chữ ký số" or "bình dân học vụ số" are on nearly every
page: looked up whole, they would have a phone download and score thousands of pages, so
search.js asks for a place instead (kehoach.search.text.common_words). Yet they are the
names of the very movements the plans are about. For each phrase of such words that the
titles and headings of the site use (a title "Bình dân học vụ số", an activity "Phổ cập chữ
ký số"), the index keeps the pages that bear it in a title or heading, best first: pages
whose title holds it, then the pages highest in the site (a platform or a province's plan
before a commune's), then the shortest titles (the most about it). search.js shows them
at once, with the place filter beside them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kehoach.search.text import split_words
from kehoach.vietnamese import fold

PHRASES = 300  # phrases kept, those on most pages first: ~10 KB gzip nationally
PAGES = 10  # pages kept per phrase: the first page of results
MIN_WORDS, MAX_WORDS = 2, 6  # one common word alone is looked up (search.js)


class CommonPhrases:
    """Collects the titles and headings of the pages (``add``), and gives the best pages of
    each phrase of common words (``best``)."""

    def __init__(self) -> None:
        self._texts: list[tuple[tuple[str, ...], ...]] = []  # per page: title, then headings

    def add(self, title: str, headings: Iterable[str]) -> None:
        words = [tuple(fold(w) for w in split_words(text)) for text in (title, *headings)]
        self._texts.append(tuple(words))

    def best(self, common: Iterable[str], urls: Sequence[str], order: Sequence[int]
             ) -> dict[str, list[int]]:
        """{phrase: page numbers in the written order, best first} for the phrases of
        ``common`` words; ``urls`` by page number as added, ``order``: the numbers as added
        of the pages in written order."""
        common = frozenset(common)
        renumbered = {old: new for new, old in enumerate(order)}
        found: dict[str, dict[int, bool]] = {}  # phrase → page → in its title
        for page, texts in enumerate(self._texts):
            for place, words in enumerate(texts):
                for phrase in _phrases(words, common):
                    pages = found.setdefault(phrase, {})
                    pages[page] = pages.get(page, False) or place == 0

        def rank(page: int, in_title: bool) -> tuple[bool, int, int, str]:
            title = self._texts[page][0] if self._texts[page] else ()
            return (not in_title, urls[page].count("/"), len(title), urls[page])

        kept = sorted(found, key=lambda phrase: (-len(found[phrase]), phrase))[:PHRASES]
        return {
            phrase: [renumbered[p] for p in sorted(found[phrase], key=lambda p: rank(
                p, found[phrase][p]))[:PAGES]]
            for phrase in sorted(kept)
        }


def _phrases(words: Sequence[str], common: frozenset[str]) -> set[str]:
    """The runs of MIN_WORDS to MAX_WORDS common words side by side in ``words``."""
    phrases: set[str] = set()
    for start in range(len(words)):
        end = start
        while end < len(words) and end - start < MAX_WORDS and words[end] in common:
            end += 1
            if end - start >= MIN_WORDS:
                phrases.add(" ".join(words[start:end]))
    return phrases
