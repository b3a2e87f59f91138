"""Template data of the platforms (overrides/resources.html, resource.html;
kehoach/site/pages/resources.py)."""

from __future__ import annotations

from typing import TypedDict

from kehoach.site.views.common import CountedLink, Link, PlanSummary


class ResourceHead(TypedDict):
    """A platform; kh.external reads ``href`` and ``insecure``."""

    id: str
    name: str
    description: str | None
    href: str  # its own address, as the source gives it
    insecure: bool
    url: str  # its page on the site


class UseActivity(TypedDict):
    label: str | None
    title: str
    url: str


class ResourceUse(TypedDict):
    """A plan and its activities pointing to the platform."""

    plan: PlanSummary
    activities: list[UseActivity]


class ResourceEntry(ResourceHead):
    """A platform on the index, with its first plans."""

    plans: int
    activities: int
    uses: list[ResourceUse]
    more: int


class ResourcesPage(TypedDict):
    """overrides/resources.html."""

    resources: list[ResourceEntry]
    insecure: int  # how many platforms have an http:// address
    breadcrumbs: list[Link]


class ResourceBase(TypedDict):
    resource: ResourceHead
    activities: int  # over the whole site
    plans: int
    breadcrumbs: list[Link]


class ResourcePage(ResourceBase):
    """overrides/resource.html: the platform and every plan using it."""

    uses: list[ResourceUse]


class ResourceProvince(CountedLink):
    activities: int


class ResourceSplitPage(ResourceBase):
    """overrides/resource.html past SPLIT_AT plans: provinces, with counts."""

    provinces: list[ResourceProvince]


class ResourceProvincePage(ResourcePage):
    """overrides/resource.html: the plans of one province using the platform."""

    province: Link
