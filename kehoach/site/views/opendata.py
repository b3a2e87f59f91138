"""Template data of the open data page (overrides/opendata.html,
kehoach/site/pages/opendata.py)."""

from __future__ import annotations

from typing import TypedDict

from kehoach.site.views.common import CountedLink, Link


class Licence(TypedDict):
    name: str
    short: str
    url: str


class Counts(TypedDict):
    plans: int
    activities: int
    reports: int  # progress reports in the data set (dated by the build day)
    updates: int  # their activity updates: the rows of bao-cao.csv


class Download(TypedDict):
    url: str
    size: str  # "12 KB"


class NamedDownload(Download):
    name: str


class SchemaDownload(NamedDownload):
    """A JSON Schema and where the field reference page explains its fields."""

    fields: str  # "tham-chieu-truong/#report-file"


class ColumnView(TypedDict):
    name: str
    description: str


class TableView(NamedDownload):
    """A CSV file and its columns."""

    title: str
    rows_are: str
    columns: list[ColumnView]


class Example(TypedDict):
    """A plan's page and its JSON file, as an example."""

    title: str
    page: str
    json: str


class Feeds(TypedDict):
    site: str
    provinces: list[CountedLink]


class OpendataPage(TypedDict):
    """overrides/opendata.html."""

    breadcrumbs: list[Link]
    licence: Licence
    counts: Counts
    dataset: Download
    tables: list[TableView]
    schemas: list[SchemaDownload]
    example: Example | None
    feeds: Feeds
