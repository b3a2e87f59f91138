"""hooks/navcache.py renders Material's navigation once per distinct set of links: the site
it builds (the reference site) must be byte for byte the site Material's own partials give,
page by page (the fixture plans built again with KEHOACH_NAVCACHE=0)."""

from __future__ import annotations

from pathlib import Path

from tests.sitetools import build_reference, differing_files, tree_bytes


def test_cached_navigation_gives_the_same_site(site: Path, tmp_path: Path) -> None:
    uncached = tmp_path / "uncached"
    build_reference(uncached, KEHOACH_NAVCACHE="0")
    cached_files = tree_bytes(site)
    assert differing_files(cached_files, tree_bytes(uncached)) == []
    # Deep pages (a unit of a commune) and pages under a nav section's folder are compared too.
    assert any(name.count("/") >= 4 for name in cached_files)
    assert any(name.startswith("van-ban/") and name.count("/") >= 2 for name in cached_files)
