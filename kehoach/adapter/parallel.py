"""A second process renders most unit pages and writes the static files.

MkDocs renders pages one after another on one core. On the national site most pages are
units' pages (~59,000 of ~70,000), which nothing else links to from Markdown and no
navigation lists. Once every hook has set up its files, the build forks: the copy (the
"second process") keeps MkDocs' own files and every page but most of the unit pages (the
ones it renders: a share that lets both end together, _second_share), the build keeps every
page but those; each goes on with the rest of
MkDocs' build for its pages, so both cores work. The copy also writes the calendars, open
data and feeds (kehoach/adapter/pages.py, told by the state's ``process``), and the
open-data page that states their sizes; it writes only the pages it owns (pages it shares
with the build, such as those of the navigation, are checked by both and rendered by the one
that writes them; the theme's templates are written by the build alone), then exits at
post_build, where the build waits for it before the search index is made from the pages of
both.

Off for `mkdocs serve` and --dirty builds, with one core, or with one worker (settings:
KEHOACH_WORKERS=1; tests/test_parallel.py builds the site both ways and compares every file).
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from typing import Any, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kehoach.adapter import compat, state
from kehoach.adapter.state import BuildState, Parallel, Process
from kehoach.site.routes import OPENDATA, nav_pages, src_uri

_log = logging.getLogger("mkdocs.hooks.parallel")
_T = TypeVar("_T")
# In the front matter of a unit's page, and of a plan's (_drawn_by).
_UNIT_TEMPLATE = 'template: "unit.html"'
_PLAN_TEMPLATE = 'template: "plan.html"'
# The second process renders a share of the unit pages (_second_share) so that both end
# together: the build's other pages cost it this many unit pages more per plan than the
# files the second makes of a plan (calendar, JSON) cost the second. From the national set:
# one year (3,355 plans, 59,000 unit pages) ends together at 2/3 of the unit pages, three
# years (9,891 plans, 63,673) at about 95 %, where 2/3 left the build rendering alone for
# the last ~95 s.
_PLAN_EXTRA = 5.8
WARNINGS_EXIT = 3  # exit status of a second process that logged warnings (strict builds)
# The open-data page states the size of each data file: the second process, which writes
# them, knows their sizes; the build would build them all again to measure them (~175 MB
# more at once and 8 s nationally). So the second process writes that page.
_SECOND_WRITES = frozenset({src_uri(OPENDATA)})


def on_startup(command: str, dirty: bool) -> None:
    state.start(command, dirty)


def enabled(build: BuildState) -> bool:
    """Whether this build runs in several processes (a full build with settings.workers > 1
    on a machine with several cores); the plans are then read by as many too (pages.py)."""
    startup = build.startup
    return (
        startup is not None
        and startup.command in ("build", "gh-deploy")
        and not startup.dirty
        and build.settings.workers > 1
        and hasattr(os, "fork")
        and (os.cpu_count() or 1) > 1
    )


@event_priority(-100)  # after every other hook has added its files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = state.of(config)
    pages = files.documentation_pages()
    units = [f for f in pages if _drawn_by(f, _UNIT_TEMPLATE)]
    plans = sum(1 for f in pages if _drawn_by(f, _PLAN_TEMPLATE))
    theirs = {f.src_uri for f in _spread(units, _second_share(len(units), plans))}
    if not enabled(build) or not theirs:
        compat.attach_generated_pages(files, config)
        return files
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the second process: its unit pages, the files of docs/ and the theme,
        # and the pages the navigation lists (MkDocs checks them); a Markdown page of docs/
        # linking to another generated page would be reported missing here.
        build.process = Process.SECOND  # pages.py: it writes the static files
        build.parallel.owned = frozenset(theirs | _SECOND_WRITES)
        logging.getLogger("mkdocs").addHandler(_WarningCount(build.parallel))
        compat.hide_skipped_messages()  # pages and templates it leaves to the build
        keep = build.parallel.owned | set(nav_pages(config.nav))
        kept = [f for f in files if not f.generated_by or f.src_uri in keep]
    else:
        build.process = Process.BUILD
        build.parallel.child = pid
        build.parallel.all_pages = files.documentation_pages()  # for sitemap.xml
        _log.info("%d trang đơn vị được dựng song song (rendered by a second process)",
                  len(theirs))  # fmt: skip
        kept = [f for f in files if f.src_uri not in theirs]
    compat.attach_generated_pages(kept, config)  # each process makes only its own pages
    return Files(kept)  # (Files.remove is linear: a new list instead)


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    # Pages kept only for MkDocs' checks (navigation, links), which have been made by now,
    # are not rendered by the process that does not write them.
    build = state.of(config)
    if build.process is Process.SECOND:
        owned = build.parallel.owned
        left = [f for f in files.documentation_pages() if f.src_uri not in owned]
    elif build.process is Process.BUILD:
        left = [f for f in files.documentation_pages() if f.src_uri in _SECOND_WRITES]
    else:
        return env
    for file in left:
        files.remove(file)
    return env


@event_priority(100)  # first: the other hooks see an empty page and leave it alone
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    build = state.of(config)
    if build.process is Process.SECOND and page.file.src_uri not in build.parallel.owned:
        return ""  # the build writes it (compat.is_skipped: MkDocs writes nothing)
    return output


def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    # The sitemap lists every page, those the second process writes too, in MkDocs' order.
    everything = state.of(config).parallel.all_pages
    if template_name == "sitemap.xml" and everything is not None:
        context["pages"] = compat.sitemap_pages(everything, config)
    return context


@event_priority(100)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    build = state.of(config)
    if template_name == "sitemap.xml":
        # Rendered before any page: the files of the second process's pages (~40,000
        # nationally) are of no more use here, and their memory goes to rendering.
        build.parallel.all_pages = None
    # 404.html, sitemap.xml: written by the build, which has every page.
    return "" if build.process is Process.SECOND else output_content


@event_priority(100)  # before the search index is made from every page
def on_post_build(config: MkDocsConfig) -> None:
    build = state.of(config)
    if build.process is Process.SECOND:
        _exit_second(build.parallel, 0)
    pid, build.parallel.child = build.parallel.child, None
    if pid is not None:
        wait_second(pid)


def on_build_error(error: Exception) -> None:
    build = state.current()
    if build is None:  # stopped before the state was made (a setting, the versions)
        return
    if build.process is Process.SECOND:
        _exit_second(build.parallel, 1)
    pid, build.parallel.child = build.parallel.child, None
    if pid is not None:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)


def _second_share(units: int, plans: int) -> int:
    """How many of the ``units`` unit pages the second process renders (see _PLAN_EXTRA)."""
    if not units:
        return 0
    share = (_PLAN_EXTRA * plans + units) / (2 * units)
    return round(min(1.0, share) * units)


def _spread(pages: list[_T], taken: int) -> list[_T]:
    """``taken`` of ``pages``, evenly spread over them (2 of 3: the 2nd and 3rd of each 3)."""
    count = len(pages)
    return [f for i, f in enumerate(pages) if (i + 1) * taken // count > i * taken // count]


def _drawn_by(file: File, template: str) -> bool:
    # A page generated by pages.py holds only its front matter, which names its template.
    return file.generated_by is not None and template in file.content_string


def _exit_second(run: Parallel, status: int) -> None:
    """Ends the second process here: the rest of post_build (search index, clean-up of the
    scratch folders) belongs to the build."""
    if status == 0 and run.warnings:
        status = WARNINGS_EXIT
    for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
        handler.flush()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def wait_second(pid: int) -> None:
    """Waits for the second process: its warnings (exit status WARNINGS_EXIT) are reported as
    one warning of the build (failing a strict build), any other failure stops the build."""
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code == WARNINGS_EXIT:
        _log.warning("Tiến trình dựng thứ hai có cảnh báo, xem ở trên (warnings above).")
    elif code != 0:
        raise PluginError(
            f"Tiến trình dựng thứ hai dừng với mã {code}, xem thông báo ở trên "
            "(the second build process failed, see above)."
        )


class _WarningCount(logging.Handler):
    def __init__(self, run: Parallel) -> None:
        super().__init__(logging.WARNING)
        self._run = run

    def emit(self, record: logging.LogRecord) -> None:
        self._run.warnings += 1
