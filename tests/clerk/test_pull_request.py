"""A clerk's pull request stays green. On a copy of the project's data (plans/, or the folder
named by KEHOACH_TEST_PLANS; never the fixtures), as a pull request would: a new plan
scaffolded by scripts/new_plan.py and filled in, an existing plan retitled, another removed.
Then the data checks (scripts/validate.py, and tests/data/ run on the copy) and a strict build
of the copy pass, and the pages show the change: adding, editing or removing a plan never
turns `make test` red because of the tests themselves."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from kehoach.authoring.scaffold import SCAFFOLD_NAME
from kehoach.site import routes
from kehoach.source.catalog import Catalog, load_catalog
from kehoach.source.localities import Gazetteer
from kehoach.source.schema import PLAN_SCHEMA, load_schema
from tests.clerk.edits import EDITED_TITLE, NEW_ACTIVITY, fill_in, removable, retitle
from tests.plansdirs import DATA_PLANS_VARIABLE, ROOT, data_plans
from tests.sitetools import build_site, page_text

COMMUNE = "18562"  # Xã Thạch Hà (Hà Tĩnh), the README's example


@dataclass(frozen=True)
class PullRequest:
    plans: Path
    new_file: Path
    edited_id: str
    removed_id: str
    plan_count: int  # after the pull request


def _run(*command: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *map(str, command)], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, **env}, timeout=600, check=False)


def _scaffold(plans: Path) -> Path:
    """scripts/new_plan.py for the commune, in the first year that has no plan file yet."""
    limits = load_schema(PLAN_SCHEMA)["properties"]["year"]
    place = Gazetteer().commune(COMMUNE)
    years = range(max(2026, limits["minimum"]), limits["maximum"] + 1)
    year = next(y for y in years if not (plans / place.path / f"{y}-{SCAFFOLD_NAME}.yaml").exists())
    made = _run(ROOT / "scripts/new_plan.py", "--plans-dir", plans,
                "--province", place.province_code, "--commune", COMMUNE, "--year", str(year))
    assert made.returncode == 0, made.stdout + made.stderr
    return Path(made.stdout.strip())


@pytest.fixture(scope="module")
def pull_request(tmp_path_factory: pytest.TempPathFactory) -> PullRequest:
    work = tmp_path_factory.mktemp("clerk")
    plans = work / "plans"
    shutil.copytree(data_plans(), plans)
    # Beside a schema/ folder, as plans/ is in the repository: the editor's schema lines hold.
    (work / "schema").symlink_to(ROOT / "schema", target_is_directory=True)
    before = load_catalog(plans)
    sources = {s.plan.id: Path(s.path) for s in before.plans}
    edited = sorted(sources, key=lambda plan_id: sources[plan_id])[0]
    removed = removable(before, keep=edited)
    new_file = _scaffold(plans)
    fill_in(new_file)
    retitle(sources[edited])
    sources[removed].unlink()
    return PullRequest(plans, new_file, edited, removed, plan_count=len(sources))


def test_validate_accepts_the_pull_request(pull_request: PullRequest) -> None:
    result = _run(ROOT / "scripts/validate.py", pull_request.plans)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Hợp lệ (valid): {pull_request.plan_count} kế hoạch." in result.stdout
    new = pull_request.new_file.relative_to(pull_request.plans).as_posix()
    assert new not in result.stdout + result.stderr  # not even a warning about it


def test_the_data_tests_pass_on_the_pull_request(pull_request: PullRequest) -> None:
    result = _run("-m", "pytest", "-p", "no:cacheprovider", "-o", "addopts=", "-v", "tests/data",
                  **{DATA_PLANS_VARIABLE: str(pull_request.plans)})
    assert result.returncode == 0, result.stdout + result.stderr
    new = pull_request.new_file.relative_to(pull_request.plans).as_posix()
    assert f"test_first_line_names_the_right_schema[{new}] PASSED" in result.stdout
    assert "test_every_file_is_valid PASSED" in result.stdout


def _page(site: Path, catalog: Catalog, plan_id: str) -> Path:
    plan = next(s.plan for s in catalog.plans if s.plan.id == plan_id)
    return site / routes.plan(catalog.locality_of(plan), plan_id) / "index.html"


def test_the_site_builds_with_the_pull_request(pull_request: PullRequest, tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_site(site, pull_request.plans)
    catalog = load_catalog(pull_request.plans)
    new_id = next(s.plan.id for s in catalog.plans if Path(s.path) == pull_request.new_file)
    assert NEW_ACTIVITY in page_text(_page(site, catalog, new_id).read_text(encoding="utf-8"))
    edited = _page(site, catalog, pull_request.edited_id).read_text(encoding="utf-8")
    assert EDITED_TITLE in page_text(edited)
    assert pull_request.removed_id not in {s.plan.id for s in catalog.plans}
    assert not list(site.rglob(f"{pull_request.removed_id}/index.html"))
