"""Benchmark the national-scale build (a benchmark, not a test: machines are noisy).

    python scripts/bench.py [--runs 3] [--data DIR] [--keep DIR]

Generates the synthetic national data set (scripts/gen_national.py) unless --data is given,
then, side by side and interleaved, builds
  * the site with our hooks (PLANS_DIR=DIR mkdocs build), and
  * a plain Material build of the same pages' text as Markdown, without hooks
    (the baseline: same page paths, same theme settings and navigation as mkdocs.yml,
    Material's own templates, content = each page's text),
and reports medians: wall time, peak memory (all the build's processes together: MkDocs, its
second process and the search indexer; RSS summed, and PSS, which counts the pages the forked
process shares once), site size, the GitHub Pages artifact, bytes per plan page
(raw and gzip), the median page (gzip) and the ratio of our build time to the baseline's;
then where the bytes of our site go (scripts/site_size.py --table).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import yaml

from kehoach.formats.htmltext import page_text
from kehoach.publish.size import measure
from kehoach.site import routes
from kehoach.site.routes import SEARCH_INDEX
from kehoach.source.catalog import load_catalog

try:
    from scripts.site_size import table
except ModuleNotFoundError:  # run as a file: scripts/ itself is on sys.path
    from site_size import table  # type: ignore[import-not-found, no-redef]

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1760054400"}


class _TreeMemory(threading.Thread):
    """Samples the resident memory of a process and all its descendants together (Linux
    /proc): the build forks a second process and starts a search indexer, and
    ``ru_maxrss`` gives only the largest single process, not what the machine needs."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.peak_pss = 0  # the same with pages shared by the forked processes counted once
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.2):
            tree = _tree(self.pid)
            self.peak = max(self.peak, sum(_rss(p) for p in tree))
            self.peak_pss = max(self.peak_pss, sum(_pss(p) for p in tree))


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                todo += map(int, Path(f"/proc/{current}/task/{task}/children").read_text().split())
        except OSError:
            continue  # ended meanwhile
    return found


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _pss(pid: int) -> int:
    """Proportional set size: a page shared by n processes counts 1/n in each (the second
    build process is forked, so much of its memory is the first one's)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


PSS_PEAKS: list[int] = []  # one per build, in the order they ran


def _timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (bytes) of one build: the peak of the sum over
    its processes where /proc can be read, else the largest process's (``ru_maxrss``)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    sampler = _TreeMemory(process.pid)
    sampler.start()
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    sampler.done.set()
    sampler.join()
    PSS_PEAKS.append(sampler.peak_pss)
    if status != 0:
        raise SystemExit(f"build failed: {' '.join(command)}\n{process.stderr.read().decode()}")  # type: ignore[union-attr]
    return elapsed, max(sampler.peak, usage.ru_maxrss * 1024)


def _ours(data: Path, out: Path) -> tuple[float, int]:
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)]
    return _timed(command, ROOT, {**ENV, "PLANS_DIR": str(data)})


def _baseline_project(site: Path, work: Path) -> Path:
    """A hook-less MkDocs project with one Markdown page per page of our site."""
    docs = work / "docs"
    for page in site.rglob("index.html"):
        rel = page.relative_to(site).parent
        if rel.parts[:1] in (("assets",), (SEARCH_INDEX,)):
            continue
        text = page_text(_main_content(page.read_text(encoding="utf-8")))
        target = docs / rel / "index.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        title = text[:80].replace("\n", " ")
        target.write_text(f"# {title}\n\n{text}\n", encoding="utf-8")
    ours = _our_config()
    config = {
        "site_name": "baseline",
        "site_url": "http://127.0.0.1:8000/",
        # Material's templates, not ours (overrides/ needs the hooks' data).
        "theme": {k: v for k, v in ours["theme"].items() if k != "custom_dir"},
        "markdown_extensions": ours.get("markdown_extensions", []),
        "plugins": [],
        # The same navigation (tabs and sidebar on every page cost the same on both sides).
        "nav": _baseline_nav(ours["nav"]),
    }
    (work / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    return work


def _our_config() -> dict[str, Any]:
    class _Loader(yaml.SafeLoader):
        pass

    # !ENV [NAME, default]: the default is enough here.
    def _env_default(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> Any:
        return loader.construct_sequence(node)[-1]

    _Loader.add_constructor("!ENV", _env_default)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config: dict[str, Any] = yaml.load(text, Loader=_Loader)
    return config


def _baseline_nav(nav: Any) -> Any:
    """mkdocs.yml's nav with each page at its baseline path (huong-dan.md → huong-dan/index.md)."""
    if isinstance(nav, list):
        return [_baseline_nav(item) for item in nav]
    if isinstance(nav, dict):
        return {title: _baseline_nav(value) for title, value in nav.items()}
    page = str(nav)
    return page if page.endswith("index.md") else page.removesuffix(".md") + "/index.md"


