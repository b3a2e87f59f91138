"""Publishing: the public address, the repository and when each file last changed, handed to
the core as plain values (kehoach.site.options.SiteOptions), and the "edit on GitHub / last
changed" facts and feeds of each page for overrides/partials/page-meta.html and feeds-head.html.

hooks/publish.py is listed before hooks/pages.py in mkdocs.yml, so its on_config runs first
and the options are in the state when pages.py builds the site. Last-changed dates come from
one ``git log`` per folder (kehoach.source.history).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kehoach.adapter import state
from kehoach.adapter.state import BuildState, Sources
from kehoach.site import routes
from kehoach.site.options import SiteOptions
from kehoach.source.history import LastChanged, git_dates, last_changed
from kehoach.source.revisions import Revision, plan_revisions
from kehoach.source.tree import REGISTRY_DIR


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build = state.of(config)
    settings = build.settings
    project = Path(config.config_file_path).parent.resolve()
    plans_dir = settings.plans_dir.resolve()
    docs_dir = Path(config.docs_dir).resolve()
    top, git = _plan_dates(build) if plans_dir.is_dir() else (None, {})
    docs_top, docs_git = git_dates(docs_dir)
    changed: dict[Path, LastChanged] = {}
    history: dict[Path, tuple[Revision, ...]] = {}
    if plans_dir.is_dir():
        tree = build.plan_tree()
        registry, plans = list(tree.registry), list(tree.plans)
        if settings.only is not None:  # a preview: the dates of the pages a full build shares
            folder = os.path.join(os.path.abspath(_only_folder(settings.only)), "")
            plans = [p for p in plans if os.path.abspath(p).startswith(folder)]
        epoch = settings.source_date_epoch
        changed = {p.resolve(): last_changed(p.resolve(), git, epoch) for p in registry + plans}
        history = plan_revisions(plans_dir, plans) if top else {}
    build.options = SiteOptions(
        site_url=settings.site_url,
        repo_url=settings.repo_url,
        changed={str(p): c.date.isoformat() for p, c in sorted(changed.items()) if c.date},
        site_name=config.site_name,
        history={str(p): revisions for p, revisions in sorted(history.items())},
    )
    roots = [r for r in (top, docs_top, project) if r is not None]
    build.sources = Sources(changed, docs_git, roots)
    return config


def _only_folder(only: Path) -> Path:
    return only if only.is_dir() else only.parent


def _plan_dates(build: BuildState) -> tuple[Path | None, dict[Path, dt.date]]:
    """The git dates of the plan files: of the whole tree, or in a preview only of its folder
    and the registry (a file's last commit is the same in a log limited to its folder, which
    spares the clerk a log of the whole country on every save)."""
    plans_dir = build.settings.plans_dir.resolve()
    if build.settings.only is None:
        return git_dates(plans_dir)
    top, dates = git_dates(_only_folder(build.settings.only).resolve())
    if (plans_dir / REGISTRY_DIR).is_dir():
        dates.update(git_dates(plans_dir / REGISTRY_DIR)[1])
    return top, dates


@event_priority(-100)  # after hooks/pages.py has added the generated files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = state.of(config)
    build.uris = frozenset(f.src_uri for f in files) | build.static_uris
    return files


@event_priority(-50)  # after hooks/pages.py has set ``source_path``
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    build = state.of(config)
    context["kh_meta"] = _page_meta(build, context.get("source_path"), page)
    context["kh_feeds"] = _page_feeds(build.uris, context.get("view"))
    return context


def _page_feeds(uris: frozenset[str], view: Any) -> list[dict[str, str]]:
    """The site feed and, for a locality or plan page, its province's feed (when built)."""
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


def _page_meta(build: BuildState, source_path: str | None, page: Page) -> dict[str, Any] | None:
    """What page-meta.html shows: the source file, its edit link and its last change."""
    epoch = build.settings.source_date_epoch
    if source_path:
        path = Path(source_path).resolve()
        changed = build.sources.changed.get(path) or last_changed(path, {}, epoch)
    elif page.file.generated_by is None and page.file.abs_src_path:
        path = Path(page.file.abs_src_path).resolve()
        changed = last_changed(path, build.sources.docs_git, epoch)
    else:
        return None
    relative = _repo_path(path, build.sources.roots)
    data_uri = routes.plan_json(page.url) if source_path else None
    return {
        "kind": "data" if source_path else "page",
        "source": relative or path.name,
        "edit_url": _edit_url(build, relative),
        "changed": changed.date.strftime("%d/%m/%Y") if changed.date else None,
        "changed_iso": changed.date.isoformat() if changed.date else None,
        "changed_source": changed.source,
        "data_url": data_uri if data_uri in build.uris else None,
    }


def _repo_path(path: Path, roots: list[Path]) -> str | None:
    for root in roots:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            continue
    return None


def _edit_url(build: BuildState, relative: str | None) -> str | None:
    url = build.settings.repo_url
    if not url or not relative:
        return None
    return f"{url}/edit/{quote(build.settings.repo_branch)}/{quote(relative)}"
