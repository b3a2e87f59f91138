"""scripts/bench_history.py runs, on a small repository: every plan's versions are read and
each commit after the first is found as one changed date in every plan."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_the_benchmark_reads_every_version(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = importlib.util.spec_from_file_location(
        "bench_history", ROOT / "scripts" / "bench_history.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(
        sys, "argv", ["bench_history.py", "--plans", "6", "--commits", "3", "--runs", "1"]
    )
    module.main()
    out = capsys.readouterr().out
    assert "6 kế hoạch × 3 commit" in out
    # 6 plans × 3 versions; 6 "added" + 12 changes, one changed date each.
    assert "18 versions, 18 changes" in out
