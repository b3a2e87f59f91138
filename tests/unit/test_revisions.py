"""The version history of plan files from git (kehoach.source.revisions), on repositories
made in tmp_path: dates and changes of each commit, renames, unreadable versions, deletions,
no git at all, and a fixed number of git processes however many plans and commits."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from kehoach.source import revisions
from kehoach.source.revisions import load_version, plan_revisions
from tests.gitrepo import GitRepo
from tests.plansdirs import FIXTURE_PLANS

PLAN = """id: xa-a-2025
title: Ngày Chuyển đổi số
units:
  - {{id: vhxh, name: Phòng Văn hóa - Xã hội}}
activities:
  - id: tuyen-truyen
    label: "1.1"
    title: Tuyên truyền
    lead: [vhxh]
    when: {{start: "06/10/2025", end: "{end}"}}
{more}"""
MORE = """  - id: hoi-thi
    label: "2.3"
    title: Hội thi tìm hiểu chuyển đổi số
"""


def _plan(end: str = "10/10/2025", more: str = "") -> str:
    return PLAN.format(end=end, more=more)


def _texts(found: dict[Path, Any], path: Path) -> list[tuple[dt.date, list[str]]]:
    return [(r.date, [c.text for c in r.changes]) for r in found[path]]


def test_each_commit_of_a_plan_with_its_date_and_changes(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    plans = repo.folder / "plans"
    first = plans / "xa-a" / "2025.yaml"
    first.parent.mkdir(parents=True)
    first.write_text(_plan(), "utf-8")
    (plans / "registry.yaml").write_text("documents: []\n", "utf-8")
    repo.commit("Thêm kế hoạch", "2025-10-06")
    first.write_text(_plan(end="15/10/2025", more=MORE), "utf-8")
    repo.commit("Sửa kế hoạch", "2025-10-12")
    moved = plans / "xa-b" / "2025.yaml"
    moved.parent.mkdir()
    first.rename(moved)
    repo.commit("Đổi tên", "2025-10-20")
    moved.write_text("id: [không đóng\n", "utf-8")
    repo.commit("Hỏng", "2025-10-21")
    moved.write_text(_plan(end="15/10/2025"), "utf-8")
    repo.commit("Sửa lại", "2025-10-22")
    found = plan_revisions(plans, [moved])
    assert list(found) == [moved.resolve()]  # the registry is not asked for
    assert _texts(found, moved.resolve()) == [
        (dt.date(2025, 10, 6), ["thêm kế hoạch vào dữ liệu"]),
        (
            dt.date(2025, 10, 12),
            [
                "thêm hoạt động 2.3 «Hội thi tìm hiểu chuyển đổi số»",
                "đổi thời gian hoạt động 1.1 từ 06/10–10/10/2025 thành 06/10–15/10/2025",
            ],
        ),
        (
            dt.date(2025, 10, 20),
            ["đổi tên, chuyển tệp từ plans/xa-a/2025.yaml thành plans/xa-b/2025.yaml"],
        ),
        (dt.date(2025, 10, 21), ["phiên bản không đọc được"]),
        # Compared with the last readable version (12/10), not with the unreadable one.
        (dt.date(2025, 10, 22), ["bỏ hoạt động 2.3 «Hội thi tìm hiểu chuyển đổi số»"]),
    ]


def test_a_deleted_then_restored_file_starts_afresh(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    plan = repo.folder / "2025.yaml"
    plan.write_text(_plan(), "utf-8")
    repo.commit("Thêm", "2025-10-01")
    plan.unlink()
    repo.commit("Xóa", "2025-10-02")
    plan.write_text(_plan(more=MORE), "utf-8")
    repo.commit("Thêm lại", "2025-10-03")
    found = plan_revisions(repo.folder, [plan])
    assert _texts(found, plan.resolve()) == [(dt.date(2025, 10, 3), ["thêm kế hoạch vào dữ liệu"])]


def test_a_folder_outside_git_has_no_history(tmp_path: Path) -> None:
    plan = tmp_path / "2025.yaml"
    plan.write_text(_plan(), "utf-8")
    assert plan_revisions(tmp_path, [plan]) == {}


def test_a_fixed_number_of_git_processes_for_many_plans(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three processes (rev-parse, log, cat-file) for 20 plans of 3 versions each; on a
    rebuild, no version is read again but those of a file changed since."""
    repo = GitRepo(tmp_path / "repo")
    paths = [repo.folder / f"xa-{n}.yaml" for n in range(20)]
    for day, end in (("01", "10/10/2025"), ("02", "11/10/2025"), ("03", "12/10/2025")):
        for path in paths:
            path.write_text(_plan(end=end), "utf-8")
        repo.commit(f"Ngày {day}", f"2025-10-{day}")
    calls: list[list[str]] = []
    real_popen = subprocess.Popen

    def counted_popen(command: list[str], **options: Any) -> Any:
        calls.append(command)
        return real_popen(command, **options)

    # Every process starts through Popen (subprocess.run too).
    monkeypatch.setattr(subprocess, "Popen", counted_popen)
    monkeypatch.setattr(revisions, "_KNOWN", {})  # nothing read before by this process
    found = plan_revisions(repo.folder, paths)
    assert [c[3] for c in calls] == ["rev-parse", "log", "cat-file"]
    assert len(found) == len(paths)
    assert all(len(found[p.resolve()]) == 3 for p in paths)
    assert _texts(found, paths[7].resolve())[2] == (
        dt.date(2025, 10, 3),
        ["đổi thời gian hoạt động 1.1 từ 06/10–11/10/2025 thành 06/10–12/10/2025"],
    )
    # A rebuild (mkdocs serve) reads again only the files changed since: here, one.
    calls.clear()
    assert plan_revisions(repo.folder, paths) == found
    assert [c[3] for c in calls] == ["rev-parse", "log"]
    paths[3].write_text(_plan(end="20/10/2025"), "utf-8")
    repo.commit("Ngày 04", "2025-10-04")
    calls.clear()
    again = plan_revisions(repo.folder, paths)
    assert [c[3] for c in calls] == ["rev-parse", "log", "cat-file"]
    assert {p for p in again if again[p] != found[p]} == {paths[3].resolve()}
    assert len(again[paths[3].resolve()]) == 4


