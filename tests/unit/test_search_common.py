"""The best pages of the phrases of common words (kehoach.search.common.CommonPhrases.best),
held as integers in flat arrays, are those of their plain definition: every phrase's pages
with how it stands on each, sorted (the form the index was first written with, kept here as
the reference; the national set of three years gives byte for byte the same index with
both). Their ranking on a small case: tests/unit/test_search_parts.py."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from kehoach.search import common
from kehoach.search.common import CommonPhrases

WORDS = ["chuyển", "đổi", "số", "chữ", "ký", "bình", "dân", "học", "vụ", "xã", "Thạch", "Hà"]


def _reference(phrases: CommonPhrases, common_words: Sequence[str], urls: Sequence[str],
               order: Sequence[int]) -> dict[str, dict[str, list[int]]]:
    """The plain definition: phrase → page → (not in its title or h1, other words), sorted."""
    words = frozenset(common_words)
    renumbered = {old: new for new, old in enumerate(order)}
    found: dict[str, dict[int, tuple[bool, int]]] = {}
    for page, texts in enumerate(phrases._texts):
        for place, heading in enumerate(texts):
            for phrase in common._phrases(heading, words):
                here = (place >= 2, len(heading) - phrase.count(" ") - 1)
                pages = found.setdefault(phrase, {})
                pages[page] = min(pages.get(page, here), here)
    by_first: dict[str, dict[str, list[int]]] = {word: {} for word in sorted(words)}
    for phrase in sorted(found, key=lambda phrase: (-len(found[phrase]), phrase)):
        kept = by_first[phrase.split(" ", 1)[0]]
        if len(found[phrase]) >= common.MIN_PAGES and len(kept) < common.PHRASES_PER_WORD:
            how = found[phrase]
            best = sorted(how, key=lambda p: (how[p][0], urls[p].count("/"), how[p][1], urls[p]))
            kept[phrase] = [renumbered[p] for p in best[: common.PAGES]]
    return by_first


def _text(chance: random.Random) -> str:
    return " ".join(chance.choice(WORDS) for _ in range(chance.randrange(0, 9)))


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("limit", [4, 1000])
def test_the_best_pages_are_those_of_the_plain_definition(
    seed: int, limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Few phrases kept per word: the limit is reached, and which are kept matters; many:
    # every phrase on MIN_PAGES pages is kept, and none on fewer.
    monkeypatch.setattr(common, "PHRASES_PER_WORD", limit)
    chance = random.Random(seed)
    phrases = CommonPhrases()
    urls: list[str] = []
    for number in range(120):
        depth = chance.randrange(1, 4)
        urls.append("".join(f"{chance.choice('abc')}{number}/" for _ in range(depth)))
        headings = [_text(chance) for _ in range(chance.randrange(0, 5))]
        phrases.add(_text(chance), _text(chance), headings)
    order = sorted(range(len(urls)), key=urls.__getitem__)
    common_words = ["chuyen", "doi", "so", "chu", "ky", "binh", "dan", "hoc", "vu"]
    best = phrases.best(common_words, urls, order)
    assert best == _reference(phrases, common_words, urls, order)
    kept = [pages for by_phrase in best.values() for pages in by_phrase.values()]
    assert any(len(pages) == common.PAGES for pages in kept)  # more pages than kept
    most = max(len(by_phrase) for by_phrase in best.values())
    assert most == 4 if limit == 4 else most > 4  # the limit reached, or not at all
