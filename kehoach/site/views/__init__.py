"""The data each template of overrides/ reads as ``view``: one TypedDict per page kind, and
per fragment that several templates or macros share (common.py, timeline.py).

kehoach/site/views/<kind>.py types what kehoach/site/pages/<kind>.py builds, so that mypy
checks every key a view sets. TypedDicts, not dataclasses: Jinja reads a TypedDict exactly
as the dict it is at run time, and kehoach/adapter/publish.py tests the view with
isinstance(…, dict).
tests/unit/test_template_data.py keeps the templates and these types in step: every key a
template reads exists here, and every key here is read by a template or listed in
READ_ELSEWHERE.
"""

from __future__ import annotations

from kehoach.site.views.coverage import CoveragePage
from kehoach.site.views.documents import (
    DocumentPage,
    DocumentProvincePage,
    DocumentsPage,
    DocumentSplitPage,
)
from kehoach.site.views.embed import EmbedPage
from kehoach.site.views.home import HomePage
from kehoach.site.views.locality import (
    CommuneData,
    CommunePage,
    LocalitiesPage,
    NationalUnitsPage,
    ProvinceData,
    ProvincePage,
)
from kehoach.site.views.opendata import OpendataPage
from kehoach.site.views.plan import PlanPage
from kehoach.site.views.resources import (
    ResourcePage,
    ResourceProvincePage,
    ResourcesPage,
    ResourceSplitPage,
)
from kehoach.site.views.search import SearchPage
from kehoach.site.views.unit import UnitPage
from kehoach.site.views.years import YearPage

# The template each kind of view is drawn by (PageSpec.template), with every shape of view
# it receives: locality.html draws provinces and communes, document.html three variants…
TEMPLATE_VIEWS: dict[str, tuple[type, ...]] = {
    "plan.html": (PlanPage,),
    "home.html": (HomePage,),
    "localities.html": (LocalitiesPage, NationalUnitsPage),
    "locality.html": (ProvincePage, CommunePage),
    "unit.html": (UnitPage,),
    "documents.html": (DocumentsPage,),
    "document.html": (DocumentPage, DocumentSplitPage, DocumentProvincePage),
    "resources.html": (ResourcesPage,),
    "resource.html": (ResourcePage, ResourceSplitPage, ResourceProvincePage),
    "search.html": (SearchPage,),
    "opendata.html": (OpendataPage,),
    "embed.html": (EmbedPage,),
    "year.html": (YearPage,),
    "coverage.html": (CoveragePage,),
}

# What a PageSpec holds (``data``, or what ``build`` returns). A locality page keeps its
# data without the timeline, which ``build`` adds when the page is rendered.
PageData = (
    PlanPage
    | HomePage
    | LocalitiesPage
    | NationalUnitsPage
    | ProvinceData
    | ProvincePage
    | CommuneData
    | CommunePage
    | UnitPage
    | DocumentsPage
    | DocumentPage
    | DocumentSplitPage
    | DocumentProvincePage
    | ResourcesPage
    | ResourcePage
    | ResourceSplitPage
    | ResourceProvincePage
    | SearchPage
    | OpendataPage
    | EmbedPage
    | YearPage
    | CoveragePage
)

# Keys that Python reads besides the templates (a key here need not be read by a template).
# (TypedDict, key) → who reads it.
READ_ELSEWHERE: dict[tuple[str, str], str] = {
    ("PlanPage", "plan"): "adapter/publish.py page_feeds: the plan's locality, for its feed",
    ("PlanHeader", "locality"): "adapter/publish.py page_feeds: its url, for the feed",
    ("LocalityData", "locality"): "adapter/publish.py page_feeds: its url, for the feed",
    ("EmbedPage", "locality"): "adapter/publish.py page_feeds: its url, for the feed",
    ("LocalityHeader", "url"): "adapter/publish.py page_feeds: the province's feed",
    ("Link", "url"): "adapter/publish.py page_feeds: a plan's or embed's locality url",
    ("LocalityHeader", "key"): "the slots of locality.html (partials of other concerns); "
    "tests/test_pages.py pins it (test_locality_pages_expose_the_keys_other_partials_use)",
    ("LocalityHeader", "path"): "the slots of locality.html, as key",
    ("LocalityHeader", "province_code"): "the slots of locality.html, as key",
    ("Licence", "short"): "kehoach/site/pages/opendata.py: the page's description",
    ("EmbedPlan", "year"): "tests/test_embed.py: which plan a province's embed shows",
}
