"""The external links of a built site, grouped by domain, with every ``http://`` link flagged
(scripts/links_report.py prints the report; tests/test_links_report.py enforces the rule).

The project keeps links as the source gives them: an ``http://`` address with no https form
we could verify stays, visibly marked on the page by an element of class ``kh-insecure``
right after the link (overrides/partials/kh.html, overrides/embed.html). So a link counts
as *flagged* when the next element after its ``</a>``, with only white space between, has
that class.

Like kehoach/formats/csp.py, the pages are read with regular expressions, not an HTML parser: the
site is our own escaped output, and a national site holds 70,000 pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from kehoach.formats.htmltext import tag_attributes

FLAG_CLASS = "kh-insecure"
# Attributes whose value is an address (srcset: a list of them).
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "cite",
                   "xlink:href", "srcset")
_ATTRS = r"""(?P<attrs>(?:[^>"']++|"[^"]*+"|'[^']*+')*+)"""
_TOKENS = re.compile(
    r"<!--.*?-->"
    r"|<(?P<raw>script|style)(?=[\s/>])(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+>.*?</(?P=raw)\s*>"
    r"|<(?P<tag>[a-zA-Z][^\s/>]*+)" + _ATTRS + r">",
    re.S | re.I,
)
_END_A = re.compile(r"</a\s*>", re.I)
_NEXT_TAG = re.compile(r"\s*<[a-zA-Z][^\s/>]*+" + _ATTRS + r">")
_ABSOLUTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


@dataclass(frozen=True)
class Link:
    page: str  # the page's path in the site: "ha-tinh/index.html"
    url: str
    element: str  # "a", "link", "img"…
    flagged: bool  # marked kh-insecure on the page

    @property
    def scheme(self) -> str:
        return urlsplit(self.url).scheme.lower() or "//"

    @property
    def domain(self) -> str:
        return (urlsplit(self.url).hostname or "").lower()

    @property
    def insecure(self) -> bool:
        return self.scheme == "http"


@dataclass(frozen=True)
class Domain:
    name: str
    count: int
    pages: tuple[str, ...]
    schemes: tuple[str, ...]
    urls: tuple[tuple[str, int, tuple[str, ...]], ...]  # (address, links, pages), most used first


def page_links(page: str, text: str) -> Iterator[Link]:
    """Every absolute address (scheme:… or //…) in the attributes of ``text``'s tags; comments,
    scripts and styles are not read."""
    for match in _TOKENS.finditer(text):
        if not match["tag"] or (":" not in match["attrs"] and "//" not in match["attrs"]):
            continue  # the usual tag: no absolute address, no attribute parsing
        element = match["tag"].lower()
        for url in _addresses(match["attrs"]):
            flagged = element == "a" and _flag_follows(text, match.end())
            yield Link(page, url, element, flagged)


def site_address(home: str) -> str | None:
    """The site's public address, from the home page's <link rel="canonical">."""
    for match in _TOKENS.finditer(home):
        if match["tag"] and match["tag"].lower() == "link":
            values = tag_attributes(match["attrs"])
            if "canonical" in values.get("rel", "").lower().split() and values.get("href"):
                return values["href"]
    return None


def external_links(site_dir: Path, site_url: str | None = None) -> list[Link]:
    """The links of every HTML page of ``site_dir`` that leave the site: absolute addresses
    with a domain, except those under ``site_url`` (default: the home page's canonical
    address), whatever their scheme (the site's own webcal: links are not external)."""
    home = site_dir / "index.html"
    if site_url is None and home.is_file():
        site_url = site_address(home.read_text(encoding="utf-8"))
    links: list[Link] = []
    for path in sorted(site_dir.rglob("*.html")):
        name = path.relative_to(site_dir).as_posix()
        found = page_links(name, path.read_text(encoding="utf-8"))
        links.extend(link for link in found if link.domain and not _own(link.url, site_url))
    return links


def by_domain(links: Iterable[Link]) -> list[Domain]:
    """One entry per domain, the most linked first (then by name)."""
    grouped: dict[str, list[Link]] = {}
    for link in links:
        grouped.setdefault(link.domain, []).append(link)
    domains = [_domain(name, group) for name, group in grouped.items()]
    return sorted(domains, key=lambda d: (-d.count, d.name))


def report(links: list[Link], *, max_pages: int = 5) -> str:
    """The report as text: a table of domains, the http:// links, then each domain's
    addresses and pages (``max_pages`` of them per address; 0: all)."""
    domains = by_domain(links)
    insecure = [link for link in links if link.insecure]
    unflagged = [link for link in insecure if not link.flagged]
    lines = [
        f"{len(links)} external links to {len(domains)} domains on "
        f"{len({link.page for link in links})} pages; {len(insecure)} http:// links, "
        f"{len(unflagged)} of them not flagged.",
        "",
        f"{'domain':<40} {'links':>6} {'pages':>6}  schemes",
        *(f"{d.name:<40} {d.count:>6} {len(d.pages):>6}  {', '.join(d.schemes)}"
          f"{'  ⚠ http' if 'http' in d.schemes else ''}" for d in domains),
        "",
        "http:// links (kept as the source gives them; flagged: marked "
        f"{FLAG_CLASS} on the page):",
        *(f"  {'flagged    ' if link.flagged else 'NOT FLAGGED'}  {link.url}  "
          f"<{link.element}> {link.page}" for link in insecure),
    ]
    if not insecure:
        lines.append("  none")
    for domain in domains:
        lines += ["", f"{domain.name} ({domain.count} links, {', '.join(domain.schemes)})"]
        for url, count, pages in domain.urls:
            shown = pages if max_pages <= 0 else pages[:max_pages]
            more = f" … and {len(pages) - len(shown)} more" if len(pages) > len(shown) else ""
            lines.append(f"  {url}  ({count}×): {', '.join(shown)}{more}")
    return "\n".join(lines) + "\n"


def _domain(name: str, group: list[Link]) -> Domain:
    pages: dict[str, list[str]] = {}
    for link in group:
        pages.setdefault(link.url, []).append(link.page)
    urls = [(url, len(on), tuple(sorted(set(on)))) for url, on in pages.items()]
    return Domain(
        name=name,
        count=len(group),
        pages=tuple(sorted({link.page for link in group})),
        schemes=tuple(sorted({link.scheme for link in group})),
        urls=tuple(sorted(urls, key=lambda item: (-item[1], item[0]))),
    )


def _addresses(attrs: str) -> Iterator[str]:
    values = tag_attributes(attrs)
    for name in _URL_ATTRIBUTES:
        value = values.get(name, "").strip()
        # srcset: "a.png 1x, https://… 2x"; every other attribute holds one address.
        candidates = [c.split()[0] for c in value.split(",") if c.strip()] \
            if name == "srcset" else [value]
        yield from (c for c in candidates if _ABSOLUTE.match(c))


def _flag_follows(text: str, start: int) -> bool:
    end = _END_A.search(text, start)
    following = _NEXT_TAG.match(text, end.end()) if end else None
    if following is None:
        return False
    return FLAG_CLASS in tag_attributes(following["attrs"]).get("class", "").split()


def _own(url: str, site_url: str | None) -> bool:
    if not site_url:
        return False
    link, site = urlsplit(url), urlsplit(site_url)
    return link.netloc.lower() == site.netloc.lower() and link.path.startswith(site.path)
