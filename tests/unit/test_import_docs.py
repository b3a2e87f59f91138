"""The clerk's documentation of the importer stays true: the README's worked example is a
real command on a file of the project and its review list is what that command prints; the
transcription guide walks through the same steps and points to it."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.unit.test_import_cli import IMPORT_PLAN

ROOT = Path(__file__).resolve().parents[2]
FROZEN_PLANS = ROOT / "tests" / "fixtures" / "plans"


def _example() -> tuple[list[str], list[str]]:
    """The command and the printed lines of the README's worked example (Vietnamese half)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Nhập từ văn bản đã ký", 1)[1].split("\n### ", 1)[0]
    block = section.split("```text\n", 1)[1].split("```", 1)[0]
    assert block.startswith("$ ")
    command = re.sub(r"\\\n\s*", " ", block[2:].split("\n…", 1)[0])
    printed = [line for line in block.splitlines() if not line.startswith(("$", " "))]
    return shlex.split(command), printed


def _matches(shown: str, real: str) -> bool:
    """``shown`` is ``real`` with parts left out as "…" (the path, the end of a sentence)."""
    pattern = ".*".join(re.escape(part) for part in shown.split("…"))
    return re.fullmatch(pattern, real) is not None


def test_readme_example_is_what_the_command_prints(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    command, printed = _example()
    assert command[:2] == [".venv/bin/python", "scripts/import_plan.py"]
    source, out = Path(command[2]), Path(command[command.index("-o") + 1])
    assert (ROOT / source).is_file() and out.parts[0] == "plans"
    draft = tmp_path / out
    code = IMPORT_PLAN.main([str(ROOT / source), "-o", str(draft),
                             "--plans-dir", str(FROZEN_PLANS)])
    assert code == 0
    real = [line for line in capsys.readouterr().err.splitlines()
            if not line.startswith("Đã ghi")]
    assert len(printed) == len(real) >= 3
    for shown, line in zip(printed, real, strict=True):
        assert _matches(shown, line), (shown, line)
    assert "# KIỂM TRA:" in draft.read_text(encoding="utf-8")


def test_english_half_gives_the_same_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Importing a signed document", 1)[1].split("\n### ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    assert shlex.split(re.sub(r"\\\n\s*", " ", block)) == _example()[0]


def test_guide_walks_through_the_import_and_points_to_the_readme() -> None:
    guide = (ROOT / "docs" / "huong-dan-nhap-lieu.md").read_text(encoding="utf-8")
    section = guide.split("## Starting from the signed document", 1)[1].split("\n## ", 1)[0]
    steps = ["scripts/import_plan.py", "OUT:line:", "# KIỂM TRA:", "make check",
             "pull request", "README", "Nhập từ văn bản đã ký"]
    positions = [section.find(step) for step in steps]
    assert -1 not in positions and positions[:5] == sorted(positions[:5]), positions
