"""Open data of the reference site: JSON exports valid against the published schemas that load
back into the same model, CSV files Excel reads (BOM) with stable columns and one row per
plan, activity and responsibility (the encoding itself: tests/unit/test_export_data.py)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from kehoach.model.plan import Plan, Registry
from kehoach.site.pages import opendata
from kehoach.source.catalog import Catalog, load_catalog
from kehoach.source.convert import to_model
from kehoach.source.schema import SCHEMA_DIR
from tests.sitetools import FIXTURE_PLANS, TEST_SITE_URL

SITE_URL = TEST_SITE_URL  # the reference site's address: https://example.github.io/kehoach/


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(FIXTURE_PLANS)


def _validator(site: Path, name: str) -> jsonschema.Draft202012Validator:
    """The schema as published on the site, not the one in the repository."""
    return jsonschema.Draft202012Validator(json.loads((site / "schema" / name).read_text("utf-8")))


def test_published_schemas_are_the_repository_schemas(site: Path) -> None:
    for name in ("plan.schema.json", "registry.schema.json", "report.schema.json"):
        assert (site / "schema" / name).read_bytes() == (SCHEMA_DIR / name).read_bytes()


def test_each_plan_json_validates_and_loads_back_into_the_same_plan(
    site: Path, catalog: Catalog
) -> None:
    validator = _validator(site, "plan.schema.json")
    assert catalog.plans
    for source in catalog.plans:
        place = catalog.locality_of(source.plan)
        path = site / place.path / source.plan.id / "du-lieu.json"
        data = json.loads(path.read_text("utf-8"))
        assert not list(validator.iter_errors(data)), source.path
        assert to_model(Plan, data) == source.plan, source.path


def test_whole_data_set_json(site: Path, catalog: Catalog) -> None:
    data = json.loads((site / "du-lieu" / "ke-hoach.json").read_text("utf-8"))
    # The seed plans have no progress report: "reports" is there, empty (a site with reports:
    # tests/site/test_tracking_site.py).
    assert list(data) == ["plans", "registry", "reports"]
    assert data["reports"] == []
    page = (site / "du-lieu" / "index.html").read_text("utf-8")
    assert "lần cập nhật tình hình một hoạt động" not in page  # no count of reports: none
    assert [p["id"] for p in data["plans"]] == sorted(s.plan.id for s in catalog.plans)
    plan_validator = _validator(site, "plan.schema.json")
    assert all(not list(plan_validator.iter_errors(p)) for p in data["plans"])
    assert not list(_validator(site, "registry.schema.json").iter_errors(data["registry"]))
    assert to_model(Registry, data["registry"]) == catalog.registry


def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: no UTF-8 BOM, Excel would garble it"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    assert all(len(r) == len(header) for r in body)
    return header, [dict(zip(header, r, strict=True)) for r in body]


def test_csv_columns_are_stable_and_documented(site: Path) -> None:
    expected_start = [
        "plan_id",
        "year",
        "province_code",
        "province_name",
        "commune_code",
        "former_unit",
        "locality_name",
        "level",
    ]
    for table in opendata.TABLES:
        header, _rows = _read_csv(site / table.uri)
        assert header == [c.name for c in table.columns]
        assert header[:8] == expected_start
        assert len(set(header)) == len(header)
    page = (site / "du-lieu" / "index.html").read_text("utf-8")
    for table in opendata.TABLES:
        for column in table.columns:
            assert f"<code>{column.name}</code>" in page


def test_one_csv_row_per_plan_activity_and_responsibility(site: Path, catalog: Catalog) -> None:
    plans = {s.plan.id: s.plan for s in catalog.plans}
    _h, plan_rows = _read_csv(site / "du-lieu" / "ke-hoach.csv")
    assert [r["plan_id"] for r in plan_rows] == sorted(plans)
    _h, activity_rows = _read_csv(site / "du-lieu" / "hoat-dong.csv")
    expected = [
        (p.id, a.id) for p in sorted(plans.values(), key=lambda p: p.id) for a in p.activities
    ]
    assert [(r["plan_id"], r["activity_id"]) for r in activity_rows] == expected
    _h, duty_rows = _read_csv(site / "du-lieu" / "trach-nhiem.csv")
    assert len(duty_rows) == sum(len(p.responsibilities) for p in plans.values())


def test_csv_cells(site: Path, catalog: Catalog) -> None:
    _h, rows = _read_csv(site / "du-lieu" / "hoat-dong.csv")
    row = next(r for r in rows if r["plan_id"] == "ha-tinh-thach-ha-2025-ngay-cds")
    plan = next(s.plan for s in catalog.plans if s.plan.id == row["plan_id"])
    activity = next(a for a in plan.activities if a.id == row["activity_id"])
    assert row["province_code"] == "42" and row["commune_code"] == "18562"
    assert row["locality_name"] == "Xã Thạch Hà" and row["year"] == "2025"
    assert row["lead"] == "; ".join(plan.unit(u).name for u in activity.lead)
    assert row["page_url"].startswith(SITE_URL) and "#hd-" in row["page_url"]
    _h, plans = _read_csv(site / "du-lieu" / "ke-hoach.csv")
    province = next(r for r in plans if r["plan_id"] == "ha-tinh-2025-ngay-cds")
    assert province["document_date"] == "2025-10-06" and province["commune_code"] == ""
    assert province["source_file"] == "ha-tinh/2025-ngay-chuyen-doi-so.yaml"
    assert province["json_url"] == SITE_URL + "ha-tinh/ha-tinh-2025-ngay-cds/du-lieu.json"


def test_open_data_page_states_the_licence_and_links_every_file(site: Path) -> None:
    page = (site / "du-lieu" / "index.html").read_text("utf-8")
    assert "CC BY 4.0" in page and "creativecommons.org/licenses/by/4.0" in page
    assert "Mã nguồn" in page  # the code's licence is separate
    for href in (
        "ke-hoach.json",
        "ke-hoach.csv",
        "hoat-dong.csv",
        "trach-nhiem.csv",
        "../schema/plan.schema.json",
        "../schema/registry.schema.json",
        "../schema/report.schema.json",
        "bao-cao.csv",
        "tinh-hinh.csv",
        "../feed.xml",
        "../ha-tinh/feed.xml",
    ):
        assert f'href="{href}"' in page, href


def test_the_report_and_coverage_csv_columns_are_documented(site: Path) -> None:
    page = (site / "du-lieu" / "index.html").read_text("utf-8")
    for table in (opendata.UPDATES, opendata.COVERAGE):
        header, _rows = _read_csv(site / table.uri)
        assert header == [c.name for c in table.columns]
        section = page.split(f'id="cot-{Path(table.uri).name.replace(".", "-")}"', 1)[1]
        section = section.split("</table>", 1)[0]
        for column in table.columns:
            assert f"<code>{column.name}</code>" in section, (table.uri, column.name)


def test_each_schema_links_to_the_reference_of_its_fields(site: Path) -> None:
    """The JSON files' fields are those of the schemas; the page sends each schema to its
    section of the field reference (generated from the same schemas), which exists."""
    page = (site / "du-lieu" / "index.html").read_text("utf-8")
    reference = (site / "tham-chieu-truong" / "index.html").read_text("utf-8")
    for anchor in ("plan-file", "registry-file", "report-file"):
        assert f'href="../tham-chieu-truong/#{anchor}"' in page, anchor
        assert f'id="{anchor}"' in reference, anchor
