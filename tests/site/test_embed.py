"""Embeddable pages ("<locality>/nhung/") and printing: the two ways a plan leaves the site.

An embed page stands alone (no site chrome), is small, fetches nothing from another origin and
fits a 320 px iframe; the locality page offers the <iframe> snippet with an absolute address.
A plan page prints on A4 without navigation, with external addresses written out.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from kehoach.site.index import build_index
from kehoach.site.pages.embed import EmbedView
from kehoach.source.catalog import load_catalog
from tests.sitetools import ROOT, build_site, serve

SITE_URL = "https://example.github.io/kehoach/"
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


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("embed") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", SITE_URL)
        build_site(out)
    return out


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
    catalog = load_catalog(ROOT / "plans")
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


def test_the_current_plan_is_the_newest_of_the_place() -> None:
    index = build_index(load_catalog(ROOT / "plans"))
    pages = {p.src_uri: p.data for p in EmbedView(index).pages()}
    ha_tinh = pages["ha-tinh/nhung/index.md"]
    assert ha_tinh["plan"]["url"] == "ha-tinh/ha-tinh-2025-ngay-cds/"  # its own, not a commune's
    assert ha_tinh["plan"]["elsewhere"] is None
    assert {o["url"] for o in ha_tinh["others"]} == {
        "ha-tinh/xa-thach-ha/ha-tinh-thach-ha-2025-ngay-cds/",
        "ha-tinh/huyen-duc-tho/ha-tinh-duc-tho-2024-ngay-cds/",
    }
    dong_nai = pages["dong-nai/nhung/index.md"]  # no plan of its own: the newest inside it
    assert dong_nai["plan"]["elsewhere"] == "Xã Xuân Lộc"
    assert pages["ha-tinh/huyen-duc-tho/nhung/index.md"]["plan"]["year"] == 2024


def test_locality_page_offers_an_absolute_iframe_snippet(site: Path) -> None:
    page = site / "ha-tinh" / "xa-thach-ha" / "index.html"
    if not page.exists() or not (ROOT / "overrides" / "locality.html").exists():
        pytest.skip("no locality pages in this build")
    text = html.unescape(page.read_text("utf-8"))
    assert f'<iframe src="{SITE_URL}ha-tinh/xa-thach-ha/nhung/"' in text
    assert 'href="nhung/"' in text  # preview link, relative


# --- in a browser -------------------------------------------------------------------------


def _watch_origins(page: Any, base: str, outside: list[str]) -> None:
    origin = urlsplit(base)[:2]

    def handle(route: Any) -> None:
        if urlsplit(route.request.url)[:2] != origin:
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", handle)


@pytest.mark.browser
def test_embed_pages_in_a_320px_iframe(site: Path, browser: Any) -> None:
    pages = [p.parent.relative_to(site).as_posix() + "/" for p in _embed_pages(site)]
    host = "".join(
        f'<iframe src="{p}" width="320" height="600" style="border:0"></iframe>' for p in pages
    )
    (site / "iframe-host.html").write_text(f"<!doctype html><body>{host}</body>", "utf-8")
    with serve(site) as base:
        context = browser.new_context(viewport={"width": 400, "height": 800})
        page = context.new_page()
        outside: list[str] = []
        _watch_origins(page, base, outside)
        page.goto(base + "iframe-host.html", wait_until="load")
        frames = [f for f in page.frames if f != page.main_frame]
        assert len(frames) == len(pages)
        for frame in frames:
            width = frame.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert width[1] == 320 and width[0] <= width[1], f"{frame.url}: {width}"
            assert frame.locator("h1 a").count() == 1, frame.url
        context.close()
    assert not outside, outside


@pytest.mark.browser
def test_embed_pages_alone_fetch_only_from_the_site(site: Path, browser: Any) -> None:
    with serve(site) as base:
        context = browser.new_context(viewport={"width": 320, "height": 640})
        page = context.new_page()
        outside: list[str] = []
        _watch_origins(page, base, outside)
        for embed in _embed_pages(site):
            page.goto(base + embed.parent.relative_to(site).as_posix() + "/", wait_until="load")
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= 320, f"{page.url}: {scroll}px wide"
        context.close()
    assert not outside, outside


@pytest.mark.browser
def test_plan_page_prints_on_a4_without_navigation(site: Path, browser: Any) -> None:
    with serve(site) as base:
        page = browser.new_page()
        page.goto(base + "ha-tinh/xa-thach-ha/ha-tinh-thach-ha-2025-ngay-cds/", wait_until="load")
        page.emulate_media(media="print")
        hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer']
            .map(s => document.querySelector(s))
            .filter(e => e && getComputedStyle(e).display !== 'none').map(e => e.className)""")
        assert not hidden
        after = page.evaluate("""() => {
            const a = document.createElement('a');
            a.href = 'https://example.org/ke-hoach'; a.textContent = 'liên kết';
            document.querySelector('.kh-activity').append(a);
            const own = document.createElement('a');
            own.href = '../'; own.textContent = 'trong trang';
            document.querySelector('.kh-activity').append(own);
            return [getComputedStyle(a, '::after').content,
                    getComputedStyle(own, '::after').content] }""")
        assert after[0] == '" (https://example.org/ke-hoach)"' and after[1] in ("none", "normal")
        activity = page.evaluate("""() => getComputedStyle(
            document.querySelector('.kh-activity')).breakInside""")
        assert activity == "avoid"
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
        page.close()
