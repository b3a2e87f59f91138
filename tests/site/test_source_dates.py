"""What each page says about its source: on the reference site (its plans are in the git
repository) the edit link to the YAML file and the date of its last commit; outside any git
repository the file's date, clamped to SOURCE_DATE_EPOCH, so that touching the files changes
nothing (a small copy of the fixture plans: a province plan and a commune plan implementing it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.sitetools import FIXTURE_PLANS, ROOT, build_site, differing_files, tree_bytes

OUTSIDE_GIT = ("registry/registry.yaml", "ha-tinh/2025-ngay-chuyen-doi-so.yaml",
               "ha-tinh/xa-thach-ha/2025-ngay-chuyen-doi-so.yaml")  # fmt: skip


@pytest.fixture(scope="module")
def copied_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Plans copied outside any git repository, built once."""
    base = tmp_path_factory.mktemp("nogit")
    plans = base / "plans"
    for name in OUTSIDE_GIT:
        (plans / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(FIXTURE_PLANS / name, plans / name)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REPO_URL", "https://github.com/example/kehoach")
        build_site(base / "site", plans)
    return plans, base / "site"


def test_plan_pages_show_source_edit_link_and_last_change(copied_site: tuple[Path, Path]) -> None:
    _plans, site = copied_site
    page = (site / "ha-tinh/ha-tinh-2025-ngay-cds/index.html").read_text("utf-8")
    assert 'Dữ liệu cập nhật lần cuối: <time datetime="2025-10-10">10/10/2025</time>' in page
    assert "không có lịch sử git" in page
    assert 'href="du-lieu.json"' in page
    assert "Sửa trên GitHub" not in page  # these copies are not in the repository
    docs = (site / "huong-dan-nhap-lieu" / "index.html").read_text("utf-8")
    assert "https://github.com/example/kehoach/edit/main/docs/huong-dan-nhap-lieu.md" in docs


def test_rebuild_after_touching_files_is_identical(copied_site: tuple[Path, Path]) -> None:
    plans, site = copied_site
    touched = list(plans.rglob("*.yaml"))
    assert len(touched) == len(OUTSIDE_GIT)
    for path in touched:
        os.utime(path)  # "now": later than SOURCE_DATE_EPOCH, so the clamp applies
    again = site.parent / "again"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REPO_URL", "https://github.com/example/kehoach")
        build_site(again, plans)
    assert differing_files(tree_bytes(site), tree_bytes(again)) == []


def test_repository_build_uses_git_dates_and_links_to_the_yaml(site: Path) -> None:
    """The reference site is built with GITHUB_REPOSITORY=example/kehoach (no REPO_URL)."""
    source = (FIXTURE_PLANS / "ha-tinh/2025-ngay-chuyen-doi-so.yaml").relative_to(ROOT).as_posix()
    committed = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%cs", "--", source],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert committed, f"{source} is not committed: its page cannot show a git date"
    page = (site / "ha-tinh/ha-tinh-2025-ngay-cds/index.html").read_text("utf-8")
    assert f"https://github.com/example/kehoach/edit/main/{source}" in page
    assert "Sửa trên GitHub" in page
    assert f'<time datetime="{committed}">' in page
