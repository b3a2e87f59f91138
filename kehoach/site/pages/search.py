"""The search page (tim-kiem/): its form lists every filter value of the indexed pages.

overrides/search.html draws it; docs/assets/search.js runs the search in the browser over the
index that kehoach.search writes at the end of the build."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from kehoach.search.text import FILTERS, SEARCH_TITLE, UNINDEXED_KINDS, filter_pairs
from kehoach.site import routes
from kehoach.site.context import Contribution, SiteContext
from kehoach.site.spec import PageSpec
from kehoach.site.views.search import SearchFilter, SearchPage
from kehoach.vietnamese import sort_name


def generate(site: SiteContext, earlier: Sequence[PageSpec]) -> Contribution:
    # The pages that have search facets all come before this one (kehoach/site/build.py).
    return Contribution(pages=[search_page(earlier)])


def search_page(pages: Iterable[PageSpec]) -> PageSpec:
    """The search page; its form lists every filter value of the indexed ``pages``, with the
    number of pages that have it."""
    counts: dict[str, Counter[str]] = {key: Counter() for key in FILTERS}
    for page in pages:
        if page.facets.get("kind") in UNINDEXED_KINDS:
            continue
        for key, value in filter_pairs(page.facets):
            counts[key][value] += 1
    filters: list[SearchFilter] = [
        {"key": key, "label": label, "values": [
            {"value": value, "count": counts[key][value]} for value in _ordered(key, counts[key])
        ]}
        for key, label in FILTERS.items() if counts[key]
    ]
    data: SearchPage = {"filters": filters}
    return PageSpec(
        src_uri=routes.src_uri(routes.SEARCH),
        template="search.html",
        title=SEARCH_TITLE,
        data=data,
        description="Tìm kế hoạch theo tên xã, tỉnh, nội dung; gõ có dấu hay không dấu đều được.",
    )


def _ordered(key: str, values: Iterable[str]) -> list[str]:
    """Years newest first; names in Vietnamese alphabetical order."""
    if key == "year":
        return sorted(values, reverse=True)
    return sorted(values, key=lambda v: (sort_name(v), v))


