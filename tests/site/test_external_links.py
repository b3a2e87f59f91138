"""The https rule on the reference site: every external link is https, except an http://
link that comes from the data, kept as the source gives it and flagged on the page. The
report of the site is written to test-artifacts/external-links.txt for review."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kehoach.authoring.linkreport import by_domain, external_links, report, site_address
from kehoach.source.catalog import plan_files
from kehoach.source.yamlread.load import load_file
from tests.sitetools import FIXTURE_PLANS, ROOT, TEST_SITE_URL

ARTIFACT = ROOT / "test-artifacts" / "external-links.txt"


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _data_text() -> str:
    """Every string of the fixture registry and plans (the site's data), one per line."""
    registry, plans = plan_files(FIXTURE_PLANS)
    texts: list[str] = []
    for path in registry + plans:
        doc, _problems = load_file(path)
        assert doc is not None, path
        texts.extend(_strings(doc.data))
    return "\n".join(texts)


def test_every_external_link_is_https_or_an_http_link_of_the_data_flagged(site: Path) -> None:
    assert site_address((site / "index.html").read_text(encoding="utf-8")) == TEST_SITE_URL
    links = external_links(site)
    ARTIFACT.parent.mkdir(exist_ok=True)
    ARTIFACT.write_text(report(links, max_pages=0), encoding="utf-8")
    assert len(links) > 100 and len(by_domain(links)) > 5  # the walk found the links
    data = _data_text()
    wrong = [
        f"{link.page}: <{link.element}> {link.url}"
        + ("" if link.url in data else " (not from the data: a template or the theme)")
        + ("" if link.flagged else " (not flagged)")
        for link in links
        if link.scheme != "https"
        and not (link.scheme == "http" and link.flagged and link.url in data)
    ]
    assert not wrong, f"see {ARTIFACT}:\n" + "\n".join(wrong[:30])
