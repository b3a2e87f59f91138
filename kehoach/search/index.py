"""The site's search index: built from the pages' words (kehoach.search.text), read in the browser
by docs/assets/search-engine.js.

Why our own and not Pagefind (measured on the national data set, see the notes of #3 and #5):
Pagefind 1.5 needed 1.8 GB to index ~7,000 pages (~650 bytes per indexed word occurrence,
all held at once), over the build's memory budget on its own, and its WebAssembly start-up
alone kept the first result of a cold search over 500 ms even on a page without styles. The
same words as an inverted index of small integer arrays take tens of MB to build, and a
query needs no start-up but reading two or three small JSON files.

Layout of the index folder (kehoach.site.routes.SEARCH_INDEX of the site):

* ``manifest.json``: ``version`` (a hash of the other files), ``pages`` (indexed pages),
  ``common`` (kehoach.search.text.common_words), ``weights`` (the distinct weights, heaviest
  first), ``shards`` (the first word of each shard, in word order) and ``chunk`` (pages per
  metadata file, META_CHUNK).
* ``t/<version>-<n>.json``: shard n, ``{word: [spellings, postings]}`` for a run of folded
  words, cut at about SHARD_CHARS (kehoach.search.shards, which writes the files one after
  the other). ``spellings`` are the lower-case forms of the word found on any
  page, sorted; ``postings`` is flat: for each page holding the word, in page order, the
  page number minus the previous one's, the weight's place in ``weights``, a bit mask of
  the spellings that page uses (bit i: spellings[i]), and the masks of the words found just
  before and just after it on the page (kehoach.search.text.neighbor_bit): five numbers.
* ``p/<version>-<n>.json``: the metadata of pages n × chunk to (n + 1) × chunk - 1 (``url``
  relative to the site root, ``f`` the name of its parts' file, then the page's
  data-search-meta values).
* ``c/<version>-<n>.json``: the best pages of the phrases that begin with the n-th word of
  ``common`` and that titles and headings use, ``{phrase: [page numbers]}``
  (kehoach.search.common), fetched only for a query made of such words.
* ``f/<hash>.json``: the parts of one page (kehoach.search.parts): ``[[anchor, heading,
  text], …]`` (a fourth item, 1, when the text was cut), fetched for the results shown,
  to cut their excerpts. Named by a hash of their content, written as the pages come in
  (the builder holds none of them), so a file is never cached across builds with another
  content.

The search page also holds a copy of the manifest (``embed_manifest``).

The output depends only on the pages, not on the order they came in
(two processes render them): pages are numbered by address, spellings sorted.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.search.common import CommonPhrases
from kehoach.search.shards import VersionedFiles, cut_shards
from kehoach.search.shards import compact_json as _json
from kehoach.search.text import COMMON_MIN_PAGES, IndexedPage, common_words
from kehoach.vietnamese import fold

MANIFEST = "manifest.json"
FRAGMENTS = "f"  # the folder of the pages' parts
META_CHUNK = 32  # pages per metadata file: ~2 KB gzip, ten results need one to ten
# The search page carries the manifest in this data block (overrides/search.html), filled
# once the index is written: its search then starts without first fetching the manifest, a
# round trip before the first shard could be asked for. Filled again on each write; the
# text never holds "<" (escaped), so the block ends at the first "</script>".
_MANIFEST_BLOCK = re.compile(
    r'(<script type="application/json" id="kh-search-manifest">)[^<]*(</script>)'
)
# Masks are 31-bit in JavaScript; a word with more spellings than this (never seen: "doi"
# has nine) ranks its rarer ones as folded matches.
MAX_SPELLINGS = 31


@dataclass
class _Postings:
    spellings: dict[str, int] = field(default_factory=dict)  # → its bit, in order of first use
    pages: array[int] = field(default_factory=lambda: array("I"))
    weights: array[float] = field(default_factory=lambda: array("d"))
    masks: array[int] = field(default_factory=lambda: array("L"))
    before: array[int] = field(default_factory=lambda: array("I"))  # neighbour masks
    after: array[int] = field(default_factory=lambda: array("I"))


@dataclass
class IndexSummary:
    pages: int
    words: int
    shards: int


class IndexBuilder:
    """Collects pages (``add``) and writes the index (``write``). Holds the postings as
    integer arrays: ~15 bytes per page and word, ~25 MB for the national data set."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder  # where the index is written (emptied on the first page)
        self._words: dict[str, _Postings] = {}
        self._metas: list[dict[str, str]] = []
        self._folded: dict[str, str] = {}  # spelling → folded word, computed once
        self.counts: Counter[str] = Counter()  # indexed pages holding each folded word
        self._phrases = CommonPhrases()

    @property
    def pages(self) -> int:
        return len(self._metas)

    def add(self, url: str, page: IndexedPage) -> None:
        number = len(self._metas)
        if not number:
            shutil.rmtree(self.folder, ignore_errors=True)
            (self.folder / FRAGMENTS).mkdir(parents=True)
        self._metas.append({"url": url, **self._fragment(page), **page.meta})
        self._phrases.add(page.meta.get("title", ""), page.headline,
                          (part[1] for part in page.parts))
        found: dict[str, tuple[float, dict[str, None]]] = {}
        for weight, words in page.groups:  # heaviest first: the first weight is the largest
            for word in words:
                folded = self._folded.get(word) or self._folded.setdefault(word, fold(word))
                found.setdefault(folded, (weight, {}))[1][word] = None
        for token in page.filters:  # searched as words, never shown
            found.setdefault(token, (1.0, {token: None}))
        for folded, (weight, spellings) in found.items():
            postings = self._words.get(folded) or self._words.setdefault(folded, _Postings())
            postings.pages.append(number)
            postings.weights.append(weight)
            postings.masks.append(_mask(postings.spellings, spellings))
            before, after = page.neighbors.get(folded, (0, 0))
            postings.before.append(before)
            postings.after.append(after)
        self.counts.update(found.keys() - set(page.filters))

    def _fragment(self, page: IndexedPage) -> dict[str, str]:
        """Writes the parts of ``page`` to their file; {"f": its name}, {} without parts."""
        if not page.parts:
            return {}
        text = _json(page.parts)
        name = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
        path = self.folder / FRAGMENTS / f"{name}.json"
        if not path.exists():
            path.write_text(text, encoding="utf-8")
        return {"f": name}

    def write(self, min_pages: int = COMMON_MIN_PAGES) -> IndexSummary:
        """Writes the index into ``folder`` (but the parts' files, already written).

        The builder's last use: each word's postings are dropped as soon as they are encoded
        (the files are written as they are made, kehoach.search.shards), so that writing
        needs little more memory than collecting."""
        for kind in ("t", "p", "c"):
            shutil.rmtree(self.folder / kind, ignore_errors=True)
        order = sorted(range(len(self._metas)), key=lambda n: self._metas[n]["url"])
        weights = sorted({w for p in self._words.values() for w in p.weights}, reverse=True)
        common = common_words(self.counts, self.pages, min_pages)
        files = VersionedFiles(self.folder)
        firsts: list[str] = []
        words = len(self._words)
        try:
            files.add("t", cut_shards(self._encoded(order, weights), firsts))
            files.add("p", self._meta_chunks(order))
            files.add("c", self._phrase_files(common, order))
            version = files.finish()
        except BaseException:
            files.discard()
            raise
        manifest = {"version": version, "pages": self.pages, "common": common,
                    "weights": weights, "shards": firsts, "chunk": META_CHUNK}  # fmt: skip
        (self.folder / MANIFEST).write_text(_json(manifest), encoding="utf-8")
        return IndexSummary(self.pages, words, len(firsts))

    def _encoded(self, order: list[int], weights: list[float]) -> Iterator[tuple[str, str]]:
        """(word, its JSON) in word order, each word's postings dropped once encoded."""
        renumbered = array("I", bytes(4 * len(order)))
        for new, old in enumerate(order):
            renumbered[old] = new
        places = {weight: place for place, weight in enumerate(weights)}
        for word in sorted(self._words):
            yield word, _encode(self._words.pop(word), renumbered, places)

    def _meta_chunks(self, order: list[int]) -> Iterator[str]:
        for start in range(0, len(order), META_CHUNK):
            yield _json([self._metas[n] for n in order[start : start + META_CHUNK]])

    def _phrase_files(self, common: list[str], order: list[int]) -> Iterator[str]:
        urls = [meta["url"] for meta in self._metas]
        for kept in self._phrases.best(common, urls, order).values():
            yield _json(kept)


