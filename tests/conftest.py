"""Shared fixtures, for every layer of the suite (tests/unit, golden, site, browser, data, clerk).

``site``: the reference site, the fixture plans (tests/fixtures/plans) built once per session
by a strict MkDocs build, with fixed settings (tests.sitetools.build_reference). It is
read-only: a test that changes files works on ``site_copy``, and the session ends in an error
if the reference site changed. ``rebuilt_site``: the same build made a second time, for the
tests that prove builds are reproducible. ``browser``: Debian's chromium driven by Playwright,
launched once per session.

tests/skipguard.py (registered here) fails any run in which a test was skipped.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.sitetools import (
    CHROMIUM,
    CHROMIUM_ARGS,
    build_reference,
    differing_files,
    tree_digests,
)

pytest_plugins = ["tests.skipguard"]


@dataclass(frozen=True)
class ReferenceBuild:
    """The reference site and the log of the MkDocs run that built it."""

    path: Path
    log: str


@pytest.fixture(scope="session")
def reference_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReferenceBuild]:
    out = tmp_path_factory.mktemp("reference") / "site"
    result = build_reference(out)
    built = tree_digests(out)
    yield ReferenceBuild(out, result.stdout + result.stderr)
    changed = differing_files(built, tree_digests(out))
    assert not changed, f"a test changed the read-only reference site (use site_copy): {changed}"


@pytest.fixture(scope="session")
def site(reference_build: ReferenceBuild) -> Path:
    return reference_build.path


@pytest.fixture
def site_copy(site: Path, tmp_path: Path) -> Path:
    """A copy of the reference site that the test may change."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy, symlinks=True)
    return copy


@pytest.fixture(scope="session")
def rebuilt_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("rebuilt") / "site"
    build_reference(out)
    return out


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    # `make test` installs it first (make chromium): missing, the browser tests fail.
    assert CHROMIUM.exists(), f"Debian's chromium is not at {CHROMIUM} (make chromium)"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
