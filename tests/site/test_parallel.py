"""hooks/parallel.py renders two thirds of the unit pages in a second process: the site must be
byte for byte the one a single process builds, and what goes wrong in the second process must
stop the build (an error) or count as a warning (strict builds)."""

from __future__ import annotations

import importlib.util
import logging
import os
from pathlib import Path
from types import ModuleType

import pytest
from mkdocs.exceptions import PluginError

from tests.sitetools import ROOT, build_site, differing_files, tree_bytes


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("parallel_hook", ROOT / "hooks" / "parallel.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_two_processes_build_the_same_site_as_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KEHOACH_WORKERS", raising=False)
    two = tmp_path / "two"
    log = build_site(two, quiet=False).stderr
    assert "trang đơn vị được dựng song song" in log  # the second process ran
    assert "Page skipped" not in log  # what it leaves to the build is not news
    monkeypatch.setenv("KEHOACH_WORKERS", "1")
    one = tmp_path / "one"
    build_site(one)
    two_files = tree_bytes(two)
    assert differing_files(two_files, tree_bytes(one)) == []
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
