"""End-to-end builds of the fixture plans (the reference site, tests/conftest.py): nothing a
clerk wrote is lost, builds are reproducible, and every internal link and anchor resolves
under a sub-path."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlparse

from kehoach.site import routes
from kehoach.site.markdown import MarkdownRenderer
from kehoach.source.catalog import load_catalog
from kehoach.source.schema import PLAN_SCHEMA, iter_schema_values
from kehoach.source.yamlread.load import load_file
from tests.sitetools import (
    FIXTURE_PLANS,
    ROOT,
    SUB_PATH,
    differing_files,
    page_text,
    serve,
    squash,
    tree_bytes,
)


def _text_values(data: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every free-text value of a plan: strings the schema does not constrain to a code,
    an id, a date or a choice."""
    for json_path, value, node in iter_schema_values(PLAN_SCHEMA, data):
        if isinstance(value, str) and "pattern" not in node and "enum" not in node:
            yield json_path, value


def _plan_pages(site: Path) -> Iterator[tuple[str, dict[str, Any], str]]:
    catalog = load_catalog(FIXTURE_PLANS)
    for source in catalog.plans:
        doc, _problems = load_file(ROOT / source.path)
        assert doc is not None
        place = catalog.locality_of(source.plan)
        html_file = site / routes.plan(place, source.plan.id) / "index.html"
        yield source.path, doc.data, html_file.read_text(encoding="utf-8")


def test_every_text_value_of_every_plan_is_on_its_page(site: Path) -> None:
    md = MarkdownRenderer()
    missing: list[str] = []
    checked = 0
    for path, data, html_text in _plan_pages(site):
        text = page_text(html_text)
        for json_path, value in _text_values(data):
            checked += 1
            # Plain fields appear as written; Markdown fields as their rendered text.
            if squash(value) not in text and page_text(str(md(value))) not in text:
                missing.append(f"{path} {'.'.join(map(str, json_path))}: {value[:60]!r}")
    assert checked > 500, "the walk found too few values: the test would prove nothing"
    assert not missing, "\n".join(missing)


def test_two_builds_are_byte_identical(site: Path, rebuilt_site: Path) -> None:
    assert differing_files(tree_bytes(site), tree_bytes(rebuilt_site)) == []


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("name"):
            self.ids.add(str(values["name"]))
        for attribute in ("href", "src"):
            target = values.get(attribute)
            if target and tag in ("a", "link", "script", "img", "iframe", "source"):
                self.links.append(target)


def _fetch(url: str, cache: dict[str, _Links | None]) -> _Links | None:
    """Parsed page at ``url`` (None when it is not HTML); raises when it does not exist."""
    if url not in cache:
        with urllib.request.urlopen(url, timeout=10) as response:
            body = response.read()
            is_html = "text/html" in response.headers.get("Content-Type", "")
        parsed = None
        if is_html:
            parsed = _Links()
            parsed.feed(body.decode("utf-8"))
        cache[url] = parsed
    return cache[url]


def test_every_internal_link_and_anchor_resolves_under_a_sub_path(site: Path) -> None:
    pages = sorted(p for p in site.rglob("*.html"))
    assert len(pages) > 20
    broken: list[str] = []
    cache: dict[str, _Links | None] = {}
    with serve(site, sub_path=True) as base:
        for page in pages:
            page_url = urljoin(base, page.relative_to(site).as_posix())
            links = _fetch(page_url, cache)
            assert links is not None
            for href in links.links:
                broken.extend(_check_link(base, page_url, href, cache))
    assert not broken, "\n".join(sorted(set(broken))[:50])


def _check_link(base: str, page_url: str, href: str, cache: dict[str, _Links | None]) -> list[str]:
    if href.startswith(("mailto:", "tel:", "data:")):
        return []
    absolute_path = href.startswith("/") and not href.startswith("//")
    allowed_on_404 = page_url.endswith("/404.html") and href.startswith(SUB_PATH)
    if absolute_path and not allowed_on_404:
        return [f"{page_url}: absolute path {href} breaks under a sub-path"]
    target = urljoin(page_url, href)
    if urlparse(target).netloc != urlparse(base).netloc:
        return []  # external: reported by the link report, not fetched in tests
    address, fragment = urldefrag(target)
    try:
        parsed = _fetch(address, cache)
    except urllib.error.HTTPError as exc:
        return [f"{page_url}: {href} → HTTP {exc.code}"]
    if fragment and (parsed is None or fragment not in parsed.ids):
        return [f"{page_url}: {href} → no anchor #{fragment}"]
    return []
