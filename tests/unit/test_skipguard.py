"""tests/skipguard.py: a run in which a test was skipped (by the test, its fixture, its module
or as an xfail) fails and names it; a run without a skip passes. Each run is pytest on a tiny
test file in a subprocess, with the plugin loaded as the suite loads it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.plansdirs import ROOT

PASSING = "def test_passes():\n    assert True\n"
SKIPPING = {
    "in the test": "import pytest\n\ndef test_skipped():\n    pytest.skip('no tool')\n",
    "in a fixture": (
        "import pytest\n\n@pytest.fixture\ndef tool():\n    pytest.skip('no tool')\n\n"
        "def test_skipped(tool):\n    assert tool\n"
    ),
    "by a marker": "import pytest\n\n@pytest.mark.skipif(True, reason='no tool')\n"
                   "def test_skipped():\n    assert True\n",
    "as an xfail": "import pytest\n\n@pytest.mark.xfail(reason='no tool')\n"
                   "def test_skipped():\n    assert False\n",
    "for the module": "import pytest\n\npytest.skip('no tool', allow_module_level=True)\n",
}


def _run(folder: Path, source: str) -> subprocess.CompletedProcess[str]:
    """pytest on ``source`` (beside a passing test) in ``folder``, with only the guard."""
    (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (folder / "test_tiny.py").write_text(PASSING + "\n\n" + source, encoding="utf-8")
    command = [sys.executable, "-m", "pytest", "-p", "tests.skipguard", "-p", "no:cacheprovider",
               "-c", str(folder / "pytest.ini"), "--rootdir", str(folder), str(folder)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_the_suite_runs_with_the_guard(request: pytest.FixtureRequest) -> None:
    assert request.config.pluginmanager.has_plugin("kehoach-skipguard")


def test_a_run_without_skips_passes(tmp_path: Path) -> None:
    result = _run(tmp_path, "def test_also_passes():\n    assert 1 + 1 == 2\n")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout and "skipped tests fail the run" not in result.stdout


@pytest.mark.parametrize("where", list(SKIPPING))
def test_a_run_with_a_skip_fails_and_names_it(tmp_path: Path, where: str) -> None:
    result = _run(tmp_path, SKIPPING[where])
    output = result.stdout + result.stderr
    assert result.returncode == pytest.ExitCode.TESTS_FAILED, output
    assert "skipped tests fail the run (tests/skipguard.py)" in output
    assert "no tool" in output
    assert "test_tiny.py" in output.split("skipped tests fail the run", 1)[1]
