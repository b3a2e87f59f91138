"""Open data: JSON exports valid against the published schemas that load back into the same
model, keys in schema order, CSV files Excel reads (BOM) with stable columns and one row per
plan, activity and responsibility."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from kehoach.formats.export import dataset_json, format_date, plan_data, registry_data, to_json
from kehoach.model.dates import PartialDate
from kehoach.model.plan import Activity, DocumentInfo, LocalityRef, Plan, Registry, Target, When
from kehoach.site.pages import opendata
from kehoach.source.catalog import Catalog, load_catalog
from kehoach.source.convert import to_model
from kehoach.source.schema import SCHEMA_DIR, load_schema, resolve
from tests.sitetools import ROOT, build_site

SITE_URL = "https://example.github.io/kehoach/"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(ROOT / "plans")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("opendata") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", SITE_URL)
        build_site(out)
    return out


def _validator(site: Path, name: str) -> jsonschema.Draft202012Validator:
    """The schema as published on the site, not the one in the repository."""
    return jsonschema.Draft202012Validator(json.loads((site / "schema" / name).read_text("utf-8")))


def test_published_schemas_are_the_repository_schemas(site: Path) -> None:
    for name in ("plan.schema.json", "registry.schema.json"):
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
    assert list(data) == ["plans", "registry"]
    assert [p["id"] for p in data["plans"]] == sorted(s.plan.id for s in catalog.plans)
    plan_validator = _validator(site, "plan.schema.json")
    assert all(not list(plan_validator.iter_errors(p)) for p in data["plans"])
    assert not list(_validator(site, "registry.schema.json").iter_errors(data["registry"]))
    assert to_model(Registry, data["registry"]) == catalog.registry


def _assert_schema_order(schema_name: str, data: Any, node: dict[str, Any] | None = None) -> None:
    root = load_schema(schema_name)
    node = resolve(root, node if node is not None else root)
    if isinstance(data, dict):
        properties = node.get("properties", {})
        assert list(data) == [k for k in properties if k in data]
        for key, value in data.items():
            _assert_schema_order(schema_name, value, properties[key])
    elif isinstance(data, list) and "items" in node:
        for value in data:
            _assert_schema_order(schema_name, value, node["items"])


def test_keys_follow_the_schema_order(catalog: Catalog) -> None:
    for source in catalog.plans:
        _assert_schema_order("plan.schema.json", plan_data(source.plan))
    _assert_schema_order("registry.schema.json", registry_data(catalog.registry))


def test_dates_are_written_as_documents_write_them() -> None:
    assert format_date(PartialDate(2025, 10, 6)) == "06/10/2025"
    assert format_date(PartialDate(2025, 10)) == "10/2025"
    assert format_date(PartialDate(2025)) == "2025"


def test_partial_dates_numbers_and_empty_fields_round_trip() -> None:
    plan = Plan(
        id="thu",
        document=DocumentInfo(type="Kế hoạch", date=PartialDate(2025, 10)),
        issuer="UBND",
        locality=LocalityRef(province="42"),
        year=2025,
        title="Thử",
        activities=(
            Activity(
                id="a",
                title="A",
                when=When(start=PartialDate(2025), end=PartialDate(2025, 12, 31), ongoing=True),
                targets=(Target(text="80%", value=80.0, unit="%"), Target(text="x", value=2.5)),
            ),
            Activity(id="b", title="B", when=When(text="Quý IV")),
        ),
    )
    data = plan_data(plan)
    assert data["document"] == {"type": "Kế hoạch", "date": "10/2025"}
    first = data["activities"][0]
    assert first["when"] == {"start": "2025", "end": "31/12/2025", "ongoing": True}
    assert first["targets"][0] == {"text": "80%", "value": 80, "unit": "%"}
    assert data["activities"][1]["when"] == {"text": "Quý IV"}  # ongoing: false left out
    assert "references" not in data and "period" not in data
    validator = jsonschema.Draft202012Validator(load_schema("plan.schema.json"))
    assert not list(validator.iter_errors(data))
    assert to_model(Plan, json.loads(to_json(data))) == plan


def test_a_model_field_the_schema_does_not_know_is_an_error() -> None:
    @dataclasses.dataclass(frozen=True)
    class Extra:
        type: str
        secret: str = "x"

    plan = Plan(
        id="thu",
        document=Extra(type="Kế hoạch"),
        issuer="UBND",
        locality=LocalityRef(province="42"),
        year=2025,
        title="Thử",
    )
    with pytest.raises(ValueError, match="secret"):
        plan_data(plan)


def test_json_is_deterministic_and_readable(catalog: Catalog) -> None:
    data = plan_data(catalog.plans[0].plan)
    assert to_json(data) == to_json(json.loads(to_json(data)))
    assert "Kế hoạch" in to_json(data).decode("utf-8")  # not \\u escapes


def test_data_set_is_the_plans_and_the_registry_encoded_once(catalog: Catalog) -> None:
    plans = [plan_data(s.plan) for s in catalog.plans]
    registry = registry_data(catalog.registry)
    joined = dataset_json([to_json(p) for p in plans], to_json(registry))
    assert joined == to_json({"plans": plans, "registry": registry})


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
        "../feed.xml",
        "../ha-tinh/feed.xml",
    ):
        assert f'href="{href}"' in page, href
