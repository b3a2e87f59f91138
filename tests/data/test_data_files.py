"""Generic rules for the plans data, true of any valid data set: the folder named by the
environment variable KEHOACH_TEST_PLANS, plans/ by default. tests/clerk runs them on a copy of
plans/ changed as a clerk's pull request would change it. Nothing here names a seed plan: the
seed plans' facts are asserted on their frozen copy (tests/unit/test_seed_plans.py)."""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

import pytest

from kehoach.source.catalog import REGISTRY_DIR, plan_files, validate_paths
from kehoach.source.problems import errors_only
from kehoach.source.schema import PLAN_SCHEMA, REGISTRY_SCHEMA, SCHEMA_DIR
from tests.plansdirs import data_plans

PLANS = data_plans()
SCHEMA_LINE = "# yaml-language-server: $schema="


def _yaml_files() -> list[Path]:
    registry, plans = plan_files(PLANS)
    return registry + plans


def _schema_for(path: Path) -> str:
    return REGISTRY_SCHEMA if path.relative_to(PLANS).parts[0] == REGISTRY_DIR else PLAN_SCHEMA


def test_there_is_a_registry_and_a_plan() -> None:
    registry, plans = plan_files(PLANS)
    assert registry and plans, f"{PLANS}: no registry or no plan, the rules below check nothing"


@pytest.mark.parametrize("path", _yaml_files(), ids=lambda p: str(p.relative_to(PLANS)))
def test_first_line_names_the_right_schema(path: Path) -> None:
    """The editor's schema line: a relative path, written plainly, to the project's schema
    (the exact relative path for a file of plans/; a copy elsewhere may reach it another way)."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    schema = SCHEMA_DIR / _schema_for(path)
    expected = os.path.relpath(schema, path.parent).replace(os.sep, "/")
    message = f"{path}: first line should be {SCHEMA_LINE}{expected}"
    assert first.startswith(SCHEMA_LINE), message
    named = first.removeprefix(SCHEMA_LINE)
    assert not posixpath.isabs(named) and posixpath.normpath(named) == named, message
    assert (path.parent / named).resolve() == schema.resolve(), message
    assert (path.parent / named).resolve().is_file()


def test_every_file_is_valid() -> None:
    catalog, problems = validate_paths([PLANS])
    errors = errors_only(problems)
    assert not errors, "\n".join(map(str, errors))
    assert catalog is not None and catalog.plans
