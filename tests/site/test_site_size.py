"""scripts/site_size.py on the reference site: one summary line; with the limits lowered (by
the environment, as the Pages workflow could), a warning, or a failure naming the figures, the
limits and the five largest folders; and the table of where the bytes go."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.sitetools import ROOT

SCRIPT = ROOT / "scripts" / "site_size.py"


def _run(site: Path | str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), str(site), *args], cwd=ROOT,
                          env={**os.environ, **env}, capture_output=True, text=True, check=False)


def test_within_the_limits_one_line(site: Path) -> None:
    result = _run(site)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    [line] = result.stdout.splitlines()
    assert line.startswith("kích thước: ") and "gói Pages" in line


def test_at_half_a_limit_a_warning(site: Path) -> None:
    result = _run(site, KEHOACH_PAGES_ARTIFACT_LIMIT="1GB", KEHOACH_PAGES_SITE_LIMIT="1GB",
                  KEHOACH_PAGES_WARN_AT="0.000001")
    assert result.returncode == 0
    assert result.stderr.startswith("CẢNH BÁO")


def test_above_a_limit_a_failure_with_the_figures_and_largest_folders(site: Path) -> None:
    result = _run(site, "--github", KEHOACH_PAGES_ARTIFACT_LIMIT="100kB")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("LỖI: trang web vượt giới hạn")
    assert "giới hạn 0,1 MB" in lines[1] and "giới hạn 10,00 GB" in lines[2]
    folders = lines[4:]
    assert len(folders) == 5 and all(line.strip().endswith(" MB") for line in folders)
    assert "::error title=Kích thước GitHub Pages::LỖI" in result.stdout


def test_an_option_wins_over_the_environment(site: Path) -> None:
    result = _run(site, "--site-limit", "10GB", KEHOACH_PAGES_SITE_LIMIT="1kB")
    assert result.returncode == 0, result.stderr


def test_where_the_bytes_go(site: Path) -> None:
    result = _run(site, "--table")
    text = result.stdout
    for kind in ("kế hoạch (plan)", "tỉnh (province)", "xã, phường (commune)", "đơn vị (unit)",
                 "chỉ mục tìm kiếm (search index)", "tình hình thực hiện (coverage)", "HTML",
                 "JSON", "iCalendar"):
        assert f"| {kind} |" in text, kind
    assert "| khác (other) |" not in text.split("loại tệp")[0]  # every folder has a kind


def test_bad_usage_exits_2(tmp_path: Path) -> None:
    assert _run(tmp_path / "missing").returncode == 2
    assert _run(tmp_path, "--warn-at", "2").returncode == 2
    assert _run("", "--table").returncode == 2  # an unset variable is not "."
