"""Open data as the core encodes it, without building the site: keys in schema order, dates
written as documents write them, partial dates, numbers and empty fields that round-trip,
deterministic JSON; progress reports exactly as their YAML files (the published files:
tests/site/test_export.py, tests/site/test_tracking_site.py)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from kehoach.formats.export import (
    dataset_json,
    format_date,
    plan_data,
    registry_data,
    report_data,
    to_json,
)
from kehoach.model.dates import PartialDate
from kehoach.model.plan import Activity, DocumentInfo, LocalityRef, Plan, Target, When
from kehoach.model.report import ProgressReport
from kehoach.source.catalog import Catalog, load_catalog
from kehoach.source.convert import to_model
from kehoach.source.schema import REPORT_SCHEMA, load_schema, resolve
from tests.plansdirs import FIXTURE_PLANS
from tests.trackingdata import tracked_plans


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(FIXTURE_PLANS)


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


@pytest.fixture(scope="module")
def tracked(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return load_catalog(tracked_plans(tmp_path_factory.mktemp("tracked")))


def test_data_set_is_the_plans_the_registry_and_the_reports_encoded_once(
    catalog: Catalog, tracked: Catalog
) -> None:
    for source, reports in ((catalog, []), (tracked, [report_data(r.report)
                                                      for r in tracked.reports])):
        plans = [plan_data(s.plan) for s in source.plans]
        registry = registry_data(source.registry)
        joined = dataset_json([to_json(p) for p in plans], to_json(registry),
                              [to_json(r) for r in reports])
        assert joined == to_json({"plans": plans, "registry": registry, "reports": reports})
    assert len(tracked.reports) == 3


def test_a_report_is_exported_as_its_yaml_file_says_it(tracked: Catalog) -> None:
    validator = jsonschema.Draft202012Validator(load_schema(REPORT_SCHEMA))
    for source in tracked.reports:
        data = report_data(source.report)
        _assert_schema_order(REPORT_SCHEMA, data)
        assert not list(validator.iter_errors(data)), source.path
        # The same keys and values as the clerk wrote (dates "05/11/2025", 40 not 40.0).
        assert data == yaml.safe_load(Path(source.path).read_text("utf-8")), source.path
        assert to_model(ProgressReport, data) == source.report
