"""Fragments of template data that several page kinds share: links, breadcrumbs, a plan as
one line of a list, what a plan implements, plans grouped by year."""

from __future__ import annotations

from typing import Literal, TypedDict


class Link(TypedDict):
    """A named link, its url relative to the site root: a breadcrumb (kh.breadcrumbs), a unit
    (kh.unit_list), a locality, a province."""

    name: str
    url: str


class CountedLink(Link):
    """A province, a unit or a group of plans with the number of plans behind the link."""

    count: int


class PlanSummary(TypedDict):
    """A plan as one line of a list (kehoach.site.lookup.Lookup.summary)."""

    id: str
    title: str
    label: str  # "Kế hoạch số 541/KH-UBND"
    number: str | None
    date: str | None  # "06/10/2025", as the document gives it
    year: int
    locality: str  # "Xã Xuân Lộc, Đồng Nai"
    place: str  # "Xã Xuân Lộc"
    locality_url: str
    url: str


class ParentPlan(PlanSummary):
    """A plan that the plan implements (it has a page)."""

    is_plan: Literal[True]


class ParentDocument(TypedDict):
    """A registry document that the plan implements (its page on van-ban/)."""

    label: str
    issuer: str
    url: str
    is_plan: Literal[False]


PlanParent = ParentPlan | ParentDocument
