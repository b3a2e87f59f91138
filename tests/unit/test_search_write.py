"""The index files written one after the other (kehoach.search.index.IndexBuilder.write with
kehoach.search.shards) say every word's postings, the pages' metadata and the phrases, read
back here independently of the writer, named by a hash of their contents in order; no
temporary file is left behind, even when writing fails midway."""

from __future__ import annotations

import hashlib
import json
import random
import re
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from kehoach.search import common
from kehoach.search.index import MANIFEST, META_CHUNK, IndexBuilder
from kehoach.search.shards import SHARD_CHARS, compact_json
from kehoach.search.text import IndexedPage
from kehoach.vietnamese import fold

PAGES = 3 * META_CHUNK + 5  # four metadata files
KINDS = ("t", "p", "c")


def _page(number: int) -> IndexedPage:
    """A page with its own words (many: several shards), words on every page (common, their
    phrases in its headings) and one of several spellings of "so" (bits re-ordered)."""
    own = [f"tu{(number * 7 + k) % 400}x" for k in range(60)]
    spelling = ["sổ", "số", "so"][number % 3]
    title = f"Chuyển đổi số {number}"
    return IndexedPage(
        meta={"title": title, "kind": "Kế hoạch"},
        groups=[(3.0, ["chuyển", "đổi", spelling]), (1.0, [*own, "số", "đổi"])],
        filters=[f"tinh{number % 4}"],
        parts=[("", "Chuyển đổi số", f"Trang {number}")],
        neighbors={"doi": (1, 2)} if number % 2 else {},
        headline=title,
    )


def _written(folder: Path) -> IndexBuilder:
    builder = IndexBuilder(folder)
    numbers = list(range(PAGES))
    random.Random(18).shuffle(numbers)  # pages come in any order: numbered by address
    for number in numbers:
        builder.add(f"p{number:03d}/", _page(number))
    summary = builder.write(min_pages=10)
    assert summary.pages == PAGES and summary.shards >= 3 and summary.words == len(_expected())
    return builder


def _files(folder: Path, kind: str, version: str) -> list[Path]:
    paths = sorted((folder / kind).iterdir(), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    assert [p.name for p in paths] == [f"{version}-{n}.json" for n in range(len(paths))]
    return paths


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _postings(shards: list[dict[str, Any]], urls: list[str], weights: list[float]
              ) -> dict[str, dict[str, tuple[float, set[str], int, int]]]:
    """{word: {url: (weight, spellings used, before, after)}} read from the shards."""
    found: dict[str, dict[str, tuple[float, set[str], int, int]]] = {}
    for shard in shards:
        for word, (spellings, flat) in shard.items():
            page, postings = 0, found.setdefault(word, {})
            for at in range(0, len(flat), 5):
                delta, weight, mask, before, after = flat[at : at + 5]
                page += delta
                used = {s for bit, s in enumerate(spellings) if mask >> bit & 1}
                postings[urls[page]] = (weights[weight], used, before, after)
    return found


def _assert_cut_when_full(shards: list[dict[str, Any]]) -> None:
    """Each shard holds words up to SHARD_CHARS of JSON, a word more would have crossed it."""
    sizes = [[len(compact_json(word)) + 1 + len(compact_json(value)) for word, value in
              shard.items()] for shard in shards]
    for held, following in pairwise(sizes):
        assert sum(held) <= SHARD_CHARS or len(held) == 1
        assert sum(held) + following[0] > SHARD_CHARS
    assert sum(sizes[-1]) <= SHARD_CHARS or len(sizes[-1]) == 1


def _expected() -> dict[str, dict[str, tuple[float, set[str], int, int]]]:
    expected: dict[str, dict[str, tuple[float, set[str], int, int]]] = {}
    for number in range(PAGES):
        page, url = _page(number), f"p{number:03d}/"
        for weight, words in page.groups:
            for word in words:
                heaviest, used, _, _ = expected.setdefault(fold(word), {}).get(
                    url, (weight, set(), 0, 0))
                before, after = page.neighbors.get(fold(word), (0, 0))
                expected[fold(word)][url] = (heaviest, used | {word}, before, after)
        for token in page.filters:
            expected.setdefault(token, {})[url] = (1.0, {token}, 0, 0)
    return expected


def test_the_files_say_every_words_postings_and_are_named_by_their_contents(
    tmp_path: Path,
) -> None:
    _written(tmp_path)
    manifest = _read(tmp_path / MANIFEST)
    version = manifest["version"]
    files = {kind: _files(tmp_path, kind, version) for kind in KINDS}
    digest = hashlib.sha256()
    for kind in KINDS:  # the shards, then the metadata, then the phrases
        for path in files[kind]:
            digest.update(path.read_bytes() + b"\0")
    assert version == digest.hexdigest()[:12]

    metas = [meta for path in files["p"] for meta in _read(path)]
    urls = [meta["url"] for meta in metas]
    assert urls == sorted(f"p{n:03d}/" for n in range(PAGES)) and len(files["p"]) == 4
    assert all(meta["title"] == f"Chuyển đổi số {int(meta['url'][1:4])}" for meta in metas)

    shards = [_read(path) for path in files["t"]]
    assert manifest["shards"] == [min(shard) for shard in shards]
    words = [word for shard in shards for word in shard]
    assert words == sorted(words)  # in order, each word in one shard
    _assert_cut_when_full(shards)
    assert _postings(shards, urls, manifest["weights"]) == _expected()
    assert all(spellings == sorted(spellings) for shard in shards for spellings, _ in
               shard.values())

    assert manifest["common"] == ["chuyen", "doi", "so"]
    phrases = [_read(path) for path in files["c"]]
    assert len(phrases) == 3 and "chuyen doi so" in phrases[0]
    assert phrases[0]["chuyen doi so"] == list(range(common.PAGES))  # all titles: highest first


def test_no_temporary_file_is_left_behind(tmp_path: Path) -> None:
    _written(tmp_path)
    version = _read(tmp_path / MANIFEST)["version"]
    for kind in KINDS:
        assert all(re.fullmatch(rf"{version}-\d+\.json", p.name)
                   for p in (tmp_path / kind).iterdir())


def test_a_write_failing_midway_leaves_no_file_of_the_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(*args: object) -> None:
        raise OSError("disque plein")

    # The shards and the metadata are written when the phrases fail.
    monkeypatch.setattr(common.CommonPhrases, "best", failing)
    with pytest.raises(OSError, match="disque plein"):
        _written(tmp_path)
    for kind in KINDS:
        assert list((tmp_path / kind).iterdir()) == []
    assert not (tmp_path / MANIFEST).exists()
