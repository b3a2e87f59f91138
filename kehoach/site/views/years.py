"""Template data of the year pages (overrides/year.html, kehoach/site/pages/years.py)."""

from __future__ import annotations

from typing import TypedDict

from kehoach.site.views.timeline import Agenda, HeatHead, HeatTable


class YearChoice(TypedDict):
    year: int
    url: str
    current: bool


class YearSummary(TypedDict):
    plans: int
    provinces: int
    localities: int
    activities: int  # dated activities within the year


class YearPlanLink(TypedDict):
    title: str
    url: str
    locality: str


class ProvinceLinks(TypedDict):
    own: list[YearPlanLink]  # the province's own plans
    subs: list[YearPlanLink]  # its communes' plans, the first few
    subs_more: int


class YearProvince(HeatHead, ProvinceLinks):
    """A province and its plans of the year."""


class YearPage(TypedDict):
    """overrides/year.html."""

    year: int
    years: list[YearChoice]
    summary: YearSummary
    heat: HeatTable | None
    provinces: list[YearProvince]
    agenda: Agenda
