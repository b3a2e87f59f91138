"""Shared fixtures. ``site``: the real plans/ built once per test module (strict MkDocs build
into a temporary folder); a module may define its own ``site`` to build something else.
``browser``: Debian's chromium driven by Playwright, launched once for the whole session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.sitetools import CHROMIUM, CHROMIUM_ARGS, build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build") / "site"
    build_site(out)
    return out


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        # `make test` installs it first; in CI a missing browser is a failure, not a skip.
        message = f"Debian's chromium is not at {CHROMIUM} (make chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
