"""Template data of the cited documents (overrides/documents.html, document.html;
kehoach/site/pages/documents.py)."""

from __future__ import annotations

from typing import TypedDict

from kehoach.site.views.common import CountedLink, Link, PlanSummary


class DocumentHead(TypedDict):
    """A registry document; kh.external reads ``href`` and ``insecure``."""

    id: str
    label: str
    number: str
    type: str | None
    date: str | None
    date_iso: str | None
    issuer: str
    title: str | None
    href: str | None  # its full text elsewhere, if known
    insecure: bool
    url: str


class Citing(PlanSummary):
    """A plan citing the document, and how ("Thực hiện", "Căn cứ"…)."""

    kinds: list[str]


class CitingCount(TypedDict):
    """The first citing plans of a document on the index, and how many more there are."""

    citing: list[Citing]
    more: int
    more_url: str


class DocumentEntry(DocumentHead, CitingCount):
    pass


class CitedPlanHead(PlanSummary):
    issuer: str


class CitedPlanEntry(CitedPlanHead, CitingCount):
    """A plan that other plans cite, on the index."""


class DocumentsPage(TypedDict):
    """overrides/documents.html."""

    documents: list[DocumentEntry]
    plans: list[CitedPlanEntry]
    breadcrumbs: list[Link]


class DocumentBase(TypedDict):
    document: DocumentHead
    count: int  # every citing plan
    breadcrumbs: list[Link]


class DocumentPage(DocumentBase):
    """overrides/document.html: the document and every plan citing it."""

    citing: list[Citing]


class DocumentSplitPage(DocumentBase):
    """overrides/document.html past SPLIT_AT citing plans: provinces, with counts."""

    provinces: list[CountedLink]


class DocumentProvincePage(DocumentPage):
    """overrides/document.html: the plans of one province citing the document."""

    province: Link
