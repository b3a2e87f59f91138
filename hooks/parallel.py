"""MkDocs adapter: a second process renders most unit pages and writes the static files.

MkDocs renders pages one after another on one core. On the national site most pages are
units' pages (~59,000 of ~70,000), which nothing else links to from Markdown and no
navigation lists. Once every hook has set up its files, the build forks: the copy (the
"second process") keeps MkDocs' own files and every page but two thirds of the unit pages
(the ones it renders), the build keeps every page but those; each goes on with the rest of
MkDocs' build for its pages, so both cores work. The copy also writes the calendars, open
data and feeds (hooks/pages.py, told by config.extra[PROCESS_KEY]), and the open-data page
that states their sizes; it writes only the pages it owns (pages it shares with the build,
such as those of the navigation, are checked by both and rendered by the one that writes
them; the theme's templates are written by the build alone), then exits at post_build,
where the build waits for it before the search index is made from the pages of both.

Off for `mkdocs serve` and --dirty builds, with one core, or with KEHOACH_WORKERS=1
(tests/test_parallel.py builds the site both ways and compares every file).
Only ``on_*`` functions are MkDocs hooks.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Iterator
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kehoach.site.options import PROCESS_KEY
from kehoach.site.routes import OPENDATA, nav_pages, src_uri

_log = logging.getLogger("mkdocs.hooks.parallel")
_UNIT_TEMPLATE = 'template: "unit.html"'  # in the front matter of a unit's page
_SECOND_SHARE = 3  # the second process renders 2 unit pages of every 3 (the build: the rest)
_WARNINGS_EXIT = 3  # exit status of a second process that logged warnings (strict builds)
# The open-data page states the size of each data file: the second process, which writes
# them, knows their sizes; the build would build them all again to measure them (~175 MB
# more at once and 8 s nationally). So the second process writes that page.
_SECOND_WRITES = frozenset({src_uri(OPENDATA)})
_state: dict[str, Any] = {}


def on_startup(command: str, dirty: bool) -> None:
    _state["enabled"] = (
        command in ("build", "gh-deploy")
        and not dirty
        and os.environ.get("KEHOACH_WORKERS") != "1"
        and hasattr(os, "fork")
        and (os.cpu_count() or 1) > 1
    )


@event_priority(-100)  # after every other hook has added its files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    _state.update(child=None, second=False, all_pages=None)
    config.extra.pop(PROCESS_KEY, None)
    units = [f for f in files.documentation_pages() if _is_unit(f)]
    theirs = {f.src_uri for i, f in enumerate(units) if i % _SECOND_SHARE}
    if not _state.get("enabled") or not theirs:
        return files
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the second process: its unit pages, the files of docs/ and the theme,
        # and the pages the navigation lists (MkDocs checks them); a Markdown page of docs/
        # linking to another generated page would be reported missing here.
        config.extra[PROCESS_KEY] = "second"  # hooks/pages.py: it writes the static files
        _state.update(second=True, owned=theirs | _SECOND_WRITES, warnings=_WarningCount())
        logging.getLogger("mkdocs").addHandler(_state["warnings"])
        # The pages and templates it leaves to the build are "skipped": not news to anyone.
        logging.getLogger("mkdocs.commands.build").addFilter(_not_skipped)
        keep = _state["owned"] | set(nav_pages(config.nav))
        kept = [f for f in files if not f.generated_by or f.src_uri in keep]
    else:
        config.extra[PROCESS_KEY] = "build"
        _state["child"] = pid
        _state["all_pages"] = files.documentation_pages()  # for sitemap.xml
        _log.info("%d trang đơn vị được dựng song song (rendered by a second process)",
                  len(theirs))  # fmt: skip
        kept = [f for f in files if f.src_uri not in theirs]
    return Files(kept)  # (Files.remove is linear: a new list instead)


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    # Pages kept only for MkDocs' checks (navigation, links), which have been made by now,
    # are not rendered by the process that does not write them.
    if _state.get("second"):
        owned = _state["owned"]
        left = [f for f in files.documentation_pages() if f.src_uri not in owned]
    elif _state.get("child") is not None:
        left = [f for f in files.documentation_pages() if f.src_uri in _SECOND_WRITES]
    else:
        return env
    for file in left:
        files.remove(file)
    return env


@event_priority(100)  # first: the other hooks see an empty page and leave it alone
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _state.get("second") and page.file.src_uri not in _state["owned"]:
        return ""  # the build writes it (MkDocs skips a page with empty output)
    return output


def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    # The sitemap lists every page, those the second process writes too, in MkDocs' order.
    everything = _state.get("all_pages")
    if template_name == "sitemap.xml" and everything is not None:
        context["pages"] = _with_pages(everything, config)
    return context


def _with_pages(files: list[File], config: MkDocsConfig) -> Iterator[File]:
    """Each file with a page, as MkDocs would set its address and date, for the sitemap (its
    template only iterates). A page made here is dropped once listed: held all at once, the
    pages of the second process made the build's peak of memory (17 MB more on a tenth of
    the national data set; ~40,000 such pages nationally)."""
    for file in files:
        made = file.page is None
        if made:
            Page(None, file, config)
        yield file
        if made:
            file.page = None


@event_priority(100)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "sitemap.xml":
        # Rendered before any page: the files of the second process's pages (~40,000
        # nationally) are of no more use here, and their memory goes to rendering.
        _state["all_pages"] = None
    # 404.html, sitemap.xml: written by the build, which has every page.
    return "" if _state.get("second") else output_content


@event_priority(100)  # before the search index is made from every page
def on_post_build(config: MkDocsConfig) -> None:
    if _state.get("second"):
        _exit_second(0)
    pid = _state.pop("child", None)
    if pid is not None:
        _wait(pid)


def on_build_error(error: Exception) -> None:
    if _state.get("second"):
        _exit_second(1)
    pid = _state.pop("child", None)
    if pid is not None:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)


def _is_unit(file: File) -> bool:
    # A page generated by hooks/pages.py holds only its front matter, which names its template.
    return file.generated_by is not None and _UNIT_TEMPLATE in file.content_string


def _exit_second(status: int) -> None:
    """Ends the second process here: the rest of post_build (search index, clean-up of the
    scratch folders) belongs to the build."""
    if status == 0 and _state["warnings"].count:
        status = _WARNINGS_EXIT
    for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
        handler.flush()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def _wait(pid: int) -> None:
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code == _WARNINGS_EXIT:
        _log.warning("Tiến trình dựng thứ hai có cảnh báo, xem ở trên (warnings above).")
    elif code != 0:
        raise PluginError(
            f"Tiến trình dựng thứ hai dừng với mã {code}, xem thông báo ở trên "
            "(the second build process failed, see above)."
        )


def _not_skipped(record: logging.LogRecord) -> bool:
    return not str(record.msg).startswith(("Page skipped", "Template skipped"))


class _WarningCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
