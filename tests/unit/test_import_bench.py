"""scripts/bench_import.py on the seed texts: the figures the importer reaches, held as floors
(the targets of issue #16 where they are reached, the reached figure where they are not yet)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.unit.importcases import FIXTURES

ROOT = Path(__file__).resolve().parents[2]
SEEDS = FIXTURES / "seeds"
PLANS = ROOT / "tests" / "fixtures" / "plans"
OCR_SEED = "004_15447681b6af7543.txt"  # no diacritics: see the seeds' README


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_import", ROOT / "scripts" /
                                                  "bench_import.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


BENCH = _bench()


@pytest.fixture(scope="module")
def marked_seeds(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The four seeds that kept their diacritics, with their pairs."""
    folder = tmp_path_factory.mktemp("seeds")
    lines = (SEEDS / "pairs.txt").read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if line and not line.startswith(("#", OCR_SEED))]
    for line in kept:
        shutil.copy(SEEDS / line.split()[0], folder)
    (folder / "pairs.txt").write_text("\n".join(kept) + "\n", encoding="utf-8")
    return BENCH.run(folder, PLANS)


def test_header_fields_exact(marked_seeds: Any) -> None:
    scores = marked_seeds.scores
    for name, score in scores.items():
        if name.startswith("header"):
            assert score.right == score.said == score.expected, name


def test_activities_time_windows_and_text(marked_seeds: Any) -> None:
    scores = marked_seeds.scores
    found = scores["activities (found by title)"]
    assert found.right >= 0.9 * found.expected
    assert found.right == found.said
    windows = scores["activity time windows"]
    assert windows.right >= 0.9 * windows.expected
    rows = scores["appendix rows"]
    assert rows.right == rows.expected > 0
    assert scores["signer"].right == scores["signer"].expected == 4
    assert scores["references"].right == scores["references"].expected
    bench = marked_seeds
    assert bench.texts_found >= 0.95 * bench.texts_total


def test_lead_units_target_and_floors(marked_seeds: Any) -> None:
    """Lead units at the 90 % target; partners and responsibilities, below or beside it,
    held where they are (see the report of #16), not to fall back."""
    scores = marked_seeds.scores
    lead = scores["activity lead units"]
    assert lead.right >= 0.9 * lead.expected
    assert lead.right >= 0.9 * lead.said
    partners = scores["activity partners units"]
    assert partners.right >= 0.75 * partners.expected
    duties = scores["responsibilities (by units)"]
    assert duties.right >= 0.95 * duties.expected


def test_units_compared_by_name_within_the_plans_place() -> None:
    """The plan's own place after a level word, and "trên địa bàn <level>", do not make
    another unit; any other difference does."""
    place = BENCH._own_place({"issuer": "Ủy ban nhân dân xã Xuân Lộc"})
    assert place == "xuan loc"
    same = BENCH._unit_name
    assert same("Công an xã Xuân Lộc", place) == same("Công an xã", place)
    assert same("Các đơn vị viễn thông trên địa bàn xã", place) == same(
        "Các đơn vị viễn thông", place)
    assert same("Công an xã Xuân Thành", place) != same("Công an xã", place)
    assert same("Các doanh nghiệp viễn thông", place) != same("Các đơn vị viễn thông", place)


def test_report_prints_every_field(marked_seeds: Any) -> None:
    text = BENCH.report(marked_seeds)
    for field in ("header: document.number", "references", "activity lead units",
                  "activity time windows", "appendix rows", "responsibilities (by units)",
                  "signer", "text values of the plan in the draft"):
        assert field in text


def test_the_ocr_seed_gives_its_header_and_references() -> None:
    """With the seed that lost its marks: number, place, issuer and the cited documents are
    still read (the rest of its text is for the clerk to restore, see the report of #16)."""
    bench = BENCH.run(SEEDS, PLANS)
    scores = bench.scores
    for name in ("header: document.number", "header: document.place", "header: issuer",
                 "references"):
        assert scores[name].right == scores[name].said == scores[name].expected, name
    assert any(line.startswith(OCR_SEED) for line in bench.per_seed)
