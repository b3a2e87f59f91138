"""hooks/parallel.py renders two thirds of the unit pages in a second process: the site must be
byte for byte the one a single process builds, and what goes wrong in the second process must
stop the build (an error) or count as a warning (strict builds)."""

from __future__ import annotations

import importlib.util
import logging
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from mkdocs.exceptions import PluginError

from tests.sitetools import FIXED_EPOCH, ROOT, TEST_SITE_URL, build_site


def _files(site: Path) -> dict[str, bytes]:
    paths = sorted(p for p in site.rglob("*") if p.is_file())
    return {str(p.relative_to(site)): p.read_bytes() for p in paths}


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("parallel_hook", ROOT / "hooks" / "parallel.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_two_processes_build_the_same_site_as_one(tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": FIXED_EPOCH,
           "SITE_URL": TEST_SITE_URL}  # fmt: skip
    env.pop("KEHOACH_WORKERS", None)
    two = tmp_path / "two"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(two)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "trang đơn vị được dựng song song" in result.stderr  # the second process ran
    assert "Page skipped" not in result.stderr  # what it leaves to the build is not news
    one = tmp_path / "one"
    os.environ["KEHOACH_WORKERS"] = "1"
    try:
        build_site(one)
    finally:
        del os.environ["KEHOACH_WORKERS"]
    two_files, one_files = _files(two), _files(one)
    assert two_files.keys() == one_files.keys()
    assert [name for name in two_files if two_files[name] != one_files[name]] == []
    assert sum("/don-vi/" in name for name in two_files) > 10  # unit pages were split


@pytest.mark.parametrize(("status", "outcome"), [(0, "ok"), (3, "warning"), (1, "error")])
def test_what_the_second_process_reports_reaches_the_build(
    status: int, outcome: str, caplog: pytest.LogCaptureFixture
) -> None:
    hook = _hook()
    pid = os.fork()
    if pid == 0:
        os._exit(status)
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.parallel"):
        if outcome == "error":
            with pytest.raises(PluginError, match="second build process failed"):
                hook._wait(pid)
        else:
            hook._wait(pid)
    warned = [r for r in caplog.records if r.name == "mkdocs.hooks.parallel"]
    assert bool(warned) == (outcome == "warning")
