"""``base``: the address of the reference site (tests/conftest.py), served under a sub-path on
loopback for the whole session, as GitHub project pages serve it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sitetools import serve


@pytest.fixture(scope="session")
def base(site: Path) -> Iterator[str]:
    with serve(site, sub_path=True) as url:
        yield url
