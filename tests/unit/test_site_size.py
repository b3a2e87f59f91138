"""kehoach/publish: the figures of a built folder (the tar is GNU tar's, byte for byte in size;
the artifact is that tar deflated), the verdict against lowered limits, where the bytes go."""

from __future__ import annotations

import argparse
import random
import subprocess
import zlib
from pathlib import Path, PurePosixPath

import pytest

from kehoach.publish.breakdown import breakdown, file_kind, page_kind
from kehoach.publish.limits import Limits, Verdict, judge, report, summary
from kehoach.publish.size import measure
from scripts.site_size import size_value

MB = 1_000_000


def _tree(root: Path) -> Path:
    """A little site: text that compresses, noise that does not, a link, and what Pages drops."""
    (root / "ha-tinh" / "xa-a").mkdir(parents=True)
    (root / "assets").mkdir()
    (root / "index.html").write_text("<p>xin chào</p>\n" * 5000, encoding="utf-8")
    (root / "ha-tinh" / "xa-a" / "index.html").write_text("<p>a</p>" * 20000, encoding="utf-8")
    (root / "assets" / "noise.bin").write_bytes(random.Random(18).randbytes(200_000))
    (root / "ha-tinh" / "copy.html").symlink_to(root / "index.html")
    for dropped in (".git", ".github"):
        (root / dropped).mkdir()
        (root / dropped / "big").write_bytes(b"x" * 500_000)
    return root


def _gnu_tar(root: Path) -> bytes:
    """What actions/upload-pages-artifact runs on Linux."""
    return subprocess.run(
        ["tar", "--dereference", "--hard-dereference", "--directory", str(root), "-cf", "-",
         "--exclude=.git", "--exclude=.github", "."], check=True, capture_output=True).stdout


def test_the_tar_has_gnu_tars_size_and_the_artifact_is_it_deflated(tmp_path: Path) -> None:
    root = _tree(tmp_path / "site")
    size = measure(root)
    tar = _gnu_tar(root)
    assert size.tar_bytes == len(tar)
    assert abs(size.artifact_bytes - len(zlib.compress(tar, 6))) < 0.01 * size.artifact_bytes
    assert size.files == 4  # .git and .github left out; the link counted as the file it names
    assert size.content_bytes == sum(
        p.stat().st_size for p in root.rglob("*") if p.is_file() and ".git" not in str(p))
    assert size.disk_bytes >= size.content_bytes - 4096
    assert [name for name, _ in size.folders] == ["ha-tinh", "assets", "."]


def _size(artifact: int, tar: int) -> Limits:
    return Limits(artifact_bytes=artifact, site_bytes=tar, warn_share=0.5)


@pytest.mark.parametrize(("artifact_limit", "site_limit", "verdict"), [
    (10 * MB, 100 * MB, Verdict.PASS),
    (400_000, 100 * MB, Verdict.WARN),  # artifact at 50 % or more of its limit
    (10 * MB, 1 * MB, Verdict.WARN),  # unpacked site at 50 % or more
    (150_000, 100 * MB, Verdict.FAIL),
    (10 * MB, 500_000, Verdict.FAIL),
])
def test_verdict_against_lowered_limits(tmp_path: Path, artifact_limit: int, site_limit: int,
                                        verdict: Verdict) -> None:
    size = measure(_tree(tmp_path / "site"))
    assert 200_000 < size.artifact_bytes < 260_000 and 500_000 < size.tar_bytes < 600_000
    limits = _size(artifact_limit, site_limit)
    assert judge(size, limits) is verdict
    lines = report(size, limits, verdict)
    if verdict is Verdict.PASS:
        assert lines == []
    else:
        assert lines[0].startswith("LỖI" if verdict is Verdict.FAIL else "CẢNH BÁO")
        assert any("ha-tinh/" in line for line in lines[-3:])


def test_summary_names_every_figure_in_vietnamese(tmp_path: Path) -> None:
    size = measure(_tree(tmp_path / "site"))
    line = summary(size, Limits())
    assert line.startswith("kích thước: 4 tệp, ")
    assert "trên đĩa" in line and "gói Pages" in line and "của 1,00 GB" in line
    assert "của 10,00 GB" in line and "\n" not in line


@pytest.mark.parametrize(("text", "value"), [("1GB", 10**9), ("500 MB", 5 * 10**8),
                                             ("12345", 12345), ("1.5kB", 1500)])
def test_sizes_are_read_in_decimal_units(text: str, value: int) -> None:
    assert size_value(text) == value


@pytest.mark.parametrize("text", ["", "GB", "1TB", "-1MB", "1 GiB"])
def test_bad_sizes_are_refused(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        size_value(text)


@pytest.mark.parametrize(("folder", "children", "kind"), [
    ("", {"index.html"}, "trang chủ (home)"),
    ("ha-tinh", {"index.html", "nhung", "feed.xml"}, "tỉnh (province)"),
    ("ha-tinh/xa-a", {"index.html", "nhung"}, "xã, phường (commune)"),
    ("ha-tinh/xa-a/kh-1", {"index.html", "du-lieu.json", "lich.ics"}, "kế hoạch (plan)"),
    ("ha-tinh/ha-tinh-2025", {"index.html", "du-lieu.json"}, "kế hoạch (plan)"),
    ("ha-tinh/don-vi/so-khcn", {"index.html"}, "đơn vị (unit)"),
    ("ha-tinh/xa-a/nhung", {"index.html"}, "trang nhúng (embed)"),
    ("chi-muc-tim-kiem", {"a.json"}, "chỉ mục tìm kiếm (search index)"),
    ("van-ban/nq-57", {"index.html"}, "văn bản (documents)"),
])
def test_page_kinds_from_the_shape_of_the_folder(folder: str, children: set[str],
                                                  kind: str) -> None:
    assert page_kind(PurePosixPath(folder), children) == kind


def test_where_the_bytes_go_adds_up(tmp_path: Path) -> None:
    root = _tree(tmp_path / "site")
    parts = breakdown(root)
    total = measure(root).content_bytes
    assert sum(parts.pages.values()) == sum(parts.files.values()) == total
    assert parts.file_counts[file_kind("x.html")] == 3
    assert parts.pages["trang chủ (home)"] == (root / "index.html").stat().st_size
