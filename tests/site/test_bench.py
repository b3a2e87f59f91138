"""scripts/bench.py's baseline: a plain Material build of the same pages with the same theme
settings and navigation as mkdocs.yml, so the build-time ratio compares like with like."""

from __future__ import annotations

import json
from pathlib import Path

from kehoach.site.routes import nav_pages
from scripts import bench


def test_baseline_has_our_pages_theme_and_navigation(site: Path, tmp_path: Path) -> None:
    project = bench._baseline_project(site, tmp_path / "baseline")
    config = json.loads((project / "mkdocs.yml").read_text(encoding="utf-8"))
    ours = bench._our_config()
    assert config["theme"] == {k: v for k, v in ours["theme"].items() if k != "custom_dir"}
    assert config["theme"]["features"] == ours["theme"]["features"]
    pages = nav_pages(config["nav"])
    assert len(pages) == len(nav_pages(ours["nav"])) > 1
    for page in pages:
        assert (project / "docs" / page).is_file(), page
    html_pages = [p for p in site.rglob("index.html") if p.relative_to(site).parts[:1]
                  not in (("assets",), ("chi-muc-tim-kiem",))]  # fmt: skip
    assert len(list((project / "docs").rglob("index.md"))) == len(html_pages)
