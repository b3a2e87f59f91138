"""Shared fixtures. ``site``: the real plans/ built once per test module (strict MkDocs build
into a temporary folder); a module may define its own ``site`` to build something else."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitetools import build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build") / "site"
    build_site(out)
    return out
