"""Đo tìm kiếm trên trình duyệt. Benchmark the site search in Debian's chromium.

    python scripts/bench_search.py [--site DIR | --plans DIR [--out DIR]] [--runs N]
                                   [--slow] [--lunr] [--json FILE] [QUERY ...]

Builds the site from --plans (default plans/) with mkdocs, or takes an already built --site,
serves it on 127.0.0.1 under the sub-path /kehoach/ with gzip (as a static host would), and
drives chromium through Playwright. Each run, for each query, uses a fresh browser context
(empty cache):
  cold   open tim-kiem/?q=<query>: bytes sent by the server until the results are shown and
         the network is idle (page, theme, search code, index, pages' metadata, the parts of
         the pages shown that their excerpts are cut from; gzip sizes), and
         the time from navigation start to the first result on screen ("no list" when the
         page answers with a message instead, e.g. words on most pages of a national site);
  typed  open tim-kiem/ (the engine loads with the page), wait until it is settled, then
         submit each query in turn in that page, as a reader refining a search would (files an
         earlier query fetched stay in the engine's memory): the time from submit to the first
         result on screen, and the bytes that query fetched, its excerpts' files included. Each
         query starts only once the one before it is over (settle: its status line written,
         which search.js does after the excerpts are drawn, no request of the page in flight,
         every answer logged by the server, the page's thread idle), so neither its time nor
         its bytes hold any of the previous query's work.
Reports medians over the runs (--json also keeps each run's times). --slow adds a phone-like
profile (4x CPU slowdown, 1.6 Mbit/s, 150 ms latency). --lunr also estimates the index
Material's built-in search would ship.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

from kehoach.search.index import FRAGMENTS, MANIFEST
from kehoach.site.routes import SEARCH_INDEX

try:
    from scripts._static_server import Log, build, serving
except ModuleNotFoundError:  # run as a file: scripts/ itself is on sys.path
    from _static_server import Log, build, serving  # type: ignore[import-not-found, no-redef]

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
QUERIES = ["thach ha", "Đức Thọ", "vneid", "chu ky so", "binh dan hoc vu so", "chuyen doi so",
           "chuyen doi so thach ha"]
ARM = """() => { window.__first = new Promise((done) => {
  const list = () => document.getElementById('kh-search-results');
  const status = () => document.getElementById('kh-search-status');
  const observer = new MutationObserver(() => {
    if (list() && list().children.length > 0) { observer.disconnect(); done(performance.now()); }
    else if (status() && status().textContent && !list().children.length) {
      observer.disconnect(); done(null); } });
  observer.observe(document, {childList: true, subtree: true, characterData: true}); }); }"""
# Armed only once the previous results are cleared: the page keeps changing after its first
# results (the theme's script starts then), which must not count as this query's results.
SUBMIT = f"""(query) => {{ const input = document.getElementById('kh-q'); input.value = query;
  document.getElementById('kh-search-status').textContent = '';
  document.getElementById('kh-search-results').replaceChildren();
  ({ARM})();
  const start = performance.now(); input.form.requestSubmit(); return start; }}"""




def category(path: str) -> str:
    if path.startswith(f"{SEARCH_INDEX}/p/"):
        return "metadata"
    if path.startswith(f"{SEARCH_INDEX}/{FRAGMENTS}/"):
        return "excerpts"  # the parts of the pages shown (kehoach/search/parts.py)
    if path.startswith(f"{SEARCH_INDEX}/"):
        return "index"
    if path in ("assets/search.js", "assets/search-engine.js"):
        return "search code"
    return "page and theme"


class InFlight:
    """The requests a page has started and not yet finished (Playwright's request events,
    delivered while Playwright waits)."""

    def __init__(self, page: Any) -> None:
        self.count = 0
        page.on("request", self.start)
        page.on("requestfinished", self.end)
        page.on("requestfailed", self.end)

    def start(self, _request: Any) -> None:
        self.count += 1

    def end(self, _request: Any) -> None:
        self.count -= 1


IDLE = "() => new Promise((done) => requestIdleCallback(() => done(), {timeout: 2000}))"
DONE = "() => document.getElementById('kh-search-status').textContent !== ''"


def settle(page: Any, requests: InFlight, log: Log, searched: bool = True) -> None:
    """Wait until the page's work is over: when ``searched``, its status line written
    (search.js writes it once the results' excerpts are drawn, or its message when there is
    no list); no request in flight, every answer logged by the server, then the page's thread
    idle, twice in a row (an idle page may still start a request, e.g. its icon again once
    the address changed)."""
    if searched:
        page.wait_for_function(DONE)
    quiet = 0
    while quiet < 2:
        while requests.count or log.busy:
            page.wait_for_timeout(5)
        page.evaluate(IDLE)
        quiet = quiet + 1 if not (requests.count or log.busy) else 0


def new_page(browser: Any, slow: bool) -> Any:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    if slow:
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 150,
                 "downloadThroughput": 200_000, "uploadThroughput": 90_000})
    page.add_init_script(f"({ARM})()")
    return page


def cold(browser: Any, base: str, log: Log, query: str, slow: bool) -> dict[str, Any]:
    """A reader opens tim-kiem/?q=<query> with an empty cache."""
    page = new_page(browser, slow)
    requests = InFlight(page)
    log.take()
    page.goto(f"{base}tim-kiem/?q={quote_plus(query)}")
    shown = page.evaluate("window.__first")  # null: no result list (e.g. too common words)
    page.wait_for_load_state("networkidle")
    settle(page, requests, log)
    sent = log.take()
    page.context.close()
    categories: dict[str, int] = {}
    for path, size in sent:
        categories[category(path)] = categories.get(category(path), 0) + size
    return {"query": query, "ms": shown, "bytes": sum(s for _, s in sent),
            "requests": len(sent), "categories": categories}


def typed(browser: Any, base: str, log: Log, queries: list[str], slow: bool) -> dict[str, Any]:
    """The search page is open (its engine loaded); the reader submits each query in turn."""
    page = new_page(browser, slow)
    requests = InFlight(page)
    page.goto(f"{base}tim-kiem/")
    # Only this first wait is the page's network going quiet: Playwright's load states are
    # those of the navigation, reached once (waiting for one again returns at once).
    page.wait_for_load_state("networkidle")
    settle(page, requests, log, searched=False)
    loaded = sum(size for _, size in log.take())
    rows = []
    for query in queries:
        start = page.evaluate(SUBMIT, query)
        shown = page.evaluate("window.__first")
        settle(page, requests, log)
        rows.append({"query": query, "ms": None if shown is None else shown - start,
                     "bytes": sum(size for _, size in log.take())})
    page.context.close()
    return {"loaded_bytes": loaded, "typed": rows}


def one_run(browser: Any, base: str, log: Log, queries: list[str], slow: bool) -> dict[str, Any]:
    return {"cold": [cold(browser, base, log, q, slow) for q in queries],
            **typed(browser, base, log, queries, slow)}


def lunr_estimate(site: Path) -> dict[str, int]:
    """Size of a search_index.json like Material's (every page's title and text, one
    entry per page), which its lunr search downloads whole before the first result."""
    from kehoach.formats.htmltext import page_text

    docs = []
    for file in sorted(site.rglob("index.html")):
        if SEARCH_INDEX in file.parts:
            continue
        html = file.read_text(encoding="utf-8")
        start, end = html.find('<article class="md-content__inner'), html.find("</article>")
        docs.append({"location": str(file.parent.relative_to(site)), "title": "",
                     "text": page_text(html[start:end] if start >= 0 else html)})
    raw = json.dumps({"config": {"lang": ["vi"]}, "docs": docs}, ensure_ascii=False).encode()
    return {"pages": len(docs), "bytes": len(raw), "gzip_bytes": len(gzip.compress(raw, 6))}


def tree_size(folder: Path) -> tuple[int, int]:
    files = [f for f in folder.rglob("*") if f.is_file()]
    return len(files), sum(f.stat().st_size for f in files)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def report(runs: list[dict[str, Any]], queries: list[str], site: Path) -> dict[str, Any]:
    files, size = tree_size(site / SEARCH_INDEX)

    def med(rows: str, i: int, key: str) -> float | None:
        values = [r[rows][i][key] for r in runs if r[rows][i][key] is not None]
        return median(values) if values else None

    summary: dict[str, Any] = {
        "runs": len(runs), "index_files": files, "index_bytes": size,
        "search_page_loaded_bytes": median([r["loaded_bytes"] for r in runs]),
        "queries": [{"query": q, "cold_ms": med("cold", i, "ms"),
                     "cold_bytes": med("cold", i, "bytes"),
                     "cold_categories": runs[0]["cold"][i]["categories"],
                     "typed_ms": med("typed", i, "ms"), "typed_bytes": med("typed", i, "bytes"),
                     "cold_ms_runs": [r["cold"][i]["ms"] for r in runs],
                     "typed_ms_runs": [r["typed"][i]["ms"] for r in runs]}
                    for i, q in enumerate(queries)],
    }
    print(f"site: {site}  ({files} index files, {size / 1e6:.1f} MB on disk); "
          f"medians of {len(runs)} runs")
    print(f"search page opened without a query: {summary['search_page_loaded_bytes'] / 1024:.0f}"
          " KB (page, theme, search code, index manifest)")
    print("query                      cold: KB  ms to results | typed: ms   KB   (cold KB: "
          "page+theme / search code / index / metadata / excerpts)")
    for row in summary["queries"]:
        c = row["cold_categories"]
        split = " / ".join(f"{c.get(k, 0) / 1024:.0f}" for k in (
            "page and theme", "search code", "index", "metadata", "excerpts"))
        print(f"{row['query']:26} {row['cold_bytes'] / 1024:8.0f} {show(row['cold_ms']):>7} |"
              f" {show(row['typed_ms']):>9} {row['typed_bytes'] / 1024:5.0f}   ({split})")
    return summary


def show(ms: float | None) -> str:
    return "no list" if ms is None else f"{ms:.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the site search in chromium.")
    parser.add_argument("queries", nargs="*", default=QUERIES)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--site", type=Path, help=f"an already built site (with {SEARCH_INDEX}/)")
    source.add_argument("--plans", type=Path, default=ROOT / "plans", help="data to build")
    parser.add_argument("--out", type=Path, help="where to build (default: a temporary folder)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--slow", action="store_true", help="phone-like CPU and network")
    parser.add_argument("--lunr", action="store_true", help="estimate Material's lunr index")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-search-") as scratch:
        site = args.site or args.out or Path(scratch) / "site"
        if args.site is None:
            build(args.plans, site)
        if not (site / SEARCH_INDEX / MANIFEST).is_file():
            print(f"{site}: no {SEARCH_INDEX}/ folder: build the site first", file=sys.stderr)
            return 2
        summary = measure(site, args.queries, args.runs, args.slow)
        if args.lunr:
            summary["lunr_estimate"] = lunr_estimate(site)
            lunr = summary["lunr_estimate"]
            print(f"Material lunr index (estimate): {lunr['pages']} pages, "
                  f"{lunr['bytes'] / 1e6:.1f} MB, {lunr['gzip_bytes'] / 1e6:.1f} MB gzip")
    if args.json:
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=2), "utf-8")
    return 0


def measure(site: Path, queries: list[str], runs: int, slow: bool) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    log = Log()
    with serving(site, log) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        results = [one_run(browser, base, log, queries, slow) for _ in range(runs)]
        browser.close()
    return report(results, queries, site)


if __name__ == "__main__":
    sys.exit(main())
