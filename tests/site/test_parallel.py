"""hooks/parallel.py (kehoach/adapter/parallel.py) renders two thirds of the unit pages in a
second process: the site (the reference site, built so) must be byte for byte the one a single
process builds, and what goes wrong in the second process must stop the build (an error) or
count as a warning (strict builds)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from kehoach.adapter.parallel import WARNINGS_EXIT, wait_second
from tests.conftest import ReferenceBuild
from tests.sitetools import build_reference, differing_files, tree_bytes


def test_two_processes_build_the_same_site_as_one(
    reference_build: ReferenceBuild, tmp_path: Path
) -> None:
    two, log = reference_build.path, reference_build.log  # built without KEHOACH_WORKERS
    assert "trang đơn vị được dựng song song" in log  # the second process ran
    assert "Page skipped" not in log  # what it leaves to the build is not news
    one = tmp_path / "one"
    build_reference(one, KEHOACH_WORKERS="1")
    two_files = tree_bytes(two)
    assert differing_files(two_files, tree_bytes(one)) == []
    assert sum("/don-vi/" in name for name in two_files) > 10  # unit pages were split


@pytest.mark.parametrize(
    ("status", "outcome"), [(0, "ok"), (WARNINGS_EXIT, "warning"), (1, "error")]
)
def test_what_the_second_process_reports_reaches_the_build(
    status: int, outcome: str, caplog: pytest.LogCaptureFixture
) -> None:
    pid = os.fork()
    if pid == 0:
        os._exit(status)
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.parallel"):
        if outcome == "error":
            with pytest.raises(PluginError, match="second build process failed"):
                wait_second(pid)
        else:
            wait_second(pid)
    warned = [r for r in caplog.records if r.name == "mkdocs.hooks.parallel"]
    assert bool(warned) == (outcome == "warning")
