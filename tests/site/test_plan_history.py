"""A plan page lists the changes to its data, from git: a tiny site built from a repository
made in tmp_path, whose plan was added on 06/10/2025 and amended on 12/10/2025 (an activity
added, a date changed); the same plans outside git build without a history."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.gitrepo import GitRepo
from tests.plansdirs import CASES_DIR, FIXTURE_PLANS, ROOT
from tests.sitetools import build_site, page_text

REGISTRY = CASES_DIR / "accepted-minimal-plan" / "plans" / "registry" / "registry.yaml"
PAGE = "ha-tinh/xa-thach-ha/thach-ha-2025-thu/index.html"
PLAN = """id: thach-ha-2025-thu
document:
  type: Kế hoạch
  number: 12/KH-UBND
issuer: Ủy ban nhân dân xã Thạch Hà
locality:
  province: "42"
  commune: "18562"
year: 2025
title: Kế hoạch thử
units:
  - id: vhxh
    name: Phòng Văn hóa - Xã hội
activities:
  - id: tuyen-truyen
    label: "1.1"
    title: Tuyên truyền về chuyển đổi số
    lead: [vhxh]
    when:
      start: "06/10/2025"
      end: "{end}"
{more}"""
ADDED = """  - id: hoi-thi
    label: "2.3"
    title: Hội thi <tìm hiểu> chuyển đổi số
"""


def _write_plans(plans: Path, end: str, more: str = "") -> None:
    (plans / "registry").mkdir(parents=True, exist_ok=True)
    shutil.copy2(REGISTRY, plans / "registry" / "registry.yaml")
    (plans / "ke-hoach.yaml").write_text(PLAN.format(end=end, more=more), "utf-8")


def build_history_site(folder: Path) -> Path:
    """The site of a repository in ``folder`` whose plan was added on 06/10/2025 and amended
    on 12/10/2025 (also checked in a browser: tests/browser/test_plan_history_page.py)."""
    repo = GitRepo(folder / "repo")
    plans = repo.folder / "plans"
    _write_plans(plans, "10/10/2025")
    repo.commit("Thêm kế hoạch", "2025-10-06")
    _write_plans(plans, "15/10/2025", ADDED)
    repo.commit("Sửa kế hoạch", "2025-10-12")
    out = folder / "site"
    build_site(out, plans)
    return out


@pytest.fixture(scope="module")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_history_site(tmp_path_factory.mktemp("history"))


def test_the_plan_page_lists_its_changes_with_their_dates(history_site: Path) -> None:
    html = (history_site / PAGE).read_text("utf-8")
    section = html[html.index('<section id="lich-su"') :]
    section = section[: section.index("</section>")]
    assert section.index('<time datetime="2025-10-12">12/10/2025</time>') < section.index(
        '<time datetime="2025-10-06">06/10/2025</time>'
    )  # newest first
    text = page_text(section).replace(" :", ":")  # page_text spaces the <time> off
    assert "12/10/2025: thêm hoạt động 2.3" in text
    assert "thêm hoạt động 2.3 «Hội thi <tìm hiểu> chuyển đổi số»" in text
    assert "&lt;tìm hiểu&gt;" in section  # escaped, as every text of a plan
    assert "đổi thời gian hoạt động 1.1 từ 06/10–10/10/2025 thành 06/10–15/10/2025" in text
    assert "06/10/2025: thêm kế hoạch vào dữ liệu" in text
    assert 'aria-labelledby="lich-su-h"' in section and "data-search-ignore" in section


def test_an_amended_plan_says_so_in_its_header(history_site: Path) -> None:
    html = (history_site / PAGE).read_text("utf-8")
    header = html[html.index('<header class="kh-plan-header">') :]
    header = page_text(header[: header.index("</header>")])
    assert "Dữ liệu kế hoạch đã được sửa 1 lần sau khi đăng, lần cuối ngày 12/10/2025" in header


def test_plans_outside_git_build_without_a_history(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    _write_plans(plans, "15/10/2025", ADDED)
    build_site(tmp_path / "site", plans)
    html = (tmp_path / "site" / PAGE).read_text("utf-8")
    assert "Tuyên truyền về chuyển đổi số" in html
    assert 'id="lich-su"' not in html
    assert "đã được sửa" not in html


def test_the_feeds_say_the_newest_amendment(history_site: Path) -> None:
    for feed in ("feed.xml", "ha-tinh/feed.xml"):
        xml = (history_site / feed).read_text("utf-8")
        assert "Sửa ngày 12/10/2025: thêm hoạt động 2.3 «Hội thi &lt;tìm hiểu&gt; chuyển" in xml
        assert "<updated>2025-10-12T00:00:00+07:00</updated>" in xml


def test_the_reference_site_shows_when_its_plans_were_added(site: Path) -> None:
    """The fixture plans are in the project's repository, a sub-folder of it."""
    source = (FIXTURE_PLANS / "ha-tinh/2025-ngay-chuyen-doi-so.yaml").relative_to(ROOT)
    dates = subprocess.run(
        ["git", "-C", str(ROOT), "log", "--format=%cs", "--", source.as_posix()],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert dates, f"{source} is not committed"
    html = (site / "ha-tinh/ha-tinh-2025-ngay-cds/index.html").read_text("utf-8")
    section = html[html.index('<section id="lich-su"') :]
    oldest = section[: section.index("</ol>")].rsplit("<li>", 1)[1]
    assert f'<time datetime="{dates[-1]}">' in oldest
    assert "thêm kế hoạch vào dữ liệu" in oldest
