"""Open data: every plan as JSON, the whole data set as JSON and CSV, the schemas, and the
page "du-lieu/" that describes them. The column lists (opendata_columns.py) both write the CSV
files and document them on the page, so the two cannot drift apart."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path

from kehoach.formats.export import dataset_chunks, plan_data, registry_data, report_data, to_json
from kehoach.model.dates import PartialDate
from kehoach.model.plan import Activity, Assignment, Plan, When
from kehoach.site import routes
from kehoach.site.context import Contribution, SiteContext
from kehoach.site.coverage import CoverageIndex
from kehoach.site.index import SiteIndex
from kehoach.site.pages.opendata_columns import (
    ACTIVITIES,
    PLANS,
    RESPONSIBILITIES,
    TABLES,
    Row,
    Table,
    csv_chunks,
)
from kehoach.site.pages.opendata_tracking import COVERAGE, UPDATES, coverage_rows, update_rows
from kehoach.site.spec import PageSpec, StaticFile
from kehoach.site.views.common import CountedLink
from kehoach.site.views.opendata import Licence, OpendataPage, SchemaDownload, TableView
from kehoach.source.schema import (
    PLAN_SCHEMA,
    REGISTRY_SCHEMA,
    REPORT_SCHEMA,
    SCHEMA_DIR,
    reference_anchor,
)
from kehoach.tracking.tracker import Tracker

SCHEMAS = (routes.schema_file(PLAN_SCHEMA), routes.schema_file(REGISTRY_SCHEMA),
           routes.schema_file(REPORT_SCHEMA))
ALL_TABLES = (*TABLES, UPDATES, COVERAGE)
LICENCE: Licence = {
    "name": "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)",
    "short": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.vi",
}
JOIN = "; "  # several names in one cell
LINES = "\n"  # several sentences in one cell


def issued_on(date: PartialDate | None) -> str:
    """ "ngày 06/10/2025", "tháng 10/2025", "năm 2025" or "" for an undated document."""
    if date is None:
        return ""
    return f"ngày {date}" if date.day else str(date)


def generate(site: SiteContext, earlier: Sequence[PageSpec]) -> Contribution:
    # One object for the page and the files: the page states the sizes of the files.
    opendata = OpenData(site.index, site.options.site_url, site.tracker)
    return Contribution(pages=[opendata.page()], files=opendata.files())


class OpenData:
    def __init__(self, index: SiteIndex, site_url: str | None, tracker: Tracker) -> None:
        self.index = index
        self.site_url = site_url
        self.tracker = tracker
        self.plan_ids = sorted(index.plans)
        self.resources = {r.id: r for r in index.catalog.registry.resources}
        self._files: list[StaticFile] | None = None
        self._sizes: dict[str, int] = {}  # uri → bytes, of the files the page describes

    def address(self, url: str) -> str:
        """Absolute when the public address is known; else relative to the site root."""
        return (self.site_url or "") + url

    def files(self) -> list[StaticFile]:
        if self._files is None:
            self._files = self._build_files()
        return self._files

    def _build_files(self) -> list[StaticFile]:
        plan_files = [
            StaticFile(routes.plan_json(self.index.plan_url(p)), build=partial(self.plan_json, p))
            for p in self.plan_ids
        ]
        streams: dict[str, Callable[[], Iterable[bytes]]] = {
            routes.DATASET: self.dataset,
            PLANS.uri: lambda: csv_chunks(PLANS, self.plan_rows()),
            ACTIVITIES.uri: lambda: csv_chunks(ACTIVITIES, self.activity_rows()),
            RESPONSIBILITIES.uri: lambda: csv_chunks(RESPONSIBILITIES, self.responsibility_rows()),
            UPDATES.uri: lambda: csv_chunks(
                UPDATES, update_rows(self.index, self.tracker, self.site_url or "")),
            COVERAGE.uri: lambda: csv_chunks(
                COVERAGE, coverage_rows(CoverageIndex(self.index, self.tracker))),
            **{uri: partial(_whole, SCHEMA_DIR / Path(uri).name) for uri in SCHEMAS},
        }
        return plan_files + [
            StaticFile(uri, stream=partial(self._measured, uri, make))
            for uri, make in streams.items()
        ]

    def plan_json(self, plan_id: str) -> bytes:
        return to_json(plan_data(self.index.plans[plan_id]))

    def dataset(self) -> Iterator[bytes]:
        registry = to_json(registry_data(self.index.catalog.registry))
        # The reports counted on the pages (dated by the build day), in the order of
        # bao-cao.csv: each entry of their ``activities`` is one row of that file.
        reports = (to_json(report_data(r)) for r in self.tracker.reports)
        return dataset_chunks(map(self.plan_json, self.plan_ids), registry, reports)

    def _measured(self, uri: str, make: Callable[[], Iterable[bytes]]) -> Iterator[bytes]:
        """``make()``'s pieces, their size noted for the page, which states the size of each
        download."""
        size = 0
        for chunk in make():
            size += len(chunk)
            yield chunk
        self._sizes[uri] = size

    def size(self, uri: str) -> int:
        """The size of a data-set file: noted when it was written, else built to measure it."""
        if uri not in self._sizes:
            file = next(f for f in self.files() if f.uri == uri)
            self._sizes[uri] = sum(len(chunk) for chunk in file.chunks())
        return self._sizes[uri]

    # --- rows ---------------------------------------------------------------------------

    def place_cells(self, plan: Plan) -> Row:
        place = self.index.places[plan.id]
        province = self.index.catalog.gazetteer.province(place.province_code)
        return {
            "plan_id": plan.id,
            "year": str(plan.year),
            "province_code": place.province_code,
            "province_name": province.name,
            "commune_code": plan.locality.commune or "",
            "former_unit": plan.locality.former_unit or "",
            "locality_name": place.name,
            "level": place.level,
        }

    def plan_rows(self) -> Iterator[Row]:
        for plan_id in self.plan_ids:
            plan = self.index.plans[plan_id]
            doc, period, url = plan.document, plan.period or When(), self.index.plan_url(plan_id)
            yield {
                **self.place_cells(plan),
                "document_type": doc.type,
                "document_number": doc.number or "",
                "document_date": _iso(doc.date),
                "issuer": plan.issuer,
                "title": plan.title,
                "theme": plan.theme or "",
                "period_start": _iso(period.start),
                "period_end": _iso(period.end),
                "activities": str(len(plan.activities)),
                "signer": plan.signer.name if plan.signer else "",
                "page_url": self.address(url),
                "json_url": self.address(routes.plan_json(url)),
                "source_file": self.source_file(plan_id),
            }

    def activity_rows(self) -> Iterator[Row]:
        for plan_id in self.plan_ids:
            plan = self.index.plans[plan_id]
            for position, activity in enumerate(plan.activities, start=1):
                yield self.activity_row(plan, position, activity)

    def activity_row(self, plan: Plan, position: int, a: Activity) -> Row:
        when, resources = a.when or When(), self.resources
        return {
            **self.place_cells(plan),
            "activity_id": a.id,
            "position": str(position),
            "label": a.label or "",
            "title": a.title,
            "start": _iso(when.start),
            "end": _iso(when.end),
            "ongoing": "true" if when.ongoing else "false",
            "when_text": when.text or "",
            "place": a.place or "",
            "lead": _names(plan, a.lead),
            "lead_ids": JOIN.join(a.lead),
            "partners": _names(plan, a.partners),
            "partner_ids": JOIN.join(a.partners),
            "lead_text": a.lead_text or "",
            "partners_text": a.partners_text or "",
            "resources": JOIN.join(resources[r].name for r in a.resources),
            "resource_urls": JOIN.join(resources[r].url for r in a.resources),
            "targets": LINES.join(t.text for t in a.targets),
            "description": a.description or "",
            "page_url": self.address(f"{self.index.plan_url(plan.id)}#hd-{a.id}"),
        }

    def responsibility_rows(self) -> Iterator[Row]:
        for plan_id in self.plan_ids:
            plan = self.index.plans[plan_id]
            for position, item in enumerate(plan.responsibilities, start=1):
                yield self.responsibility_row(plan, position, item)

    def responsibility_row(self, plan: Plan, position: int, item: Assignment) -> Row:
        return {
            **self.place_cells(plan),
            "position": str(position),
            "heading": item.heading or "",
            "units": _names(plan, item.units),
            "unit_ids": JOIN.join(item.units),
            "duties": LINES.join(item.duties),
            "page_url": self.address(f"{self.index.plan_url(plan.id)}#to-chuc-thuc-hien"),
        }

    def source_file(self, plan_id: str) -> str:
        path = Path(self.index.sources[plan_id]).resolve()
        try:
            return path.relative_to(self.index.catalog.root.resolve()).as_posix()
        except ValueError:
            return path.name

    # --- the page -----------------------------------------------------------------------

    def page(self) -> PageSpec:
        return PageSpec(
            src_uri=routes.src_uri(routes.OPENDATA),
            template="opendata.html",
            title="Dữ liệu mở",
            description="Tải toàn bộ kế hoạch dưới dạng JSON và CSV, lược đồ dữ liệu, nguồn tin "
            f"Atom; giấy phép {LICENCE['short']}.",
            build=self.page_data,  # after the files are written, which notes their sizes
        )

    def page_data(self) -> OpendataPage:
        size = self.size
        example = self.plan_ids[0] if self.plan_ids else None
        return {
            "breadcrumbs": [
                {"name": "Trang chủ", "url": routes.home()},
                {"name": "Dữ liệu mở", "url": routes.OPENDATA},
            ],
            "licence": LICENCE,
            "counts": {
                "plans": len(self.plan_ids),
                "activities": sum(len(p.activities) for p in self.index.plans.values()),
                "reports": len(self.tracker.reports),
                "updates": sum(len(r.activities) for r in self.tracker.reports),
            },
            "dataset": {"url": routes.DATASET, "size": _size(size(routes.DATASET))},
            "tables": [self.table(t, size(t.uri)) for t in ALL_TABLES],
            "schemas": [self.schema(u, size(u)) for u in SCHEMAS],
            "example": {
                "title": self.index.plans[example].title,
                "page": self.index.plan_url(example),
                "json": routes.plan_json(self.index.plan_url(example)),
            }
            if example
            else None,
            "feeds": {"site": routes.SITE_FEED, "provinces": self.province_feeds()},
        }

    def schema(self, uri: str, size: int) -> SchemaDownload:
        name = Path(uri).name
        return {"name": name, "url": uri, "size": _size(size),
                "fields": f"{routes.FIELD_REFERENCE}#{reference_anchor(name)}"}

    def table(self, table: Table, size: int) -> TableView:
        return {
            "name": Path(table.uri).name,
            "url": table.uri,
            "title": table.title,
            "rows_are": table.rows_are,
            "size": _size(size),
            "columns": [{"name": c.name, "description": c.description} for c in table.columns],
        }

    def province_feeds(self) -> list[CountedLink]:
        """Provinces with at least one plan (every province has a feed, these have entries)."""
        counts: dict[str, int] = {}
        for place in self.index.places.values():
            counts[place.province_code] = counts.get(place.province_code, 0) + 1
        gazetteer = self.index.catalog.gazetteer
        provinces = [gazetteer.province(code) for code in sorted(counts)]
        return [
            {"name": p.name, "url": routes.province_feed(p.path), "count": counts[p.province_code]}
            for p in provinces
        ]


def _names(plan: Plan, unit_ids: tuple[str, ...]) -> str:
    return JOIN.join(plan.unit(u).name for u in unit_ids)


def _iso(date: PartialDate | None) -> str:
    return str(date.iso()) if date is not None else ""


def _size(count: int) -> str:
    return f"{count / 1024:.0f} KB" if count >= 1024 else f"{count} byte"


def _whole(path: Path) -> Iterator[bytes]:
    yield path.read_bytes()
