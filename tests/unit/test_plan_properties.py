"""Property-based test (hypothesis): any valid plan is accepted by the validator, with no
problem at all. Plans come from tests/plan_strategies.py (the schema's own constraints); the
same plans on built pages: tests/site/test_properties.py."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings

from kehoach.source.catalog import validate_paths
from kehoach.source.problems import Problem
from tests.plan_strategies import COMMON_SETTINGS, Generated, plans, write_plans_dir


def _errors(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


@settings(max_examples=60, **COMMON_SETTINGS)
@given(plans())
def test_every_generated_plan_is_accepted(generated: Generated) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        plans_dir = write_plans_dir(Path(scratch), generated)
        catalog, problems = validate_paths([plans_dir])
    assert problems == [], _errors(problems)
    assert catalog is not None and len(catalog.plans) == 1
