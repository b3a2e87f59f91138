"""scripts/bench_preview.py measures a real preview: a build, a served site and a save that
`mkdocs serve` rebuilds (seen through MkDocs' live-reload request), on a copy of the fixtures."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path

import pytest

from tests.plansdirs import FIXTURE_PLANS

ROOT = Path(__file__).resolve().parents[2]


def test_the_preview_benchmark_times_a_build_and_a_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(FIXTURE_PLANS, plans)
    plan = plans / "dong-nai" / "xa-xuan-loc" / "2025-ngay-chuyen-doi-so.yaml"
    text, stamp = plan.read_bytes(), plan.stat().st_mtime_ns
    spec = importlib.util.spec_from_file_location("bench_preview",
                                                  ROOT / "scripts" / "bench_preview.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(sys, "argv", ["bench_preview.py", "--data", str(plans),
                                      "--only", "dong-nai/xa-xuan-loc", "--runs", "1"])
    module.main()
    out = capsys.readouterr().out
    for line in ("first page, mkdocs build:", "first page, mkdocs serve:",
                 "per save, rebuilt:", "per save, CPU time:"):
        found = re.search(re.escape(line) + r"\s+(\d+\.\d+) s", out)
        assert found and float(found.group(1)) > 0, out
    # A save: the same bytes, a new modification time.
    assert plan.read_bytes() == text and plan.stat().st_mtime_ns > stamp
