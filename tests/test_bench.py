"""scripts/bench.py's baseline: a plain Material build of the same pages with the same theme
settings and navigation as mkdocs.yml, so the build-time ratio compares like with like."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scripts import bench


def _nav_pages(nav: Any) -> list[str]:
    if isinstance(nav, list):
        return [page for item in nav for page in _nav_pages(item)]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in _nav_pages(value)]
    return [str(nav)]


def test_baseline_has_our_pages_theme_and_navigation(site: Path, tmp_path: Path) -> None:
    project = bench._baseline_project(site, tmp_path / "baseline")
    config = json.loads((project / "mkdocs.yml").read_text(encoding="utf-8"))
    ours = bench._our_config()
    assert config["theme"] == {k: v for k, v in ours["theme"].items() if k != "custom_dir"}
    assert config["theme"]["features"] == ours["theme"]["features"]
    pages = _nav_pages(config["nav"])
    assert len(pages) == len(_nav_pages(ours["nav"])) > 1
    for page in pages:
        assert (project / "docs" / page).is_file(), page
    html_pages = [p for p in site.rglob("index.html") if p.relative_to(site).parts[:1]
                  not in (("assets",), ("pagefind",))]  # fmt: skip
    assert len(list((project / "docs").rglob("index.md"))) == len(html_pages)
