"""Plans and reports read by several processes (kehoach.source.readmany) give what one process
gives: the same documents, catalog and problems, in the same order."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kehoach.source import readmany
from kehoach.source.catalog import load_catalog
from kehoach.source.problems import DataError, Problem
from kehoach.source.schema import PLAN_SCHEMA
from kehoach.source.yamlread.load import Document
from tests.trackingdata import tracked_plans

BROKEN_PLAN = """id: 2025-hong-ke-hoach
id: lap-lai
title: Kế hoạch thiếu nhiều trường
year: hai nghìn
"""
BROKEN_REPORT = """id: bao-cao-loi
plan: khong-co-ke-hoach-nay
date: 31/02/2025
"""


@pytest.fixture(autouse=True)
def _few_files_are_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    # The fixture trees hold a few files: the workers are started for them all the same.
    monkeypatch.setattr(readmany, "PARALLEL_MIN_FILES", 2)


def _many_files(folder: Path) -> list[Path]:
    """Copies of every fixture plan and report, many times over, and two broken files."""
    plans = tracked_plans(folder)
    originals = sorted(plans.rglob("*.yaml"))
    paths = [*originals]
    for copy in range(12):
        for number, original in enumerate(originals):
            target = folder / "copies" / f"{copy}-{number}.yaml"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(original, target)
            paths.append(target)
    for name, text in (("broken-plan.yaml", BROKEN_PLAN), ("broken-report.yaml", BROKEN_REPORT)):
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return paths


def _summary(read: readmany.ReadFile) -> tuple[object, ...]:
    doc = read.doc
    fields = None if doc is None else (doc.path, doc.data, doc.positions, doc.key_positions)
    return read.path, fields, read.problems, read.schema_ok


def test_files_read_by_two_processes_are_those_read_by_one_in_the_same_order(
    tmp_path: Path,
) -> None:
    paths = _many_files(tmp_path)
    shown = {path: path.name for path in paths}
    for keep in (True, False):
        one = [_summary(r) for r in readmany.read_files(paths, shown, PLAN_SCHEMA,
                                                         keep_positions=keep, workers=1)]
        two = [_summary(r) for r in readmany.read_files(paths, shown, PLAN_SCHEMA,
                                                         keep_positions=keep, workers=2)]
        assert two == one
        assert [row[0] for row in one] == paths
        assert any(row[2] for row in one) and any(not row[2] for row in one)


def test_the_files_are_read_in_other_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = readmany.load_file

    def load_and_say_where(path: Path, shown: str) -> tuple[Document | None, list[Problem]]:
        doc, found = real(path, shown)
        return doc, [*found, Problem(shown, 1, 1, f"pid {os.getpid()}", "warning")]

    monkeypatch.setattr(readmany, "load_file", load_and_say_where)
    paths = _many_files(tmp_path)
    read = readmany.read_files(paths, {p: p.name for p in paths}, PLAN_SCHEMA, workers=2)
    readers = {p.message for r in read for p in r.problems if p.message.startswith("pid ")}
    assert readers and f"pid {os.getpid()}" not in readers


def test_a_catalog_loaded_by_two_processes_is_the_one_loaded_by_one(tmp_path: Path) -> None:
    plans = tracked_plans(tmp_path)
    one, two = load_catalog(plans, workers=1), load_catalog(plans, workers=2)
    assert two.plans == one.plans and two.reports == one.reports
    assert two.warnings == one.warnings and two.registry == one.registry
    assert len(one.reports) == 3


def test_the_problems_of_a_tree_read_by_two_processes_are_those_read_by_one(
    tmp_path: Path,
) -> None:
    plans = tracked_plans(tmp_path)
    (plans / "ha-tinh" / "xa-thach-ha" / "2025-hong.yaml").write_text(BROKEN_PLAN, "utf-8")
    (plans / "ha-tinh" / "xa-thach-ha" / "bao-cao" / "2025-12-01.yaml").write_text(
        BROKEN_REPORT, "utf-8")
    told = []
    for workers in (1, 2):
        with pytest.raises(DataError) as caught:
            load_catalog(plans, workers=workers)
        told.append(str(caught.value))
    assert told[0] == told[1]
    assert "2025-hong.yaml" in told[0] and "2025-12-01.yaml" in told[0]
