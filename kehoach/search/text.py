"""The words of the site for its search: Vietnamese folding, what a built page gives the index.

The index (kehoach.search.index, read by docs/assets/search-engine.js) keys every word by its
folded form (``fold``: no tone or vowel marks, đ → d, lower case), so "doi" finds "đổi" and
"Đức" finds "Duc"; it also keeps the spellings each page uses, so that a page spelled the way
the reader typed ranks first. ``prepare_page`` reads from a built page what the index needs:
its metadata, its filters and its distinct words by weight.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import unescape
from typing import Any

import lxml.html  # type: ignore[import-untyped]  # lxml ships no type hints

from kehoach.search.parts import Part, is_indexed, page_parts
from kehoach.vietnamese import fold

SEARCH_TITLE = "Tìm kiếm"
# Weights of headings (plain text weighs 1), those Pagefind gives them
# (https://pagefind.app/docs/weighting/); a template may set data-search-weight.
_HEADING_WEIGHTS = {"h1": 7.0, "h2": 6.0, "h3": 5.0, "h4": 4.0, "h5": 3.0, "h6": 2.0}
# Kinds of page left out of the index (the facet "kind" of their PageSpec): the home page only
# points to other pages, and a unit's page repeats the tasks its plans give it (one page per
# unit and locality: tens of thousands nationally, which would outrank the plans themselves),
# and a coverage page (kehoach/site/pages/coverage.py) is a table naming every locality of
# its province or country, so it would answer every place's name before that place's page.
UNINDEXED_KINDS = frozenset({"Trang chủ", "Đơn vị", "Tình hình thực hiện"})
# A query made only of words on this share of the indexed pages is not looked up at once
# (see common_words); only on a site of this many indexed pages. Plans are under half of
# the indexed pages (47 % nationally: each locality has a page too), so a word every plan
# uses ("chủ trì") is on 45-50 % of them: at 0.5, "chu ky so" was looked up as "chu" alone,
# a prefix of words on nearly every page (2.2 s to the first result, 94 KB of index).
COMMON_SHARE = 0.4
COMMON_MIN_PAGES = 1000
# Facets that become search filters, in the order the search form shows them; a facet
# may hold several values ("2024, 2025").
FILTERS = {"province": "Tỉnh, thành phố", "year": "Năm", "level": "Cấp", "kind": "Loại trang",
           "status": "Tình trạng"}  # status: of a plan's activities (kehoach.tracking)
_MULTI_VALUED = frozenset({"year", "status"})
# A word: a run of letters and digits, as a reader splits text: punctuation ends a word
# wherever it is, so a word glued to a bracket or a link is found alone, "541/KH-UBND" is
# the words "541", "kh", "ubnd" (found side by side, see search-engine.js) and a date
# "02/12/2026" is no word of its own (a reader looks for plans by year, never by a day).
# search-engine.js (words) splits a query the same way (tests/vectors/words.json).
_WORD = re.compile(r"[^\W_]+")
# Words side by side, in the reader's order, rank first and a quoted phrase requires them
# (search-engine.js). The index cannot keep every position of every word within the budgets
# (a plan says "số" seventy times): it keeps, for each page and word, a mask of the words
# found just before it and one of those just after it, each word a bit of NEIGHBOR_BITS
# (neighbor_bit). "chữ ký" is then side by side on a page when "ký"'s mask before holds
# "chữ"'s bit and "chữ"'s mask after holds "ký"'s: exact for the words a plan uses with few
# neighbours ("ký", "chữ"), and a word with many ("số") is checked through the other one.
# Two masks of 16 bits: at most 5 digits each, as many bytes as the 2-3 positions kept before.
NEIGHBOR_BITS = 16
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_KIND = re.compile(r'data-search-meta="kind">\s*([^<]*?)\s*<')


def filter_pairs(facets: Mapping[str, str] | None) -> list[tuple[str, str]]:
    """(filter, value) pairs of a page's facets, for data-search-filter elements."""
    pairs: list[tuple[str, str]] = []
    for key in FILTERS:
        value = (facets or {}).get(key, "").strip()
        values = value.split(",") if key in _MULTI_VALUED else [value]
        pairs.extend((key, v.strip()) for v in values if v.strip())
    return pairs


@dataclass(frozen=True)
class IndexedPage:
    """What the index holds of one built page."""

    meta: dict[str, str]  # data-search-meta: title, description, kind, locality, province…
    groups: list[tuple[float, list[str]]]  # search_terms of its text
    filters: list[str]  # filter_token of each data-search-filter, sorted
    parts: list[Part] = field(default_factory=list)  # kehoach.search.parts, for excerpts
    # folded word → masks of the words just before and just after it (neighbor_masks)
    neighbors: dict[str, tuple[int, int]] = field(default_factory=dict)
    headline: str = ""  # its main heading (h1), for kehoach.search.common

    @property
    def words(self) -> frozenset[str]:
        """Its distinct words, folded (fold), for common_words."""
        return frozenset(fold(word) for _, words in self.groups for word in words)


