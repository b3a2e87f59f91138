"""Template data of the embeddable page (overrides/embed.html, kehoach/site/pages/embed.py)."""

from __future__ import annotations

from typing import TypedDict

from kehoach.site.views.common import Link
from kehoach.site.views.tracking import StatusBadge


class EmbedPlan(TypedDict):
    label: str
    title: str
    issued: str  # "ngày 06/10/2025", or ""
    year: int
    issuer: str
    elsewhere: str | None  # where it was issued, when not the locality itself
    period: str | None
    url: str


class EmbedActivity(TypedDict):
    label: str | None
    title: str
    when: str
    iso: str | None
    url: str
    status: StatusBadge  # its status at the build day, in words


class EmbedLink(TypedDict):
    name: str
    href: str
    insecure: bool


class EmbedOther(TypedDict):
    label: str
    year: int
    locality: str
    url: str


class EmbedPage(TypedDict):
    """overrides/embed.html. kehoach/adapter/publish.py (page_feeds) reads ``locality.url``."""

    locality: Link
    as_of: str  # "Tình hình tính đến ngày …": the day the statuses are computed for
    plan: EmbedPlan
    activities: list[EmbedActivity]
    more_activities: int
    links: list[EmbedLink]
    others: list[EmbedOther]
    more_others: int
