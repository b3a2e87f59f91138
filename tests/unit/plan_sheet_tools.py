"""Shared by the tests of scripts/plan_sheet.py: a copy of the seed plans, the command run in
process, and workbooks edited as a clerk would in Excel."""

from __future__ import annotations

import difflib
import importlib.util
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "plans"
THACH_HA = "ha-tinh/xa-thach-ha/2025-ngay-chuyen-doi-so.yaml"

_spec = importlib.util.spec_from_file_location("plan_sheet", ROOT / "scripts" / "plan_sheet.py")
assert _spec is not None and _spec.loader is not None
plan_sheet = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(plan_sheet)


def fixture_plans() -> list[str]:
    found = sorted(
        str(p.relative_to(FIXTURES))
        for p in FIXTURES.rglob("*.yaml")
        if "registry" not in p.relative_to(FIXTURES).parts
    )
    assert len(found) >= 5, "the seed fixtures are missing"
    return found


@dataclass
class Run:
    code: int
    out: str
    err: str


@dataclass
class Tree:
    """A copy of the seed plans in tmp_path, and the command run on it."""

    root: Path
    capsys: pytest.CaptureFixture[str]

    def plan(self, name: str = THACH_HA) -> Path:
        return self.root / name

    def run(self, *args: str | Path) -> Run:
        self.capsys.readouterr()
        code = plan_sheet.main([str(a) for a in args])
        captured = self.capsys.readouterr()
        return Run(code, captured.out, captured.err)

    def export(self, name: str = THACH_HA) -> Path:
        sheet = self.root.parent / (Path(name).stem + ".xlsx")
        result = self.run("export", self.plan(name), "-o", sheet)
        assert result.code == 0, result.err
        return sheet

    def edit(self, name: str, change: Callable[[Any], None]) -> Path:
        """Export ``name``, change its activities sheet, save it as Excel would."""
        sheet = self.export(name)
        book = load_workbook(sheet)
        change(book["Hoạt động"])
        book.save(sheet)
        return sheet


def make_tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Tree:
    root = tmp_path / "plans"
    shutil.copytree(FIXTURES, root)
    return Tree(root, capsys)


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """(lines removed, lines added) between two texts."""
    removed: list[str] = []
    added: list[str] = []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def row_of(sheet: Any, activity_id: str) -> int:
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=1).value == activity_id:
            return row
    raise AssertionError(f"no row for {activity_id}")
