"""The pages shown at once for a query made only of words on most pages of the site.

On a national site "chuyển đổi số", "chữ ký số" or "bình dân học vụ số" are on nearly every
page: looked up whole, they would have a phone download and score thousands of pages, so
search.js asks for a place instead (kehoach.search.text.common_words). Yet they are the
names of the very movements the plans are about. For each phrase of such words that the
titles and headings of the site use (a title "Bình dân học vụ số", an activity "Phổ cập chữ
ký số"), the index keeps the pages that bear it in a title or heading, best first: pages
whose title or main heading holds it, then the pages highest in the site (a platform or a
province's plan before a commune's), then those where it stands with the fewest other
words (the most about it). search.js shows them
at once, with the place filter beside them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kehoach.search.text import fold_word, split_words

# Phrases kept per first word, those on most pages first: a file of each common word holds
# those it begins (~2 KB gzip), fetched only for a query beginning with it.
PHRASES_PER_WORD = 100
MIN_PAGES = 2  # a phrase of one page's headings is not what a reader types
PAGES = 10  # pages kept per phrase: the first page of results
MIN_WORDS, MAX_WORDS = 2, 6  # one common word alone is looked up (search.js)


class CommonPhrases:
    """Collects the titles and headings of the pages (``add``), and gives the best pages of
    each phrase of common words (``best``)."""

    def __init__(self) -> None:
        # per page: its title, its main heading (h1), then the headings of its parts
        self._texts: list[tuple[tuple[str, ...], ...]] = []
        self._shared: dict[tuple[str, ...], tuple[str, ...]] = {}

    def add(self, title: str, headline: str, headings: Iterable[str]) -> None:
        # Held until the index is written: each distinct word (fold_word) and each distinct
        # heading (most plans share theirs: "Mục đích, yêu cầu") once, not once per page.
        words = [self._shared.setdefault(key, key) for key in
                 (tuple(fold_word(w) for w in split_words(text))
                  for text in (title, headline, *headings))]
        self._texts.append(tuple(words))

    def best(self, common: Iterable[str], urls: Sequence[str], order: Sequence[int]
             ) -> dict[str, dict[str, list[int]]]:
        """{first word: {phrase: page numbers in the written order, best first}} for the
        phrases of ``common`` words (every one of them a key); ``urls`` by page number as
        added, ``order``: the numbers as added of the pages in written order."""
        common = frozenset(common)
        renumbered = {old: new for new, old in enumerate(order)}
        # phrase → page → (not in its title or h1, fewest other words around it)
        found: dict[str, dict[int, tuple[bool, int]]] = {}
        # Most headings are shared by thousands of pages, each held once (add): their
        # phrases are found once, by the heading's identity.
        phrases_of: dict[int, set[str]] = {}
        for page, texts in enumerate(self._texts):
            for place, words in enumerate(texts):
                phrases = phrases_of.get(id(words))
                if phrases is None:
                    phrases = phrases_of[id(words)] = _phrases(words, common)
                for phrase in phrases:
                    pages = found.setdefault(phrase, {})
                    here = (place >= 2, len(words) - phrase.count(" ") - 1)
                    pages[page] = min(pages.get(page, here), here)

        def rank(page: int, how: tuple[bool, int]) -> tuple[bool, int, int, str]:
            return (how[0], urls[page].count("/"), how[1], urls[page])

        by_first: dict[str, dict[str, list[int]]] = {word: {} for word in sorted(common)}
        for phrase in sorted(found, key=lambda phrase: (-len(found[phrase]), phrase)):
            kept = by_first[phrase.split(" ", 1)[0]]
            if len(found[phrase]) >= MIN_PAGES and len(kept) < PHRASES_PER_WORD:
                best = sorted(found[phrase], key=lambda p: rank(p, found[phrase][p]))[:PAGES]
                kept[phrase] = [renumbered[p] for p in best]
        return by_first


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
