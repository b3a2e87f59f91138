"""scripts/gen_national.py --years: a plan per locality per year, texts drawn per year, some
communes without an earlier year, some amended plans; the 2025 plans unchanged by the range."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from kehoach.model.plan import Plan
from kehoach.source.catalog import Catalog, load_catalog
from scripts import gen_national
from tests.plansdirs import FIXTURE_PLANS, ROOT
from tests.sitetools import tree_bytes

SCRIPT = ROOT / "scripts" / "gen_national.py"
# Three provinces of 12 communes: enough for both a missing year and an amended plan.
SAMPLE = ("--provinces", "3", "--communes-per-province", "12",
          "--registry", str(FIXTURE_PLANS / "registry"))
YEARS = (2024, 2025, 2026)


def _run(out: Path, *args: str) -> None:
    command = [sys.executable, str(SCRIPT), str(out), *SAMPLE, *args]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("years") / "plans"
    _run(out, "--years", "2024-2026")
    return out


@pytest.fixture(scope="module")
def catalog(years: Path) -> Catalog:
    return load_catalog(years)  # raises DataError listing every problem


def _by_place(catalog: Catalog) -> dict[tuple[str, str | None], list[Plan]]:
    places: dict[tuple[str, str | None], list[Plan]] = defaultdict(list)
    for source in catalog.plans:
        places[(source.plan.locality.province, source.plan.locality.commune)].append(source.plan)
    return places


def test_three_years_validate_without_warnings(catalog: Catalog) -> None:
    assert catalog.warnings == []
    assert {source.plan.year for source in catalog.plans} == set(YEARS)


def test_provinces_have_every_year_and_some_communes_miss_an_earlier_one(
        catalog: Catalog) -> None:
    missing = []
    for (province, commune), plans in _by_place(catalog).items():
        present = {plan.year for plan in plans}
        assert 2026 in present, (province, commune)  # the current year is never missing
        if commune is None:
            assert present == set(YEARS), province
        elif present != set(YEARS):
            assert len(present) == 2, (province, commune)
            missing.append(commune)
    assert 1 <= len(missing) <= 12  # about one commune in ten


def test_amended_plans_rest_on_the_plan_of_their_year_and_place(catalog: Catalog) -> None:
    plans = {source.plan.id: source.plan for source in catalog.plans}
    amended = [p for p in plans.values() if p.id.endswith("-sua-doi")]
    assert amended
    for plan in amended:
        basis = [r.plan for r in plan.references if r.kind == "basis" and r.plan]
        assert len(basis) == 1, plan.id
        original = plans[basis[0] or ""]
        assert (original.year, original.locality) == (plan.year, plan.locality)
        assert plan.title.startswith(f"Sửa đổi, bổ sung Kế hoạch số {original.document.number}")
        assert plan.document.number != original.document.number


def test_texts_differ_from_year_to_year_and_name_their_year(catalog: Catalog) -> None:
    for plans in list(_by_place(catalog).values())[:10]:
        yearly = {p.year: p for p in plans if not p.id.endswith("-sua-doi")}
        if len(yearly) < 3:
            continue
        shapes = {tuple(a.id for a in p.activities) for p in yearly.values()}
        assert len(shapes) > 1  # drawn again each year, not one plan with the year changed
        for year, plan in yearly.items():
            other = {str(y) for y in YEARS} - {str(year), str(year + 1)}
            assert f"năm {year}" in plan.title
            assert not any(re.search(rf"năm {y}\b", plan.title) for y in other)
            assert plan.period and plan.period.start and plan.period.start.year == year


def test_the_2025_plans_are_those_of_a_single_year_run(years: Path, tmp_path: Path) -> None:
    _run(tmp_path / "one")
    single = tree_bytes(tmp_path / "one")
    ranged = {k: v for k, v in tree_bytes(years).items() if "/2025-ngay-chuyen-doi-so.yaml" in k
              or k.startswith("registry/")}
    missing_2025 = set(single) - set(ranged)
    assert all("/" in name for name in missing_2025)  # only communes that skip 2025
    assert {k: single[k] for k in ranged} == ranged


def test_a_range_is_byte_identical_across_runs(years: Path, tmp_path: Path) -> None:
    _run(tmp_path / "again", "--years", "2024-2026")
    assert tree_bytes(tmp_path / "again") == tree_bytes(years)


def test_amended_ids_stay_within_80_characters() -> None:
    long_id = "ha-tinh-" + "a" * 58 + "-2025-ngay-cds"
    assert len(long_id) == 80
    assert gen_national.amended_id(long_id) == "ha-tinh-" + "a" * 58 + "-2025-sua-doi"
    assert gen_national.amended_id("ha-tinh-2025-ngay-cds") == "ha-tinh-2025-ngay-cds-sua-doi"
