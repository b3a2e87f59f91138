"""MkDocs adapter for publishing: the public address, the repository and when each file
last changed, handed to the core as plain values (kehoach.site.options.SiteOptions), and
the "edit on GitHub / last changed" facts of each page for overrides/partials/page-meta.html.

Listed before hooks/pages.py in mkdocs.yml, so its on_config runs first and pages.py finds
the options in ``config.extra``.

Last-changed dates come from ONE ``git log`` per data folder (not one process per file), so
they scale to thousands of plans. Without git history (a tarball, a generated data set outside
the repository) the file's modification date is used and labelled as such; when
SOURCE_DATE_EPOCH is set, that date is clamped to it, so a rebuild gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kehoach.site import routes
from kehoach.site.options import OPTIONS_KEY, STATIC_URIS_KEY, SiteOptions
from kehoach.source.catalog import plan_files

_state: dict[str, Any] = {}


@dataclass(frozen=True)
class LastChanged:
    date: dt.date | None
    source: str  # "git", "mtime" (no git history) or "unknown"


def git_dates(folder: Path) -> tuple[Path | None, dict[Path, dt.date]]:
    """(repository root, {file: date of the last commit touching it}) for files under
    ``folder``, from a single ``git log``; (None, {}) when there is no git history."""
    try:
        top = _git(folder, "rev-parse", "--show-toplevel").strip()
        if not top:
            return None, {}
        log = _git(folder, "log", "-z", "--format=%x1e%cs", "--name-only", "--", ".")
    except (OSError, subprocess.CalledProcessError):
        return None, {}
    root = Path(top).resolve()
    return root, parse_log(log, root)


def _git(folder: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(folder), *args],
        capture_output=True,
        check=True,
        text=True,
        encoding="utf-8",
    )
    return result.stdout


def parse_log(log: str, root: Path) -> dict[Path, dt.date]:
    """Newest commits come first, so the first date seen for a file is its last change."""
    dates: dict[Path, dt.date] = {}
    for commit in log.split("\x1e")[1:]:
        date_text, *names = commit.split("\0")
        date = dt.date.fromisoformat(date_text.strip())
        for name in names:
            name = name.strip("\n")
            if name:
                dates.setdefault(root / name, date)
    return dates


def last_changed(path: Path, git: dict[Path, dt.date]) -> LastChanged:
    if path in git:
        return LastChanged(git[path], "git")
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return LastChanged(None, "unknown")
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        stamp = min(stamp, int(epoch))
    return LastChanged(dt.datetime.fromtimestamp(stamp, dt.UTC).date(), "mtime")


def repo_url(config: MkDocsConfig) -> str | None:
    """REPO_URL, else the repository GitHub Actions builds (so a fork links to itself),
    else mkdocs.yml's repo_url / extra.repo_url; None: no edit links."""
    explicit = os.environ.get("REPO_URL")
    if explicit:
        return explicit.rstrip("/")
    repository = os.environ.get("GITHUB_REPOSITORY")
    if repository:
        server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
        return f"{server.rstrip('/')}/{repository}"
    configured = config.repo_url or config.extra.get("repo_url")
    return str(configured).rstrip("/") if configured else None


def _plans_dir(config: MkDocsConfig) -> Path:
    configured = os.environ.get("PLANS_DIR") or config.extra.get("plans_dir", "plans")
    path = Path(configured)
    return path if path.is_absolute() else Path(config.config_file_path).parent / path


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = Path(config.config_file_path).parent.resolve()
    plans_dir = _plans_dir(config).resolve()
    docs_dir = Path(config.docs_dir).resolve()
    top, git = git_dates(plans_dir) if plans_dir.is_dir() else (None, {})
    docs_top, docs_git = git_dates(docs_dir)
    changed: dict[Path, LastChanged] = {}
    if plans_dir.is_dir():
        registry, plans = plan_files(plans_dir)
        changed = {p.resolve(): last_changed(p.resolve(), git) for p in registry + plans}
    site_url = config.site_url or None
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    url = repo_url(config)
    config.extra[OPTIONS_KEY] = SiteOptions(
        site_url=site_url,
        repo_url=url,
        changed={str(p): c.date.isoformat() for p, c in sorted(changed.items()) if c.date},
        site_name=config.site_name,
    )
    _state.update(
        changed=changed,
        docs_git=docs_git,
        repo_url=url,
        uris=set(),
        roots=[r for r in (top, docs_top, project) if r is not None],
        branch=os.environ.get("REPO_BRANCH") or "main",
    )
    return config


@event_priority(-100)  # after hooks/pages.py has added the generated files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    _state["uris"] = {f.src_uri for f in files} | config.extra.get(STATIC_URIS_KEY, frozenset())
    return files


@event_priority(-50)  # after hooks/pages.py has set ``source_path``
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    context["kh_meta"] = page_meta(context.get("source_path"), page)
    context["kh_feeds"] = page_feeds(context.get("view"))
    return context


def page_feeds(view: Any) -> list[dict[str, str]]:
    """The site feed and, for a locality or plan page, its province's feed (when built)."""
    uris = _state["uris"]
    feeds = []
    if routes.SITE_FEED in uris:
        feeds.append({"title": "Kế hoạch mới và cập nhật", "url": routes.SITE_FEED})
    place = view.get("locality") if isinstance(view, dict) else None
    if not isinstance(place, dict) and isinstance(view, dict):
        plan = view.get("plan")
        place = plan.get("locality") if isinstance(plan, dict) else None
    url = place.get("url") if isinstance(place, dict) else None
    if isinstance(url, str) and url:
        uri = routes.province_feed(url.split("/", 1)[0])
        if uri in uris:
            feeds.append({"title": "Kế hoạch mới của tỉnh", "url": uri})
    return feeds


def page_meta(source_path: str | None, page: Page) -> dict[str, Any] | None:
    """What page-meta.html shows: the source file, its edit link and its last change."""
    if source_path:
        path = Path(source_path).resolve()
        changed = _state["changed"].get(path) or last_changed(path, {})
    elif page.file.generated_by is None and page.file.abs_src_path:
        path = Path(page.file.abs_src_path).resolve()
        changed = last_changed(path, _state["docs_git"])
    else:
        return None
    relative = _repo_path(path)
    data_uri = routes.plan_json(page.url) if source_path else None
    return {
        "kind": "data" if source_path else "page",
        "source": relative or path.name,
        "edit_url": _edit_url(relative),
        "changed": changed.date.strftime("%d/%m/%Y") if changed.date else None,
        "changed_iso": changed.date.isoformat() if changed.date else None,
        "changed_source": changed.source,
        "data_url": data_uri if data_uri in _state["uris"] else None,
    }


def _repo_path(path: Path) -> str | None:
    for root in _state["roots"]:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            continue
    return None


def _edit_url(relative: str | None) -> str | None:
    url = _state["repo_url"]
    if not url or not relative:
        return None
    return f"{url}/edit/{quote(_state['branch'])}/{quote(relative)}"
