"""Template data of the search page (overrides/search.html, kehoach/site/pages/search.py)."""

from __future__ import annotations

from typing import TypedDict


class FilterValue(TypedDict):
    value: str
    count: int  # pages that have it


class SearchFilter(TypedDict):
    key: str
    label: str
    values: list[FilterValue]  # read as filter["values"]: .values is a dict's method


class SearchPage(TypedDict):
    """overrides/search.html."""

    filters: list[SearchFilter]
