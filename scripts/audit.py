"""Kiểm định trang bằng Lighthouse. Audit the built site with Lighthouse (a benchmark, not a test).

    python scripts/audit.py [--site DIR | --plans DIR] [--runs 3] [--json FILE] [PATH ...]

Builds the site from --plans (default plans/) unless --site is given, serves it on 127.0.0.1
under the sub-path /kehoach/ with gzip (scripts/_static_server.py, as a static host would),
and runs Lighthouse (npm package, pinned in package-lock.json; installed here with `npm ci`
when missing) with its default mobile profile (emulated phone, simulated slow 4G and 4x CPU)
on Debian's /usr/bin/chromium: home, a province, a commune, a plan, a unit and the search
page with a query. Reports, as medians of --runs runs per page, the four category scores and
the page's transfer size (gzip bytes over the wire, all requests, and without search: the
search index and the search scripts), then checks the targets:
performance >= 95, accessibility 100, best practices >= 95, SEO >= 95, and a plan page's
transfer (search excluded) under 150 KB. Exit 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kehoach.site.routes import SEARCH_INDEX

try:
    from scripts._static_server import Log, build, serving
except ModuleNotFoundError:  # run as a file: scripts/ itself is on sys.path
    from _static_server import Log, build, serving  # type: ignore[import-not-found, no-redef]

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules/lighthouse/cli/index.js"
CHROMIUM = "/usr/bin/chromium"
# As the tests start chromium: no sandbox as root, and no background connections, which this
# machine's closed network refuses.
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 95}
METRICS = ("first-contentful-paint", "largest-contentful-paint", "speed-index",
           "total-blocking-time", "cumulative-layout-shift")  # fmt: skip
PLAN_BUDGET = 150 * 1024  # bytes over the wire, search excluded
DEFAULT_PAGES = (
    ("trang chủ", ""),
    ("tỉnh", "ha-tinh/"),
    ("xã", "ha-tinh/xa-thach-ha/"),
    ("kế hoạch", "ha-tinh/ha-tinh-2025-ngay-cds/"),
    ("đơn vị", "ha-tinh/xa-thach-ha/don-vi/cac-phong-don-vi-cap-xa/"),
    ("tìm kiếm", "tim-kiem/?q=chuyen+doi+so"),
)


@dataclass(frozen=True)
class Run:
    scores: dict[str, float]  # 0-100 per category
    transfer: int  # bytes over the wire, every request of the page
    transfer_without_search: int
    metrics: dict[str, float]  # METRICS, in ms (CLS unitless), as Lighthouse simulated them
    failing: tuple[str, ...] = ()  # "category: audit-id" of each weighted audit not passed


def ensure_lighthouse() -> None:
    if LIGHTHOUSE.is_file():
        return
    # `make test` installs only axe-core (npm ci --omit=dev); Lighthouse is a dev dependency.
    print("audit: npm ci (cài Lighthouse từ package-lock.json)", file=sys.stderr)
    subprocess.run(
        ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=ROOT,
        check=True,
    )


def is_search(url: str) -> bool:
    return f"/{SEARCH_INDEX}/" in url or url.endswith(("/search.js", "/search-engine.js"))


def lighthouse(url: str) -> Run:
    with tempfile.TemporaryDirectory(prefix="audit-") as scratch:
        report = Path(scratch) / "report.json"
        command = [
            "node", str(LIGHTHOUSE), url, "--quiet", "--output=json",
            f"--output-path={report}", f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
        ]  # fmt: skip
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
        data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return parse(data)


def parse(data: dict[str, Any]) -> Run:
    if data.get("runtimeError"):
        raise RuntimeError(f"Lighthouse: {data['runtimeError']}")
    scores = {name: 100.0 * (data["categories"][name]["score"] or 0) for name in CATEGORIES}
    requests = data["audits"]["network-requests"]["details"]["items"]
    sizes = [(item["url"], int(item.get("transferSize") or 0)) for item in requests]
    return Run(
        scores=scores,
        transfer=sum(size for _, size in sizes),
        transfer_without_search=sum(size for url, size in sizes if not is_search(url)),
        metrics={name: float(data["audits"][name]["numericValue"]) for name in METRICS},
        failing=failing_audits(data),
    )


def failing_audits(data: dict[str, Any]) -> tuple[str, ...]:
    """What to fix: the audits that count towards a category's score and did not pass."""
    found = []
    for name in CATEGORIES:
        for ref in data["categories"][name]["auditRefs"]:
            score = data["audits"][ref["id"]].get("score")
            if ref.get("weight") and score is not None and score < 1:
                found.append(f"{name}: {ref['id']}")
    return tuple(found)


