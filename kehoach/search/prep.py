"""Indexing pages for search (kehoach.search.text.prepare_page, kehoach.search.index), in order
or in a second process.

A national build renders ~70,000 pages on one core; reading the indexed ones (parsing each
with lxml, collecting its words) took a fifth of the build when done after it, file by file.
``BackgroundPreparer`` does the same work in a second process while the pages are being
rendered: the build hands it each page's HTML as it is written, and only waits for the index
to be written at the end. ``prepare_folder`` is the sequential form, for an already built
site (tests, re-indexing). Both write the same index.
"""

from __future__ import annotations

import multiprocessing
import queue
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach.search.index import IndexBuilder, IndexSummary
from kehoach.search.text import COMMON_MIN_PAGES, may_be_indexed, prepare_page

_DONE = None  # end of the pages


@dataclass
class PreparedSite:
    index: Path  # the folder the index is written to
    min_pages: int = COMMON_MIN_PAGES  # see kehoach.search.text.common_words
    skipped: int = 0  # HTML files left out: no data-search-body, or a kind not indexed
    builder: IndexBuilder = field(init=False)

    def __post_init__(self) -> None:
        self.builder = IndexBuilder(self.index)

    def add(self, relative: str, html: str | None) -> None:
        """Indexes one page (``relative``: its path in the site, "a/b/index.html"; ``html``
        None: a page known not to be indexed)."""
        prepared = prepare_page(html) if html is not None else None
        if prepared is None:
            self.skipped += 1
        else:
            self.builder.add(page_url(relative), prepared)

    def write(self) -> IndexSummary:
        return self.builder.write(self.min_pages)


def page_url(relative: str) -> str:
    """The address of a page from its file's path, relative to the site root: "a/b/"."""
    if relative == "index.html" or relative.endswith("/index.html"):
        return relative.removesuffix("index.html")
    return relative


def prepare_folder(site_dir: Path, site: PreparedSite) -> IndexSummary:
    """Indexes every HTML file of ``site_dir`` (but those of the index folder) into ``site``."""
    for path in sorted(site_dir.rglob("*.html")):
        if site.index not in path.parents:
            site.add(path.relative_to(site_dir).as_posix(), path.read_text(encoding="utf-8"))
    return site.write()


class BackgroundPreparer:
    """Prepares pages handed to ``add`` in a second process; ``finish`` returns the result.

    "spawn", not "fork": the build process is large and holds open files and a logging
    set-up that a forked copy would share; the child imports only kehoach.search.text.

    ``add`` writes each page straight into a pipe (a SimpleQueue: no thread in between), so
    it may be called from a process forked from the build (hooks/parallel.py) that exits
    right after, and the build waits when the pipe is full: memory stays bounded if the
    second process falls behind."""

    def __init__(self, index: Path, min_pages: int = COMMON_MIN_PAGES) -> None:
        context = multiprocessing.get_context("spawn")
        self._inbox: Any = context.SimpleQueue()
        self._outbox: Any = context.Queue()
        self._process = context.Process(
            target=_work, args=(index, min_pages, self._inbox, self._outbox), daemon=True
        )
        self._process.start()

    def add(self, relative: str, html: str) -> None:
        # A page surely not indexed (a unit's: most pages nationally) is said in a few bytes
        # rather than sent whole through the pipe (pickled, copied and read: ~8 % of the
        # time of a national build's three processes).
        self._inbox.put((relative, html if may_be_indexed(html) else None))

    def finish(self, timeout: float = 600.0) -> tuple[IndexSummary, int]:
        """Writes the index; returns its summary and the number of pages left out."""
        self._inbox.put(_DONE)
        try:
            result: tuple[IndexSummary, int] | BaseException = self._outbox.get(timeout=timeout)
        except queue.Empty:
            self.cancel()
            raise RuntimeError("the search preparation process did not finish") from None
        self._process.join()
        if isinstance(result, BaseException):
            raise result
        return result

    @property
    def running(self) -> bool:
        return self._process.is_alive()

    def cancel(self) -> None:
        """Stops the second process (the build failed): nothing it wrote is used."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()


def _work(index: Path, min_pages: int, inbox: Any, outbox: Any) -> None:
    site = PreparedSite(index, min_pages)
    error: Exception | None = None
    # After an error the pages are still taken off the queue (and dropped), so that the
    # build, blocked on a full queue, goes on to finish() and reports the error.
    while (item := inbox.get()) is not _DONE:
        if error is None:
            try:
                site.add(*item)
            except Exception as failure:  # handed to the build, which reports it
                error = failure
    if error is None:
        try:
            outbox.put((site.write(), site.skipped))
            return
        except Exception as failure:
            error = failure
    outbox.put(error)
