"""Every URL and file name the site writes, in one place (the route table).

A page URL is a directory path relative to the site root ("ha-tinh/xa-thach-ha/"; "" is the
home page); MkDocs renders it from the generated Markdown file ``src_uri(url)``. A file URI
is a path relative to the root ("ha-tinh/feed.xml"). Province and commune paths nest, so
same-named communes of different provinces never collide; slugs come from the official
codenames (kehoach.source.localities). Lower layers (search, formats) are handed the names
they write; they do not know the site's addresses.
"""

from __future__ import annotations

from kehoach.source.localities import Locality

# --- section pages ------------------------------------------------------------------------
NATIONAL_PATH = "toan-quoc"  # the units of central bodies: "toan-quoc/don-vi/<id>/"
LOCALITIES = "dia-phuong/"
DOCUMENTS = "van-ban/"
RESOURCES = "nen-tang/"
CALENDAR = "lich/"  # the latest year; earlier years at "lich/<year>/"
SEARCH = "tim-kiem/"
OPENDATA = "du-lieu/"
COVERAGE = "tinh-hinh/"  # "tinh-hinh/<year>/": the country; "<province>/tinh-hinh/<year>/"

# --- files beside pages -------------------------------------------------------------------
EMBED = "nhung/"  # "<locality url>nhung/": the page a commune portal embeds
CALENDAR_FILE = "lich.ics"  # "<plan or locality url>lich.ics"
PLAN_JSON = "du-lieu.json"  # "<plan url>du-lieu.json"
FEED_FILE = "feed.xml"
SITE_FEED = FEED_FILE  # the whole site's feed; each province has "<province>/feed.xml"

# --- open data ----------------------------------------------------------------------------
DATASET = f"{OPENDATA}ke-hoach.json"
PLANS_CSV = f"{OPENDATA}ke-hoach.csv"
ACTIVITIES_CSV = f"{OPENDATA}hoat-dong.csv"
RESPONSIBILITIES_CSV = f"{OPENDATA}trach-nhiem.csv"
UPDATES_CSV = f"{OPENDATA}bao-cao.csv"  # one row per activity update of a progress report
COVERAGE_CSV = f"{OPENDATA}tinh-hinh.csv"  # coverage figures, a row per locality and year
FIELD_REFERENCE = "tham-chieu-truong/"  # docs/tham-chieu-truong.md: every field of every schema
SCHEMA_FOLDER = "schema/"  # the JSON Schemas, published as they are in the repository

# --- search -------------------------------------------------------------------------------
SEARCH_INDEX = "chi-muc-tim-kiem"  # folder of the index (kehoach.search.index writes it)
# The search page as written, which gets a copy of the index's manifest once it is written.
SEARCH_PAGE_FILE = f"{SEARCH}index.html"


def home() -> str:
    return ""


def locality(place: Locality) -> str:
    return f"{place.path}/"


def plan(place: Locality, plan_id: str) -> str:
    return f"{place.path}/{plan_id}/"


def unit(locality_path: str, unit_id: str) -> str:
    return f"{locality_path}/don-vi/{unit_id}/"


def document(document_id: str) -> str:
    return f"{DOCUMENTS}{document_id}/"


def resource(resource_id: str) -> str:
    return f"{RESOURCES}{resource_id}/"


def in_province(list_url: str, province: Locality) -> str:
    """A document's or platform's plans of one province: "van-ban/<id>/<province>/"."""
    return f"{list_url}{province.path}/"


def year(year: int, latest: int) -> str:
    """The year page: "lich/" for the latest year, "lich/<year>/" for earlier ones."""
    return CALENDAR if year == latest else f"{CALENDAR}{year}/"


def coverage(year: int, province: Locality | None = None) -> str:
    """Implementation coverage of a year: "tinh-hinh/2025/" (the country) or
    "ha-tinh/tinh-hinh/2025/" (a province and its communes)."""
    return f"{province.path}/{COVERAGE}{year}/" if province else f"{COVERAGE}{year}/"


def embed(locality_url: str) -> str:
    """ "ha-tinh/xa-thach-ha/nhung/" for the locality page "ha-tinh/xa-thach-ha/"."""
    return f"{locality_url}{EMBED}"


def calendar_file(page_url: str) -> str:
    """The .ics of a plan or locality page: "ha-tinh/xa-thach-ha/lich.ics"."""
    return f"{page_url}{CALENDAR_FILE}"


def plan_json(plan_url: str) -> str:
    return f"{plan_url}{PLAN_JSON}"


def province_feed(province_path: str) -> str:
    """ "ha-tinh/feed.xml": the feed of every plan issued in one province."""
    return f"{province_path}/{FEED_FILE}"


def schema_file(file_name: str) -> str:
    return f"{SCHEMA_FOLDER}{file_name}"


def src_uri(url: str) -> str:
    """The generated Markdown file behind a directory URL."""
    return f"{url}index.md"


def nav_pages(nav: object) -> list[str]:
    """The Markdown pages a MkDocs ``nav`` setting lists (nested lists of {title: page or
    section}), in order: for the build's second process and the benchmark's baseline."""
    if isinstance(nav, list):
        return [page for item in nav for page in nav_pages(item)]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in nav_pages(value)]
    return [str(nav)]
