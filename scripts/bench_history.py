"""Đo thời gian đọc lịch sử thay đổi của các kế hoạch từ git. Cost of the plan pages' version
history (kehoach.source.revisions) on a repository made for the purpose.

    python scripts/bench_history.py [--plans 300] [--commits 4] [--runs 3]

Makes, in a temporary folder, a git repository of ``--plans`` plan files (copies of the fixture
plans, tests/fixtures/plans, each full size) and ``--commits`` commits: the first adds them
all, each next one changes one date in every plan (so every plan has ``--commits`` versions
to read and compare). Then reads the history of every plan ``--runs`` times and prints the
median (a first build), the time of a rebuild in the same process (``mkdocs serve``), the
number of versions read and the time per version. Exit 0 always: it measures.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from kehoach.source import revisions
from kehoach.source.revisions import plan_revisions

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_PLANS = ROOT / "tests" / "fixtures" / "plans"
DATE = re.compile(r'"(\d{2})/(\d{2})/(\d{4})"')


def make_repository(folder: Path, plans: int, commits: int) -> list[Path]:
    """The repository of ``plans`` plans and ``commits`` commits; the plans' paths."""
    seeds = sorted(p for p in FIXTURE_PLANS.rglob("*.yaml") if p.parent.name != "registry")
    texts = [p.read_text("utf-8") for p in seeds]
    folder.mkdir(parents=True)
    _git(folder, "init", "-q")
    paths = [folder / "plans" / f"xa-{n:04d}" / "2025.yaml" for n in range(plans)]
    for path, text in zip(paths, (texts[n % len(texts)] for n in range(plans)), strict=True):
        path.parent.mkdir(parents=True)
        path.write_text(text, "utf-8")
    _commit(folder, "Thêm các kế hoạch", "2025-10-01")
    for commit in range(1, commits):
        for path in paths:
            path.write_text(_shift_date(path.read_text("utf-8"), commit), "utf-8")
        _commit(folder, f"Sửa lần {commit}", f"2025-10-{commit + 1:02d}")
    return paths


def _commit(folder: Path, message: str, date: str) -> None:
    _git(folder, "add", "-A")
    stamp = f"{date}T12:00:00+07:00"
    dated = {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    _git(folder, "commit", "-q", "-m", message, extra=dated)


def _git(folder: Path, *args: str, extra: dict[str, str] | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.invalid",
           **(extra or {})}  # fmt: skip
    subprocess.run(["git", "-C", str(folder), *args], env=env, check=True, capture_output=True)


def _shift_date(text: str, nth: int) -> str:
    """The ``nth`` quoted date of the text a day later (day 28 at most): one field changed."""
    found = list(DATE.finditer(text))
    match = found[nth % len(found)]
    day = min(int(match.group(1)) + 1, 28)
    changed = f'"{day:02d}/{match.group(2)}/{match.group(3)}"'
    return text[: match.start()] + changed + text[match.end() :]


def _cpu() -> float:
    """CPU seconds used by this process and by its finished children (git)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=300)
    parser.add_argument("--commits", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "repo"
        started = time.perf_counter()
        paths = make_repository(folder, args.plans, args.commits)
        made = time.perf_counter() - started
        times, cpu = [], []
        for _ in range(args.runs):
            revisions._KNOWN.clear()  # a first build: nothing read before
            started, used = time.perf_counter(), _cpu()
            found = plan_revisions(folder / "plans", paths)
            times.append(time.perf_counter() - started)
            cpu.append(_cpu() - used)
        started = time.perf_counter()
        plan_revisions(folder / "plans", paths)  # a rebuild of `mkdocs serve`: all known
        warm = time.perf_counter() - started
        versions = sum(len(r) for r in found.values())
        changes = sum(len(rev.changes) for r in found.values() for rev in r)
    median, median_cpu = statistics.median(times), statistics.median(cpu)
    print(f"{args.plans} kế hoạch × {args.commits} commit (repository made in {made:.1f} s)")
    print(f"history of every plan: median {median:.2f} s of {args.runs} runs "
          f"({', '.join(f'{t:.2f}' for t in times)})")  # fmt: skip
    print(f"CPU (this process and git): median {median_cpu:.2f} s; the machine's other load "
          "shows in the elapsed time only")  # fmt: skip
    print(f"a rebuild in the same process (mkdocs serve), nothing changed: {warm:.2f} s")
    print(f"{versions} versions, {changes} changes; {1000 * median_cpu / versions:.2f} ms CPU "
          "a version")  # fmt: skip


if __name__ == "__main__":
    main()