def _main_content(html_text: str) -> str:
    start = html_text.find('<article class="md-content__inner')
    end = html_text.find("</article>", start)
    return html_text[start:end] if start >= 0 else html_text


def _baseline(project: Path, out: Path) -> tuple[float, int]:
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)]
    return _timed(command, project, ENV)


def _sizes(site: Path, data: Path) -> dict[str, float]:
    catalog = load_catalog(data)
    plan_pages = [
        site / routes.plan(catalog.locality_of(s.plan), s.plan.id) / "index.html"
        for s in catalog.plans
    ]
    raw = [p.stat().st_size for p in plan_pages]
    zipped = [len(gzip.compress(p.read_bytes(), 6)) for p in plan_pages]
    all_pages = [len(gzip.compress(p.read_bytes(), 6)) for p in site.rglob("*.html")]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    size = measure(site)
    return {
        "files": size.files,
        "disk_bytes": size.disk_bytes,
        "pages_artifact_bytes": size.artifact_bytes,
        "pages_tar_bytes": size.tar_bytes,
        "plans": len(plan_pages),
        "html_pages": len(all_pages),
        "site_bytes": total,
        "plan_page_raw_median": statistics.median(raw),
        "plan_page_gzip_median": statistics.median(zipped),
        "any_page_gzip_median": statistics.median(all_pages),
        "bytes_per_plan": total / max(1, len(plan_pages)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, help="an existing data set (default: generate)")
    parser.add_argument("--keep", type=Path, help="keep the built site here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = args.data or work / "national"
        if args.data is None:
            subprocess.run(
                [sys.executable, "scripts/gen_national.py", str(data)],
                cwd=ROOT,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        site = args.keep or work / "site"
        # Ours first (its pages are the baseline's input), then alternately, so both see the
        # same machine load: ours, plain, ours, plain, …
        ours: list[tuple[float, int]] = [_ours(data, site)]
        project = _baseline_project(site, work / "baseline")
        plain: list[tuple[float, int]] = [_baseline(project, work / "baseline-site")]
        for _ in range(args.runs - 1):
            ours.append(_ours(data, site))
            plain.append(_baseline(project, work / "baseline-site"))
        report = _report(ours, plain, _sizes(site, data))
        # PSS peaks alternate ours, plain, ours…: ours are the even ones.
        report["peak_pss_mb_median"] = round(statistics.median(PSS_PEAKS[::2]) / 2**20, 1)
        where = table(site)  # where the bytes go, by page kind and file kind
    print(json.dumps(report, indent=2, ensure_ascii=False))
    print("\n".join(where))
    return 0


def _report(
    ours: list[tuple[float, int]], plain: list[tuple[float, int]], sizes: dict[str, float]
) -> dict[str, object]:
    our_time = statistics.median(t for t, _ in ours)
    plain_time = statistics.median(t for t, _ in plain)
    return {
        "runs": len(ours),
        "build_seconds_median": round(our_time, 2),
        "build_seconds_all": [round(t, 2) for t, _ in ours],
        "baseline_seconds_median": round(plain_time, 2),
        "baseline_seconds_all": [round(t, 2) for t, _ in plain],
        "ratio_to_plain_mkdocs": round(our_time / plain_time, 3),
        "peak_memory_mb_median": round(statistics.median(m for _, m in ours) / 2**20, 1),
        "baseline_peak_memory_mb_median": round(statistics.median(m for _, m in plain) / 2**20, 1),
        **{k: round(v, 1) if isinstance(v, float) else v for k, v in sizes.items()},
    }


if __name__ == "__main__":
    sys.exit(main())
