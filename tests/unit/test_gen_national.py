"""scripts/gen_national.py: a small synthetic national data set that validates, comes out
byte-identical on every run, and links every commune plan to its province's plan."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kehoach.source.catalog import Catalog, load_catalog
from kehoach.source.localities import Locality, default_gazetteer
from scripts import gen_national
from tests.plansdirs import FIXTURE_PLANS, ROOT
from tests.sitetools import tree_bytes

SCRIPT = ROOT / "scripts" / "gen_national.py"
REGISTRY = FIXTURE_PLANS / "registry"  # frozen: today's plans/registry never matters here
SMALL = ("--provinces", "2", "--communes-per-province", "3", "--registry", str(REGISTRY))
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(SCRIPT), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("national") / "plans"
    result = _run(out, *SMALL)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def catalog(small: Path) -> Catalog:
    return load_catalog(small)  # raises DataError listing every problem


def test_small_run_is_valid_without_warnings(catalog: Catalog) -> None:
    assert len(catalog.plans) == 2 * (1 + 3)
    assert catalog.warnings == []


def test_layout_follows_the_gazetteer_and_copies_the_registry(small: Path) -> None:
    gazetteer = default_gazetteer()
    expected = {"registry/registry.yaml"}
    for code in gazetteer.province_codes()[:2]:
        communes = sorted(gazetteer.communes_of(code), key=lambda c: c.key)[:3]
        for loc in [gazetteer.province(code), *communes]:
            expected.add(f"{loc.path}/{gen_national.FILE_NAME}")
    # Besides the plans, only progress reports, in their locality's bao-cao/ folder.
    reports = {f for f in tree_bytes(small) if "/bao-cao/" in f}
    assert set(tree_bytes(small)) - reports == expected
    assert all(f.rsplit("/bao-cao/", 1)[0] + f"/{gen_national.FILE_NAME}" in expected
               for f in reports)
    registry = REGISTRY / "registry.yaml"  # the registry given with --registry
    assert (small / "registry" / "registry.yaml").read_bytes() == registry.read_bytes()


def test_two_runs_are_byte_identical(small: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert _run(again, *SMALL).returncode == 0
    assert tree_bytes(again) == tree_bytes(small)


def test_every_commune_plan_implements_its_province_plan(catalog: Catalog) -> None:
    plans = {source.plan.id: source.plan for source in catalog.plans}
    communes = [p for p in plans.values() if p.locality.commune]
    assert len(communes) == 6
    for plan in communes:
        implements = [r.plan for r in plan.references if r.kind == "implements"]
        assert len(implements) == 1, plan.id
        parent = plans[implements[0] or ""]
        assert parent.locality.commune is None
        assert parent.locality.province == plan.locality.province
        province = catalog.gazetteer.province(plan.locality.province)
        assert parent.id == f"{province.path}-2025-ngay-cds"


def test_plans_have_the_shape_of_the_seed_plans(small: Path, catalog: Catalog) -> None:
    for source in catalog.plans:
        plan, loc = source.plan, catalog.locality_of(source.plan)
        assert SLUG.match(plan.id) and len(plan.id) <= 80
        assert loc.short_name in plan.title and plan.year == 2025
        assert 5 <= len(plan.activities) <= 10 and 5 <= len(plan.responsibilities) <= 10
        assert all(a.lead for a in plan.activities) and plan.signer and plan.recipients
        assert any(a.appendix for a in plan.activities)
        assert 10_000 < Path(source.path).stat().st_size < 30_000
    windows = [a.when for s in catalog.plans for a in s.plan.activities if a.when]
    assert any(w.ongoing for w in windows) and any(w.peaks for w in windows)
    assert any(w.start and not w.end for w in windows)  # open-ended


def test_dates_and_codes_are_quoted(small: Path) -> None:
    text = next(small.glob(f"*/*/{gen_national.FILE_NAME}")).read_text(encoding="utf-8")
    assert re.search(r'^  province: "\d\d"$', text, re.M)
    assert re.search(r'^  commune: "\d{5}"$', text, re.M)
    assert re.search(r'^  date: "\d\d/\d\d/2025"$', text, re.M)


def test_libyaml_writes_the_same_bytes_as_safe_dump() -> None:
    gazetteer = default_gazetteer()
    province = gazetteer.province(gazetteer.province_codes()[0])
    for loc in [province, *gazetteer.communes_of(province.key)[:5]]:
        plan = gen_national.build_plan(loc, province)
        safe = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=100)
        assert gen_national.dump(plan) == safe


def test_long_ids_are_shortened_with_the_commune_code() -> None:
    loc = Locality("42/18562", "Xã X", "X", "commune", "42", "ha-tinh/xa-" + "a" * 80)
    assert gen_national.plan_id(loc) == "ha-tinh-18562-2025-ngay-cds"


@pytest.mark.parametrize("args", [(), ("out", "--provinces", "x"), ("out", "--provinces", "-1"),
                                  ("out", "--years", "2026-2024"), ("out", "--years", "x"),
                                  ("out", "--registry", "no-such-folder")])
def test_bad_usage_exits_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = _run(*(tmp_path / a if a == "out" else a for a in args))
    assert result.returncode == 2, result.stdout + result.stderr
    assert not (tmp_path / "out").exists()
