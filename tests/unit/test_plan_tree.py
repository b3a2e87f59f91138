"""kehoach/source/tree.py and heads.py: one walk of a plans tree sorts its files as the
readers expect; a rescan of some folders equals a new walk; a plan's head is read again only
once the file changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kehoach.source.heads import Head, HeadCache, read_head
from kehoach.source.reports import is_report_path
from kehoach.source.tree import TreeFiles, rescan, scan_tree

PLAN = """\
id: ha-tinh-xa-a-2025
title: Kế hoạch
locality:
  province: "42"
  commune: "18562"
year: 2025
"""


def _write(root: Path, relative: str, text: str = "x: 1\n") -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree_root(tmp_path: Path) -> Path:
    root = tmp_path / "plans"
    for relative in ("registry/units.yaml", "ha-tinh/2025.yaml", "ha-tinh/xa-a/2025.yaml",
                     "ha-tinh/xa-a/bao-cao/2025-11-01.yaml", "ha-tinh/xa-a-b/2025.yml",
                     "ha-tinh/xa-a/ke-hoach.yaml.txt", "ha-tinh/.DS_Store"):
        _write(root, relative)
    return root


def _relative(paths: tuple[Path, ...], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def test_one_walk_sorts_every_file_of_the_tree(tree_root: Path) -> None:
    tree = scan_tree(tree_root)
    assert _relative(tree.registry, tree_root) == ["registry/units.yaml"]
    # In Path order, folder by folder: "xa-a/…" before "xa-a-b/…" (as text, "-" < "/").
    assert _relative(tree.plans, tree_root) == [
        "ha-tinh/2025.yaml", "ha-tinh/xa-a/2025.yaml", "ha-tinh/xa-a-b/2025.yml"]
    assert _relative(tree.reports, tree_root) == ["ha-tinh/xa-a/bao-cao/2025-11-01.yaml"]
    assert _relative(tree.ignored, tree_root) == ["ha-tinh/xa-a/ke-hoach.yaml.txt"]
    assert all(is_report_path(p, tree_root) for p in tree.reports)
    assert not any(is_report_path(p, tree_root) for p in tree.plans)


def test_a_relative_root_gives_the_same_files(tree_root: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree_root.parent)
    tree = scan_tree(Path("plans"))
    assert _relative(tree.plans, Path("plans")) == _relative(scan_tree(tree_root).plans,
                                                             tree_root)


@pytest.mark.parametrize("relative_root", [False, True])
def test_a_rescan_of_changed_folders_equals_a_new_walk(
    tree_root: Path, relative_root: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tree_root.parent)
    root = Path("plans") if relative_root else tree_root
    before = scan_tree(root)
    _write(tree_root, "ha-tinh/xa-a/2026.yaml")
    _write(tree_root, "ha-tinh/xa-a/bao-cao/2026-01-01.yaml")
    (tree_root / "ha-tinh/xa-a/2025.yaml").unlink()
    _write(tree_root, "registry/documents.yaml")
    _write(tree_root, "ha-tinh/xa-a-b/2026.yaml")  # outside the folders walked again
    # The folders as a preview names them: absolute, while the root may be relative.
    again = rescan(before, [tree_root / "ha-tinh" / "xa-a", tree_root / "registry"])
    fresh = scan_tree(root)
    assert again.registry == fresh.registry
    assert again.reports == fresh.reports
    assert set(fresh.plans) - set(again.plans) == {root / "ha-tinh/xa-a-b/2026.yaml"}
    assert [p for p in fresh.plans if p.name != "2026.yaml" or "xa-a-b" not in p.parts] == \
        list(again.plans)


def test_a_head_is_the_plans_id_and_place(tmp_path: Path) -> None:
    assert read_head(_write(tmp_path, "a.yaml", PLAN)) == Head("ha-tinh-xa-a-2025",
                                                              ("42", "18562"))
    province = PLAN.replace('  commune: "18562"\n', "")
    assert read_head(_write(tmp_path, "b.yaml", province)) == Head("ha-tinh-xa-a-2025",
                                                                  ("42", None))
    assert read_head(_write(tmp_path, "c.yaml", "title: x\n")) == Head(None, None)


def test_the_cache_reads_a_file_again_only_once_it_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _write(tmp_path, "a.yaml", PLAN)
    other = _write(tmp_path, "b.yaml", PLAN.replace("xa-a", "xa-b"))
    read: list[Path] = []

    def counting(path: Path) -> Head:
        read.append(path)
        return read_head(path)

    monkeypatch.setattr("kehoach.source.heads.read_head", counting)
    cache = HeadCache()
    assert cache.heads([plan, other])[other].plan_id == "ha-tinh-xa-b-2025"
    assert cache.heads([plan, other])[plan].plan_id == "ha-tinh-xa-a-2025"
    assert read == [plan, other]  # the second time, nothing read
    plan.write_text(PLAN.replace("2025", "2026"), encoding="utf-8")
    stat = plan.stat()
    os.utime(plan, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert cache.heads([plan, other])[plan].plan_id == "ha-tinh-xa-a-2026"
    assert read == [plan, other, plan]
    # A file gone from the list is forgotten: read again if it comes back.
    assert list(cache.heads([plan])) == [plan] and len(read) == 3
    assert list(cache.heads([plan, other])) == [plan, other]
    assert read == [plan, other, plan, other]


def test_tree_files_are_plain_values(tree_root: Path) -> None:
    assert scan_tree(tree_root) == scan_tree(tree_root)
    assert isinstance(scan_tree(tree_root), TreeFiles)


@pytest.mark.parametrize("spelt", ["absolute", "plans", ".", "./plans", "../plans"])
def test_absolute_paths_by_text_are_those_of_abspath(
    tree_root: Path, spelt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tree_root.parent / "x").mkdir()
    here = {"absolute": tree_root.parent, ".": tree_root, "../plans": tree_root.parent / "x"}
    monkeypatch.chdir(here.get(spelt, tree_root.parent))
    tree = scan_tree(tree_root if spelt == "absolute" else Path(spelt))
    files = tree.plans + tree.reports
    assert len(files) == 4
    assert tree.absolute(files) == [os.path.abspath(p) for p in files]
