"""Benchmark a clerk's preview (KEHOACH_ONLY, `make serve ONLY=…`) on a large plans tree
(a benchmark, not a test: machines are noisy).

    python scripts/bench_preview.py --data DIR [--only PROVINCE/COMMUNE] [--runs 5]

DIR: a plans tree, e.g. the three-year national set
(`python scripts/gen_national.py --years 2024-2026 DIR`). Reports medians of
  * first page, build: a `mkdocs build` of the preview, start to end;
  * first page, serve: `mkdocs serve` started until its home page answers;
  * per save: a plan file of the folder saved again (same text, new modification time) until
    the served site is rebuilt, as the page's live-reload script learns it (MkDocs'
    /livereload/<epoch>/ request answers once a newer build is visible). This includes
    MkDocs' own wait to notice the save (it polls files every 0.5 s).
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
_EPOCH = re.compile(rb"livereload\((\d+),")


def _env(data: Path, only: Path) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1760054400",
            "PLANS_DIR": str(data), "KEHOACH_ONLY": str(only)}


def time_build(env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one `mkdocs build` of the preview (CPU: of the build and the
    processes it waited for)."""
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as out:
        start = time.perf_counter()
        process = subprocess.Popen([*MKDOCS, "build", "-q", "-d", out], cwd=ROOT, env=env,
                                   stdout=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(process.pid, 0)
        if status != 0:
            raise SystemExit(f"mkdocs build failed (status {status})")
        return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _get(url: str, timeout: float) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as answer:
        body: bytes = answer.read()
        return body


def _wait_for_page(url: str, server: subprocess.Popen[bytes], limit: float = 300) -> bytes:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"mkdocs serve stopped (exit {server.returncode})")
        try:
            return _get(url, timeout=limit)
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.05)
    raise SystemExit(f"no answer from {url} in {limit:.0f} s")


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by ``pid`` and its live descendants (Linux /proc;
    0 elsewhere): on a shared machine, what a rebuild costs whatever the others run."""
    ticks = os.sysconf("SC_CLK_TCK")
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
            for task in os.listdir(f"/proc/{current}/task"):
                todo += map(int, Path(f"/proc/{current}/task/{task}/children").read_text().split())
        except OSError:
            continue  # ended meanwhile
    return total


def time_serve(env: dict[str, str], plan: Path, saves: int
               ) -> tuple[float, list[float], list[float]]:
    """(seconds until the served home page answers, wall and CPU seconds of each save's
    rebuild)."""
    base = f"http://127.0.0.1:{_free_port()}/"
    start = time.perf_counter()
    server = subprocess.Popen([*MKDOCS, "serve", "-a", base[7:-1]], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        page = _wait_for_page(base, server)
        first = time.perf_counter() - start
        found = _EPOCH.search(page)
        if found is None:
            raise SystemExit("the served page has no live-reload script")
        epoch = int(found.group(1))
        text = plan.read_bytes()
        times: list[float] = []
        cpu: list[float] = []
        for _ in range(saves):
            time.sleep(1.0)  # the server settled, as between a clerk's saves
            used = _cpu_seconds(server.pid)
            begin = time.perf_counter()
            plan.write_bytes(text)  # a save: the same text, a new modification time
            # Answers once a build newer than ``epoch`` is visible (or after a minute).
            answer = int(_get(f"{base}livereload/{epoch}/1", timeout=600))
            if answer <= epoch:
                raise SystemExit("the save was not rebuilt within MkDocs' minute")
            times.append(time.perf_counter() - begin)
            cpu.append(_cpu_seconds(server.pid) - used)
            epoch = answer
        return first, times, cpu
    finally:
        server.terminate()
        server.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the plans tree")
    parser.add_argument("--only", default="ha-tinh/xa-cam-binh",
                        help="the folder previewed, relative to --data")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data = args.data.resolve()
    only = data / args.only
    plans = sorted(only.glob("*.yaml")) if only.is_dir() else [only]
    if not plans:
        raise SystemExit(f"no plan file in {only}")
    env = _env(data, only)
    builds, build_cpu = zip(*(time_build(env) for _ in range(args.runs)), strict=True)
    first, saves, cpu = time_serve(env, plans[-1], args.runs)
    print(f"preview of {args.only} in {data} ({args.runs} runs, medians):")
    print(f"  first page, mkdocs build:  {statistics.median(builds):6.2f} s"
          f"  ({', '.join(f'{b:.2f}' for b in builds)})")
    print(f"  first page, build CPU:     {statistics.median(build_cpu):6.2f} s")
    print(f"  first page, mkdocs serve:  {first:6.2f} s")
    print(f"  per save, rebuilt:         {statistics.median(saves):6.2f} s"
          f"  ({', '.join(f'{s:.2f}' for s in saves)})")
    print(f"  per save, CPU time:        {statistics.median(cpu):6.2f} s"
          f"  ({', '.join(f'{c:.2f}' for c in cpu)})")
    print(f"  load average (1 min) at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
