"""A clerk's preview: the pages one folder of plans needs, from those plans alone, in seconds.

``preview_catalog`` reads only the plan files under the folder (a file stands for its folder)
and the plans they refer to, checking them against the ids of all the others (read up to their
``id:`` line) and noting where each other plan is (its ``locality:`` lines). The preview is
every page and file the core makes from that catalog (a few dozen: its plans, localities,
units, the documents and platforms they cite, search, feeds, calendars…); ``exact_pages``
tells which are *exact*: a page whose locality has no plan outside the preview is the very
page of a full build; every other page (a province with communes outside, a document cited
nationally) is drawn from the previewed plans only, and says so (the templates write the
note: overrides/partials/preview-note.html). ``is_absent`` tells the templates which links
lead to a page the preview does not have, which they mark with a visible note instead of
leaving them broken (overrides/partials/kh.html).
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from kehoach.site import routes
from kehoach.site.build import SiteData
from kehoach.source.catalog import Catalog, load_catalog
from kehoach.source.heads import HeadCache, Place
from kehoach.source.tree import TreeFiles, scan_tree

__all__ = ["PreviewScope", "exact_pages", "is_absent", "own_provinces", "present_urls",
           "preview_catalog"]

_PLAN_REF = re.compile(r"^[ \t-]*plan:[ \t]*[\"']?([\w-]+)", re.MULTILINE)
_LOCAL_TEMPLATES = frozenset({"plan.html", "locality.html", "unit.html"})


@dataclass(frozen=True)
class PreviewScope:
    folder: Path  # the folder previewed
    loaded: tuple[Path, ...]  # its plan files and the plans they refer to
    outside: frozenset[Place | None]  # where the plans not loaded are (None: not found)


def preview_catalog(root: Path, only: Path, tree: TreeFiles | None = None,
                    heads: HeadCache | None = None) -> tuple[Catalog, PreviewScope]:
    """The catalog of the plans under ``only`` (a folder or a file in ``root``) and of the
    plans they refer to; raises DataError as load_catalog does. ``tree`` and ``heads``: the
    caller's walk of ``root`` and the heads it already read (``mkdocs serve`` keeps them)."""
    folder = os.path.join(os.path.abspath(only if only.is_dir() else only.parent), "")
    tree = tree or scan_tree(root)
    chosen = [p for p in tree.plans if os.path.abspath(p).startswith(folder)]
    # The plans they refer to, found in their text: a line too many only loads one more plan.
    wanted = {ref for p in chosen for ref in _PLAN_REF.findall(p.read_text(encoding="utf-8"))}
    taken = set(chosen)
    others = (heads or HeadCache()).heads(p for p in tree.plans if p not in taken)
    extra = [p for p, head in others.items() if head.plan_id in wanted]
    ids = {head.plan_id for head in others.values() if head.plan_id}
    catalog = load_catalog(root, only=chosen + extra, ids_elsewhere=ids, tree=tree)
    taken.update(extra)
    outside = frozenset(head.place for p, head in others.items() if p not in taken)
    return catalog, PreviewScope(Path(folder), tuple(chosen + extra), outside)


def _whole(place: Place, outside: frozenset[Place | None]) -> bool:
    """No plan left out is at ``place`` (for a province: anywhere in it)."""
    if None in outside:
        return False
    province, commune = place
    if commune is None:
        return all(p is None or p[0] != province for p in outside)
    return place not in outside


def _exact_prefixes(catalog: Catalog, scope: PreviewScope) -> list[str]:
    """The URLs of the localities whose pages (plans, units, itself) a full build shares."""
    prefixes: set[str] = set()
    for source in catalog.plans:
        ref = source.plan.locality
        place = catalog.locality_of(source.plan)
        province = catalog.gazetteer.province(ref.province)
        if _whole((ref.province, ref.commune or ref.former_unit), scope.outside):
            prefixes.add(routes.locality(place))
        if _whole((ref.province, None), scope.outside):
            prefixes.add(routes.locality(province))
    return sorted(prefixes)


def _in_locality(url: str, prefix: str) -> bool:
    """``url`` is the locality page of ``prefix``, one of its units, or one of its plans
    (a plan sits one level under its locality; a commune's pages are not the province's)."""
    if url == prefix or url.startswith(prefix + "don-vi/"):
        return True
    rest = url.removeprefix(prefix) if url.startswith(prefix) else None
    return rest is not None and rest.count("/") == 1


