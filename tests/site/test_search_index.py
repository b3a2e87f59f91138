"""The search index of the reference site (kehoach.search.index): every indexed page once,
only pages with a body, the manifest held by the search page, help texts every page of a
kind repeats left out (the search in chromium: tests/browser/test_search.py)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kehoach.search.index import MANIFEST
from kehoach.search.text import prepare_page
from kehoach.site.routes import SEARCH_INDEX
from kehoach.vietnamese import fold
from tests.unit.test_search_text import _embedded_manifest

THACH_HA = ("ha-tinh/xa-thach-ha/", "ha-tinh/xa-thach-ha/ha-tinh-thach-ha-2025-ngay-cds/")


@pytest.mark.parametrize(("path", "shown"), [
    (THACH_HA[0], "iframe"),  # a locality's embed code and its instructions
    (THACH_HA[1], "outlook"),  # how to add a plan's calendar to a phone
])
def test_help_for_editors_and_calendar_users_is_on_the_page_but_not_indexed(
    site: Path, path: str, shown: str
) -> None:
    """Text that every page of a kind repeats word for word is not what a reader looks for:
    indexed, "iframe" or "outlook" would find every locality or plan of the country."""
    html = (site / path / "index.html").read_text(encoding="utf-8")
    assert shown in html.lower()
    prepared = prepare_page(html)
    assert prepared is not None
    assert fold(shown) not in prepared.words


def test_the_search_page_holds_the_manifest_of_its_index(site: Path) -> None:
    manifest = json.loads((site / SEARCH_INDEX / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["pages"] > 0
    assert _embedded_manifest(site) == manifest


def test_every_indexed_page_appears_once_and_only_pages_with_a_body(site: Path) -> None:
    index = _read_index(site / SEARCH_INDEX)
    urls = [meta["url"] for meta in index.metas]
    assert len(urls) == len(set(urls)) == index.manifest["pages"] > 10
    assert urls == sorted(urls)  # numbered by address: the same index whatever the order
    assert "huong-dan-nhap-lieu/" in urls and "ha-tinh/" in urls
    assert "dong-nai/xa-xuan-loc/dong-nai-xuan-loc-2025-ngay-cds/" in urls
    for left_out in ("404.html", "tim-kiem/", ""):
        assert left_out not in urls
    assert not any("/don-vi/" in url for url in urls)  # unit pages are not indexed
    assert (site / "404.html").exists() and "data-search-body" not in (
        site / "404.html").read_text(encoding="utf-8")
    for word, pages in index.postings.items():  # each page once per word, in page order
        assert pages == sorted(set(pages)) and pages[-1] < len(urls), word


@dataclass
class _Index:
    manifest: dict[str, Any]
    metas: list[dict[str, str]]
    postings: dict[str, list[int]]  # folded word → its pages


def _read_index(folder: Path) -> _Index:
    """The index files decoded as search-engine.js reads them (kehoach/search/index.py)."""
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    version = manifest["version"]
    metas = [m for n in range(-(-manifest["pages"] // manifest["chunk"]))
             for m in json.loads((folder / f"p/{version}-{n}.json").read_text("utf-8"))]
    postings: dict[str, list[int]] = {}
    for number, first in enumerate(manifest["shards"]):
        shard = json.loads((folder / f"t/{version}-{number}.json").read_text(encoding="utf-8"))
        assert min(shard) == first
        for word, (_, flat) in shard.items():
            pages, at, page = postings.setdefault(word, []), 0, 0
            while at < len(flat):
                page += flat[at]
                pages.append(page)
                at += 5  # page delta, weight, spellings, neighbours before and after
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    fragments = {f"f/{meta['f']}.json" for meta in metas if "f" in meta}  # each page's parts
    assert fragments and {name for name in files if name.startswith("f/")} == fragments
    phrases = {f"c/{version}-{n}.json" for n in range(len(manifest["common"]))}
    assert {name for name in files if name.startswith("c/")} == phrases  # one per common word
    assert len(files) == (1 + len(manifest["shards"]) + -(-len(metas) // manifest["chunk"])
                          + len(fragments) + len(phrases))
    return _Index(manifest, metas, postings)


def test_the_theme_script_of_the_search_page_is_materials(site: Path) -> None:
    """The search page names Material's script itself (search.js loads it later): the file it
    names is in the site, and is the one Material's base.html loads, whose name changes with
    each Material release (overrides/search.html gets it from kehoach.adapter.compat)."""
    import material

    page = site / "tim-kiem" / "index.html"
    src = re.search(r'data-theme-script="([^"]+)"', page.read_text(encoding="utf-8"))
    assert src, "the search page names no theme script"
    script = (page.parent / src[1]).resolve()
    assert script.is_file(), f"the search page's theme script {src[1]} is not in the site"
    name = script.relative_to(site.resolve()).as_posix()
    materials = Path(material.__file__).parent / "templates" / "base.html"
    assert f"'{name}' | url" in materials.read_text(encoding="utf-8"), name


def test_coverage_pages_are_built_but_not_indexed(site: Path) -> None:
    """A coverage page names every locality of its province or country: indexed, it would
    answer a place's name before that place's own page."""
    pages = sorted(site.glob("**/tinh-hinh/*/index.html"))
    assert pages, "the reference site has coverage pages"
    for page in pages:
        assert prepare_page(page.read_text(encoding="utf-8")) is None, page
