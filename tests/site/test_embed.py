"""Embeddable pages ("<locality>/nhung/") of the reference site: the way a plan leaves the site.

An embed page stands alone (no site chrome), is small and fetches nothing from another origin;
the locality page offers the <iframe> snippet with an absolute address. In chromium (320 px
iframes, printing on A4): tests/browser/test_embed_browser.py.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path

from kehoach.source.catalog import load_catalog
from tests.sitetools import FIXTURE_PLANS, TEST_SITE_URL

SITE_URL = TEST_SITE_URL  # the reference site's address: https://example.github.io/kehoach/
RESOURCE_TAGS = {
    "script",
    "link",
    "img",
    "iframe",
    "source",
    "video",
    "audio",
    "embed",
    "object",
    "image",
    "use",
    "track",
    "input",
}


def _embed_pages(site: Path) -> list[Path]:
    pages = sorted(site.glob("**/nhung/index.html"))
    assert len(pages) >= 5
    return pages


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def _tags(path: Path) -> _Tags:
    parser = _Tags()
    parser.feed(path.read_text("utf-8"))
    return parser


def test_every_locality_with_plans_has_an_embed_page(site: Path) -> None:
    catalog = load_catalog(FIXTURE_PLANS)
    places = {catalog.locality_of(s.plan) for s in catalog.plans}
    expected = {p.path for p in places} | {p.path.split("/")[0] for p in places}
    found = {str(p.parent.parent.relative_to(site)) for p in _embed_pages(site)}
    assert found == expected


def test_embed_pages_are_small_and_stand_alone(site: Path) -> None:
    for page in _embed_pages(site):
        text = page.read_text("utf-8")
        assert len(page.read_bytes()) < 30 * 1024, page
        assert "md-header" not in text and "assets/stylesheets" not in text, page
        parsed = _tags(page)
        assert not [t for t, _a in parsed.tags if t in ("script", "nav", "header", "footer")]
        assert any(t == "meta" and a.get("name") == "viewport" for t, a in parsed.tags)


def test_embed_pages_request_nothing_from_another_origin(site: Path) -> None:
    """Static check: no http(s) address (nor protocol-relative one) in what a browser loads."""
    for page in _embed_pages(site):
        parsed = _tags(page)
        for tag, attrs in parsed.tags:
            if tag not in RESOURCE_TAGS:
                continue
            for name in ("src", "href", "srcset", "data", "poster", "xlink:href"):
                value = attrs.get(name, "")
                assert not value.startswith(("http:", "https:", "//")), f"{page}: <{tag} {name}>"
        css = "".join(parsed.styles) + _linked_css(page, parsed)
        assert css.strip(), f"{page}: no style found, the check below would prove nothing"
        assert "@import" not in css and "url(" not in css, page


def _linked_css(page: Path, parsed: _Tags) -> str:
    """The page's own stylesheets (relative links, checked above to stay on the site)."""
    sheets = [a["href"] for t, a in parsed.tags
              if t == "link" and "stylesheet" in a.get("rel", "").split()]
    return "".join((page.parent / href).read_text("utf-8") for href in sheets)


def test_links_leave_the_iframe_in_a_new_tab(site: Path) -> None:
    for page in _embed_pages(site):
        anchors = [a for t, a in _tags(page).tags if t == "a"]
        assert anchors
        for attrs in anchors:
            assert attrs.get("target") == "_blank", f"{page}: {attrs}"
            assert "noopener" in attrs.get("rel", "").split(), f"{page}: {attrs}"


def test_embed_content(site: Path) -> None:
    text = (site / "ha-tinh" / "xa-thach-ha" / "nhung" / "index.html").read_text("utf-8")
    title = "Triển khai các hoạt động Ngày Chuyển đổi số quốc gia (10/10) trên địa bàn xã Thạch Hà"
    assert title in text
    assert 'href="https://binhdanhocvuso.gov.vn/"' in text  # a platform the plan points to
    assert 'href="../ha-tinh-thach-ha-2025-ngay-cds/"' in text  # the full plan
    assert '<time datetime="2025-10-06">' in text
    # The build day (10/10/2025 in Vietnam) and each activity's status in words: no report
    # in the fixtures, so none is "hoàn thành".
    assert "Tình hình tính đến ngày 10/10/2025." in text
    assert text.count('<span class="st st--not_reported">chưa có báo cáo</span>') == text.count(
        "<li><time") + text.count('<li><span class="when">')


def test_locality_page_offers_an_absolute_iframe_snippet(site: Path) -> None:
    page = site / "ha-tinh" / "xa-thach-ha" / "index.html"
    text = html.unescape(page.read_text("utf-8"))
    assert f'<iframe src="{SITE_URL}ha-tinh/xa-thach-ha/nhung/"' in text
    assert 'href="nhung/"' in text  # preview link, relative
