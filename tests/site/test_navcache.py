"""hooks/navcache.py renders Material's navigation once per distinct set of links: the site
it builds must be byte for byte the site Material's own partials give, page by page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitetools import build_site, differing_files, tree_bytes


def test_cached_navigation_gives_the_same_site(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEHOACH_NAVCACHE", "0")
    uncached = tmp_path / "uncached"
    build_site(uncached)
    cached_files = tree_bytes(site)
    assert differing_files(cached_files, tree_bytes(uncached)) == []
    # Deep pages (a unit of a commune) and pages under a nav section's folder are compared too.
    assert any(name.count("/") >= 4 for name in cached_files)
    assert any(name.startswith("van-ban/") and name.count("/") >= 2 for name in cached_files)
