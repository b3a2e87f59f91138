"""Where the tests' plans come from.

``FIXTURE_PLANS`` (tests/fixtures/plans) is a frozen copy of plans/, registry included. Every
fact about the seed plans (their ids, which is newest, counts, titles, dates) is asserted
against it, and the reference site of tests/conftest.py is built from it: a clerk adding,
editing or removing a plan in plans/ never turns a test red.

``data_plans()`` is the live data that the generic rules of tests/data/ hold for: plans/, or
the folder named by the environment variable ``KEHOACH_TEST_PLANS``.

``CASES_DIR`` holds the golden cases (tests/golden/cases), each a tiny plans folder.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["CASES_DIR", "DATA_PLANS_VARIABLE", "FIXTURE_PLANS", "ROOT", "data_plans"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_PLANS = ROOT / "tests" / "fixtures" / "plans"
CASES_DIR = ROOT / "tests" / "golden" / "cases"
DATA_PLANS_VARIABLE = "KEHOACH_TEST_PLANS"


def data_plans() -> Path:
    """The plans folder under test in tests/data/ (relative to the working directory when
    given in ``KEHOACH_TEST_PLANS``; plans/ of the repository otherwise)."""
    named = os.environ.get(DATA_PLANS_VARIABLE, "").strip()
    return Path(named).resolve() if named else ROOT / "plans"