def exact_pages(data: SiteData, catalog: Catalog, scope: PreviewScope) -> frozenset[str]:
    """The src_uri of the pages of ``data`` (made from the preview's catalog) that are those
    of a full build: the plans, units and page of a locality with no plan left out."""
    plan_urls = {routes.plan(catalog.locality_of(s.plan), s.plan.id) for s in catalog.plans}
    prefixes = _exact_prefixes(catalog, scope)
    provinces = {routes.locality(catalog.gazetteer.province(s.plan.locality.province))
                 for s in catalog.plans}
    exact: set[str] = set()
    for page in data.pages:
        url = page.src_uri.removesuffix("index.md")
        if page.template not in _LOCAL_TEMPLATES:
            continue
        if page.template == "plan.html" and url not in plan_urls:
            continue
        # A province's page links to the coverage pages of every year of the whole site,
        # which only a preview holding every plan knows.
        if url in provinces and scope.outside:
            continue
        if any(_in_locality(url, prefix) for prefix in prefixes):
            exact.add(page.src_uri)
    return frozenset(exact)


def own_provinces(data: SiteData, catalog: Catalog) -> SiteData:
    """``data`` without the pages and files of the provinces the preview holds no plan of
    (their page, coverage pages and feed, drawn from no previewed plan): the clerk does not
    look at them, and they were half of a preview's pages, hence of each rebuild. The links
    to them are marked as leading out of the preview."""
    gazetteer = catalog.gazetteer
    own = {s.plan.locality.province for s in catalog.plans}
    others = tuple(routes.locality(gazetteer.province(code))
                   for code in gazetteer.province_codes() if code not in own)
    return SiteData(data.index, data.as_of,
                    [page for page in data.pages if not page.src_uri.startswith(others)],
                    [static for static in data.files if not static.uri.startswith(others)])


_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)
# What the templates write for a link to a page the preview lacks (overrides/partials/kh.html,
# its macro ``link_out``) and atop a page drawn from the previewed plans only
# (overrides/partials/preview-note.html): named here for the tests that look for them.
LINK_OUT_CLASS = "kh-ngoai-xem-truoc"
PARTIAL_NOTE_CLASS = "kh-xem-truoc"


def link_target(page_url: str, href: str, site_url: str | None) -> str | None:
    """The site path ``href`` points to from the page at ``page_url`` ("a/b/" or "f.xml"),
    or None for a link out of the site or within the page."""
    site_path = urlsplit(site_url).path if site_url else "/"
    if site_url and href.startswith(site_url):
        href, page_url = href[len(site_url):], ""
    elif href.startswith(site_path) and not href.startswith("//"):
        href = href[len(site_path):]  # root-relative, as on 404.html
        page_url = ""
    elif _EXTERNAL.match(href) or href.startswith("/"):
        return None
    path = href.split("#", 1)[0].split("?", 1)[0]
    joined = posixpath.normpath(posixpath.join(page_url, path)) if path else page_url
    joined = "" if joined == "." else joined
    return joined + "/" if (path.endswith("/") or not path) and joined and \
        not joined.endswith("/") else joined


def present_urls(uris: Iterable[str]) -> frozenset[str]:
    """The site paths a preview holds, from the src_uri of its files: a page "a/index.md"
    or "a.md" is at "a/" ("index.md": ""), any other file at its own path."""
    present: set[str] = set()
    for uri in uris:
        if uri.endswith(".md"):
            page = uri.removesuffix(".md")
            page = "" if page == "index" else page.removesuffix("/index")
            present.add(page + "/" if page else "")
        else:
            present.add(uri)
    return frozenset(present)


def is_absent(href: str, present: frozenset[str]) -> bool:
    """``href``, a site path of the view data ("ha-tinh/xa-a/#part", "feed.xml", ""), names
    a page or file the preview does not hold; a link out of the site never is."""
    target = link_target("", href, None)
    return target is not None and target not in present


def page_urls(pages: Iterable[str]) -> frozenset[str]:
    return frozenset(src.removesuffix("index.md") for src in pages)