def median_run(runs: list[Run]) -> Run:
    return Run(
        scores={c: statistics.median(r.scores[c] for r in runs) for c in CATEGORIES},
        transfer=int(statistics.median(r.transfer for r in runs)),
        transfer_without_search=int(statistics.median(r.transfer_without_search for r in runs)),
        metrics={m: statistics.median(r.metrics[m] for r in runs) for m in METRICS},
        failing=tuple(sorted({audit for r in runs for audit in r.failing})),
    )


def short(metric: str) -> str:
    return "".join(word[0] for word in metric.split("-")).upper()


def misses(label: str, path: str, run: Run) -> list[str]:
    found = [
        f"{label} ({path or '/'}): {name} {run.scores[name]:.0f} < {target}"
        for name, target in TARGETS.items()
        if run.scores[name] < target
    ]
    if path.startswith("ha-tinh/ha-tinh-2025") and run.transfer_without_search >= PLAN_BUDGET:
        found.append(f"{label}: {run.transfer_without_search / 1024:.0f} KB >= 150 KB")
    return found


def audit(site: Path, pages: list[tuple[str, str]], runs: int) -> tuple[list[Any], list[str]]:
    rows: list[Any] = []
    problems: list[str] = []
    print("page          " + " ".join(f"{c[:11]:>11}" for c in CATEGORIES) + "   KB  KB-search")
    with serving(site, Log()) as base:
        for label, path in pages:
            result = median_run([lighthouse(base + path) for _ in range(runs)])
            scores = " ".join(f"{result.scores[c]:11.0f}" for c in CATEGORIES)
            print(f"{label:13} {scores} {result.transfer / 1024:5.0f} "
                  f"{result.transfer_without_search / 1024:9.0f}")  # fmt: skip
            print(f"{'':13} " + ", ".join(f"{short(m)} {v:.0f}" if m != METRICS[-1]
                  else f"CLS {v:.3f}" for m, v in result.metrics.items()))  # fmt: skip
            for audit in result.failing:
                print(f"{'':13} not passed: {audit}")
            rows.append({"page": label, "path": path, **result.__dict__})
            problems += misses(label, path, result)
    return rows, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Lighthouse audit of the built site.")
    parser.add_argument("paths", nargs="*", help="pages to audit, relative to the site root")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--site", type=Path, help="an already built site")
    source.add_argument("--plans", type=Path, default=ROOT / "plans", help="data to build")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)
    pages = [(p, p) for p in args.paths] or list(DEFAULT_PAGES)
    ensure_lighthouse()
    with tempfile.TemporaryDirectory(prefix="audit-site-") as scratch:
        site = args.site or Path(scratch) / "site"
        if args.site is None:
            build(args.plans, site)
        rows, problems = audit(site, pages, args.runs)
    print(f"medians of {args.runs} runs per page; Lighthouse mobile profile, {CHROMIUM}")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=2), "utf-8")
    for problem in problems:
        print("MISSED:", problem)
    print("all targets met" if not problems else f"{len(problems)} target(s) missed")
    return 1 if problems else 0




if __name__ == "__main__":
    sys.exit(main())