def embed_manifest(index_dir: Path, page: Path) -> bool:
    """Puts the manifest of the index in ``index_dir`` into the data block of the search
    page ``page`` (its HTML file); False when there is no such block (the page then fetches
    manifest.json)."""
    if not page.is_file():
        return False
    html = page.read_text(encoding="utf-8")
    text = (index_dir / MANIFEST).read_text(encoding="utf-8").replace("<", "\\u003c")
    filled, count = _MANIFEST_BLOCK.subn(lambda m: m[1] + text + m[2], html, count=1)
    if count:
        page.write_text(filled, encoding="utf-8")
    return bool(count)


def _mask(known: dict[str, int], spellings: dict[str, None]) -> int:
    """The bit mask of ``spellings`` among the word's ``known`` ones (new ones are added)."""
    mask = 0
    for spelling in spellings:
        place = known.setdefault(spelling, len(known))
        if place < MAX_SPELLINGS:
            mask |= 1 << place
    return mask


def _encode(postings: _Postings, renumbered: array[int], weights: dict[float, int]) -> str:
    """[spellings, flat postings] of one word as JSON, pages in their new order (module
    docstring)."""
    arrival = list(postings.spellings)[:MAX_SPELLINGS]
    spellings = sorted(arrival)
    # Bits were given in order of arrival, which differs between builds: re-given in order.
    bits = None if arrival == spellings else [1 << spellings.index(s) for s in arrival]
    masks: dict[int, int] = {}  # a mask as given → in order: a word has few distinct ones
    pages = [renumbered[page] for page in postings.pages]
    flat: list[int] = []
    previous = 0
    for i in sorted(range(len(pages)), key=pages.__getitem__):
        mask = postings.masks[i]
        if bits is not None:
            mask = masks.get(mask) or masks.setdefault(mask, _reordered(mask, bits))
        flat += (pages[i] - previous, weights[postings.weights[i]], mask,
                 postings.before[i], postings.after[i])
        previous = pages[i]
    return _json([spellings, flat])


def _reordered(mask: int, bits: list[int]) -> int:
    """``mask`` with its bit i moved to ``bits[i]``."""
    return sum(bit for place, bit in enumerate(bits) if mask >> place & 1)