def prepare_page(html: str) -> IndexedPage | None:
    """What the index holds of a built page, or None when the page is not indexed: no
    ``data-search-body`` (the 404 page, the search page) or a kind in UNINDEXED_KINDS.

    The text of the body becomes its distinct words by weight (``search_terms``): a plan
    says "số" seventy times; keeping it once per weight keeps the postings of the words
    every plan uses small enough to download and score on a phone, and barely moves the
    ranking; which words stand side by side is kept apart (``neighbor_masks``), and the
    running text of its parts for excerpts (kehoach.search.parts)."""
    if not may_be_indexed(html):
        return None
    document = lxml.html.document_fromstring(html)
    bodies = document.xpath("//*[@data-search-body]")
    if not bodies:
        return None
    # Each text split once, for the groups and the running words; most are the white space
    # between elements, which holds no word.
    texts: list[tuple[float, str]] = []
    for body in bodies:
        _weighted_text(body, 1.0, texts)
    split = [(weight, split_words(text)) for weight, text in texts if not text.isspace()]
    groups = _grouped_terms(split)
    meta = {
        element.get("data-search-meta"): " ".join(element.text_content().split())
        for element in document.xpath("//*[@data-search-meta]")
    }
    filters = {
        filter_token(element.get("data-search-filter"), element.text_content())
        for element in document.xpath("//*[@data-search-filter]")
    }
    meta = {k: v for k, v in meta.items() if v}
    running = [fold_word(word) for _, words in split for word in words]
    headline = next((" ".join(h.text_content().split()) for body in bodies
                     for h in body.iter("h1")), "")
    return IndexedPage(meta, groups, sorted(filters), page_parts(bodies),
                       neighbor_masks(running), headline)


def may_be_indexed(html: str) -> bool:
    """False for a built page that is surely not indexed (see prepare_page), found without
    parsing it: most pages of the country are units' pages."""
    kind = _KIND.search(html)
    return "data-search-body" in html and not (kind and unescape(kind[1]) in UNINDEXED_KINDS)


def search_terms(texts: Iterable[tuple[float, str]]) -> list[tuple[float, list[str]]]:
    """(weight, words) groups for ``texts`` ((weight, text) pairs), heaviest first: for each
    weight, the distinct words (lower case) in first-use order."""
    return _grouped_terms((weight, split_words(text)) for weight, text in texts)


def _grouped_terms(split: Iterable[tuple[float, list[str]]]) -> list[tuple[float, list[str]]]:
    """search_terms of texts already split into words."""
    words: dict[float, dict[str, None]] = {}
    for weight, found in split:
        words.setdefault(weight, {}).update(dict.fromkeys(found))
    return [(w, list(words[w])) for w in sorted(words, reverse=True) if words[w]]


def split_words(text: str) -> list[str]:
    """The words of ``text`` in order, lower case, brought to NFC first (a decomposed mark
    would otherwise end a word): "Số 541/KH-UBND." → ["số", "541", "kh", "ubnd"]."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


# Pages repeat the same few thousand words: each is folded and hashed once per process
# (done for every occurrence, a quarter of the indexing process's time nationally), and
# what is kept of them holds one string per distinct word, not one per occurrence.
fold_word = functools.cache(fold)


@functools.cache
def neighbor_bit(folded: str) -> int:
    """The bit standing for a folded word in a neighbour mask: FNV-1a (32 bits) over its code
    points, folded to NEIGHBOR_BITS bits. search-engine.js computes the same
    (tests/vectors/neighbors.json)."""
    digest = 0x811C9DC5
    for char in folded:
        digest = ((digest ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return 1 << ((digest ^ (digest >> 16)) % NEIGHBOR_BITS)


def neighbor_masks(running: list[str]) -> dict[str, tuple[int, int]]:
    """For each folded word of ``running`` (a page's words in reading order), the masks of
    the words found just before it and just after it, anywhere on the page."""
    masks: dict[str, list[int]] = {}
    for place, word in enumerate(running):
        mask = masks.setdefault(word, [0, 0])
        if place:
            mask[0] |= neighbor_bit(running[place - 1])
        if place + 1 < len(running):
            mask[1] |= neighbor_bit(running[place + 1])
    return {word: (before, after) for word, (before, after) in masks.items()}


def filter_token(key: str, value: str) -> str:
    """The word standing for a filter value in the index: "kh_province__tinh_ha_tinh__".

    A filter is a word of the index that every page with the value holds: search.js asks for
    the word of each chosen value beside the query's. The "__" around the value (a slug
    never holds "__") keeps a value's word from being the beginning of another's."""
    slug = _NOT_SLUG.sub("_", fold(value)).strip("_")
    return f"kh_{key}__{slug}__"


def common_words(counts: Counter[str], pages: int, min_pages: int = COMMON_MIN_PAGES) -> list[str]:
    """Folded words on at least COMMON_SHARE of ``pages`` indexed pages, when there are at
    least ``min_pages``: search.js asks for a place or a province before looking up a query
    made only of them (it would score nearly every page of the country)."""
    if pages < min_pages:
        return []
    return sorted(word for word, n in counts.items() if n >= COMMON_SHARE * pages)


def _weighted_text(element: Any, weight: float, out: list[tuple[float, str]]) -> None:
    """Appends to ``out`` the (weight, text) of what is indexed inside ``element`` (an
    lxml.html.HtmlElement), in reading order: not ignored parts, navigation, forms, scripts;
    headings weigh _HEADING_WEIGHTS. (Appended, not yielded: a generator nested as deep as
    the page would hand each text up through every level.)"""
    if not is_indexed(element):
        return
    weight = _weight(element, weight)
    if element.text:
        out.append((weight, element.text))
    for child in element:
        _weighted_text(child, weight, out)
        if child.tail:
            out.append((weight, child.tail))


def _weight(element: Any, inherited: float) -> float:
    explicit = element.get("data-search-weight")
    if explicit is not None:
        try:
            return float(explicit)
        except ValueError:
            return inherited
    return _HEADING_WEIGHTS.get(element.tag, inherited)
