"""Template data of the home page (overrides/home.html, kehoach/site/pages/home.py)."""

from __future__ import annotations

from typing import TypedDict

from kehoach.site.views.common import CountedLink, PlanSummary


class ThemeEntry(TypedDict):
    text: str
    count: str  # formatted the Vietnamese way


class Themes(TypedDict):
    """The themes of the latest year's plans, one per wording."""

    year: int
    entries: list[ThemeEntry]
    others: int  # further wordings, only counted


class Platform(TypedDict):
    """A featured platform; kh.external reads ``href`` and ``insecure``."""

    name: str
    href: str
    insecure: bool
    url: str


class HomeLinks(TypedDict):
    localities: str
    documents: str
    resources: str
    national: str


class HomePage(TypedDict):
    """overrides/home.html."""

    latest: list[PlanSummary]
    total: str  # formatted the Vietnamese way
    themes: Themes | None
    provinces: list[CountedLink]
    platforms: list[Platform]
    links: HomeLinks
