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

from array import array
from bisect import insort
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

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
        found = _occurrences(self._texts, common)
        kept = _kept(found, common)
        renumbered = {old: new for new, old in enumerate(order)}
        by_first: dict[str, dict[str, list[int]]] = {word: {} for word in sorted(common)}
        for number, best in _best_pages(found, kept, urls).items():
            by_first[kept[number].split(" ", 1)[0]][kept[number]] = [
                renumbered[page] for *_, page in best]
        return by_first


@dataclass
class _Occurrences:
    """Each page's phrases and how each stands there (``_how``), as integers in flat arrays
    (page p's are at starts[p] to starts[p + 1]): held as dicts of tuples, phrase → page →
    how, they took ~550 MB on the national set of three years."""

    names: list[str] = field(default_factory=list)  # the phrases by number
    pages: list[int] = field(default_factory=list)  # pages bearing each phrase, by number
    starts: array[int] = field(default_factory=lambda: array("L", [0]))
    phrases: array[int] = field(default_factory=lambda: array("L"))
    hows: array[int] = field(default_factory=lambda: array("Q"))


def _occurrences(texts: Sequence[tuple[tuple[str, ...], ...]], common: frozenset[str]
                 ) -> _Occurrences:
    found = _Occurrences()
    numbers: dict[str, int] = {}
    # Most headings are shared by thousands of pages, each held once (CommonPhrases.add):
    # their phrases are found once, by the heading's identity.
    phrases_of: dict[int, set[str]] = {}
    for page_texts in texts:
        here: dict[str, int] = {}  # phrase → how it stands at best on this page
        for place, words in enumerate(page_texts):
            phrases = phrases_of.get(id(words))
            if phrases is None:
                phrases = phrases_of[id(words)] = _phrases(words, common)
            for phrase in phrases:
                how = _how(place, len(words) - phrase.count(" ") - 1)
                here[phrase] = min(here.get(phrase, how), how)
        for phrase, how in here.items():
            number = numbers.setdefault(phrase, len(numbers))
            if number == len(found.names):
                found.names.append(phrase)
                found.pages.append(0)
            found.pages[number] += 1
            found.phrases.append(number)
            found.hows.append(how)
        found.starts.append(len(found.phrases))
    return found


def _how(place: int, others: int) -> int:
    """How a phrase stands in the ``place``-th text of a page (its title, its h1, then its
    headings) among ``others`` words, as a number, the lower the better: out of the title
    and h1 last, then with the fewest other words around it."""
    return (place >= 2) << 32 | others


def _kept(found: _Occurrences, common: frozenset[str]) -> dict[int, str]:
    """The phrases kept (by number): of each first word, those on most pages first (at least
    MIN_PAGES), up to PHRASES_PER_WORD."""
    taken = dict.fromkeys(common, 0)
    kept: dict[int, str] = {}
    names, pages = found.names, found.pages
    for number in sorted(range(len(names)), key=lambda n: (-pages[n], names[n])):
        first = names[number].split(" ", 1)[0]
        if pages[number] >= MIN_PAGES and taken[first] < PHRASES_PER_WORD:
            kept[number] = names[number]
            taken[first] += 1
    return kept


def _best_pages(found: _Occurrences, kept: dict[int, str], urls: Sequence[str]
                ) -> dict[int, list[tuple[int, int, int, str, int]]]:
    """The PAGES best pages of each kept phrase, as their ranks ending with the page: in a
    title or h1 first, then the pages highest in the site, then those where it stands with
    the fewest other words, then by address."""
    best: dict[int, list[tuple[int, int, int, str, int]]] = {number: [] for number in kept}
    for page in range(len(found.starts) - 1):
        url = urls[page]
        for at in range(found.starts[page], found.starts[page + 1]):
            ranks = best.get(found.phrases[at])
            if ranks is not None:
                how = found.hows[at]
                insort(ranks, (how >> 32, url.count("/"), how & 0xFFFFFFFF, url, page))
                del ranks[PAGES:]
    return best


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
