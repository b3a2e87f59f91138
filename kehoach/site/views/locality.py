"""Template data of the locality pages (overrides/locality.html and its partials
locality-timeline.html and locality-embed.html) and of the lists of places and units
(overrides/localities.html); kehoach/site/pages/locality.py and unit.py build them."""

from __future__ import annotations

from typing import TypedDict

from kehoach.site.views.common import CountedLink, Link, PlanParent, PlanSummary
from kehoach.site.views.timeline import LocalityTimeline
from kehoach.site.views.tracking import PlanProgress, RollupView
from kehoach.source.localities import Level


class LocalityHeader(TypedDict):
    """The locality itself, the keys locality.html offers the partials of other concerns
    (its slots): partials/locality-embed.html reads ``name`` and ``url``, adapter/publish.py
    (page_feeds) ``url``, for the province's feed."""

    key: str  # "42", "42/18562"
    name: str
    path: str  # "ha-tinh/xa-thach-ha"
    level: Level
    province_code: str
    url: str


class FormerPeriod(TypedDict):
    period: str
    note: str | None


class LocalityPlan(PlanSummary):
    """One of the locality's own plans, with what it implements."""

    parents: list[PlanParent]
    progress: PlanProgress  # at the build moment (kehoach.tracking)


class SubPlan(PlanSummary):
    """A plan of a commune or former unit, listed on its province's page."""

    progress: PlanProgress  # at the build moment (kehoach.tracking)


class SubPlanYear(TypedDict):
    year: int
    plans: list[SubPlan]


class LocalityPlanYear(TypedDict):
    year: int
    plans: list[LocalityPlan]


class CommuneEntry(TypedDict):
    """A commune of a province; only those with plans have a page (url)."""

    name: str
    count: int
    url: str | None


class FormerUnitEntry(TypedDict):
    name: str
    period: str
    url: str | None
    count: int


class LocalityData(TypedDict):
    """What every locality page shows."""

    locality: LocalityHeader
    plan_ids: list[str]  # its plans and, on a province page, those of its communes too
    level: str  # "Cấp tỉnh"…
    former: FormerPeriod | None
    plans: list[LocalityPlan]
    units: list[Link]
    as_of: str  # "Tình hình tính đến ngày …"
    rollup: RollupView | None  # its own plans' statuses together; none without plans


class ProvinceData(LocalityData):
    """A province page without its timeline (made when the page is rendered)."""

    breadcrumbs: list[Link]
    plans_by_year: list[LocalityPlanYear]
    communes: list[CommuneEntry]
    communes_with_plans: int
    former_units: list[FormerUnitEntry]
    sub_plans: list[SubPlanYear]  # the communes' and former units' plans, with progress
    coverage: list[Link]  # its coverage pages by year, then the country's


class ProvincePage(ProvinceData):
    """overrides/locality.html, for a province."""

    timeline: LocalityTimeline | None


class CommuneData(LocalityData):
    """A commune or former unit page without its timeline."""

    breadcrumbs: list[Link]
    province: Link
    plans_by_year: list[LocalityPlanYear]


class CommunePage(CommuneData):
    """overrides/locality.html, for a commune or a former unit."""

    timeline: LocalityTimeline | None


class LocalitiesPage(TypedDict):
    """overrides/localities.html, for "dia-phuong/": every province."""

    provinces: list[CountedLink]
    national: Link
    breadcrumbs: list[Link]


class NationalUnitsPage(TypedDict):
    """overrides/localities.html, for "toan-quoc/": the national units."""

    units: list[CountedLink]
    breadcrumbs: list[Link]
