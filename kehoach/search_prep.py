"""Preparing pages for Pagefind (kehoach.search.prepare_page), in order or in a second process.

A national build renders ~70,000 pages on one core; preparing the indexed ones for Pagefind
(parsing each with lxml, collecting its words) took a fifth of the build when done after
it, file by file. ``BackgroundPreparer`` does the same work in a second process while the
pages are being rendered: the build hands it each page's HTML as it is written, and only
waits for what is left at the end. ``prepare_folder`` is the sequential form, for an
already built site (tests, re-indexing). Both write the same files and count the same words.
"""

from __future__ import annotations

import multiprocessing
import queue
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from kehoach.search import prepare_page

_DONE = None  # end of the pages


@dataclass
class PreparedSite:
    pages: int = 0  # pages written for Pagefind
    skipped: int = 0  # HTML files left out: no data-pagefind-body, or a kind not indexed
    counts: Counter[str] = field(default_factory=Counter)  # indexed pages holding each word

    def add(self, scratch: Path, relative: str, html: str) -> None:
        """Prepares one page (``relative``: its path in the site, "a/b/index.html")."""
        prepared = prepare_page(html)
        if prepared is None:
            self.skipped += 1
            return
        target = scratch.joinpath(*PurePosixPath(relative).parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(prepared.html, encoding="utf-8")
        self.counts.update(prepared.words)
        self.pages += 1


def prepare_folder(site_dir: Path, scratch: Path, skip: Path) -> PreparedSite:
    """Every HTML file of ``site_dir`` (but those under ``skip``), prepared into ``scratch``."""
    result = PreparedSite()
    for path in sorted(site_dir.rglob("*.html")):
        if skip not in path.parents:
            relative = path.relative_to(site_dir).as_posix()
            result.add(scratch, relative, path.read_text(encoding="utf-8"))
    return result


class BackgroundPreparer:
    """Prepares pages handed to ``add`` in a second process; ``finish`` returns the result.

    "spawn", not "fork": the build process is large and holds open files and a logging
    set-up that a forked copy would share; the child imports only kehoach.search.

    ``add`` writes each page straight into a pipe (a SimpleQueue: no thread in between), so
    it may be called from a process forked from the build (hooks/parallel.py) that exits
    right after, and the build waits when the pipe is full: memory stays bounded if the
    second process falls behind."""

    def __init__(self, scratch: Path) -> None:
        context = multiprocessing.get_context("spawn")
        self._inbox: Any = context.SimpleQueue()
        self._outbox: Any = context.Queue()
        self._process = context.Process(
            target=_work, args=(scratch, self._inbox, self._outbox), daemon=True
        )
        self._process.start()

    def add(self, relative: str, html: str) -> None:
        self._inbox.put((relative, html))

    def finish(self, timeout: float = 600.0) -> PreparedSite:
        self._inbox.put(_DONE)
        try:
            result: PreparedSite | BaseException = self._outbox.get(timeout=timeout)
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


def _work(scratch: Path, inbox: Any, outbox: Any) -> None:
    result = PreparedSite()
    error: Exception | None = None
    # After an error the pages are still taken off the queue (and dropped), so that the
    # build, blocked on a full queue, goes on to finish() and reports the error.
    while (item := inbox.get()) is not _DONE:
        if error is None:
            try:
                result.add(scratch, *item)
            except Exception as failure:  # handed to the build, which reports it
                error = failure
    outbox.put(error if error is not None else result)