def test_commits_of_two_branches_are_each_compared_with_their_parent(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    plan = repo.folder / "2025.yaml"
    plan.write_text(_plan(), "utf-8")
    repo.commit("Thêm", "2025-10-01")
    repo.git("checkout", "-q", "-b", "ten")
    plan.write_text(_plan().replace("title: Ngày", "title: Kế hoạch Ngày"), "utf-8")
    repo.commit("Đổi tên", "2025-10-02")
    repo.git("checkout", "-q", "main")
    plan.write_text(_plan(more=MORE), "utf-8")
    repo.commit("Thêm hoạt động", "2025-10-03")
    repo.git("merge", "-q", "--no-edit", "ten", date="2025-10-04")
    assert "Kế hoạch Ngày" in plan.read_text("utf-8") and "hoi-thi" in plan.read_text("utf-8")
    found = plan_revisions(repo.folder, [plan])
    assert _texts(found, plan.resolve())[1:] == [
        (
            dt.date(2025, 10, 2),
            ["đổi tên kế hoạch từ «Ngày Chuyển đổi số» thành «Kế hoạch Ngày Chuyển đổi số»"],
        ),
        # Not "the title changed back" too: this commit's parent had the old title.
        (dt.date(2025, 10, 3), ["thêm hoạt động 2.3 «Hội thi tìm hiểu chuyển đổi số»"]),
    ]


def test_a_shallow_clone_has_no_history(tmp_path: Path) -> None:
    """Its oldest commit would seem to add every plan: no history rather than a false one."""
    repo = GitRepo(tmp_path / "repo")
    plan = repo.folder / "2025.yaml"
    plan.write_text(_plan(), "utf-8")
    repo.commit("Thêm", "2025-10-01")
    plan.write_text(_plan(more=MORE), "utf-8")
    repo.commit("Sửa", "2025-10-02")
    assert len(plan_revisions(repo.folder, [plan])[plan.resolve()]) == 2
    clone = tmp_path / "clone"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.folder}", str(clone))
    assert (clone / "2025.yaml").is_file()
    assert plan_revisions(clone, [clone / "2025.yaml"]) == {}


def test_versions_load_as_yaml_with_every_scalar_a_string() -> None:
    """load_version (C parser, nodes made plain) gives what PyYAML's BaseLoader gives."""
    for path in sorted(FIXTURE_PLANS.rglob("*.yaml")):
        content = path.read_bytes()
        assert load_version(content) == yaml.load(content.decode("utf-8"), Loader=yaml.BaseLoader)
    assert load_version("\ufeffid: a\nyear: 2025\nx: [1, {y: on}]\n".encode()) == {
        "id": "a", "year": "2025", "x": ["1", {"y": "on"}],
    }  # fmt: skip
    assert load_version(b"id: [a\n") is None  # not YAML
    assert load_version(b"- a\n- b\n") is None  # not a mapping
    assert load_version(b"a: &x [*x]\n") is None  # an alias inside itself
    assert load_version(None) is None
