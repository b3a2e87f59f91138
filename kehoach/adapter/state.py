"""The one typed state of a build, shared by the adapter modules (kehoach/adapter/*.py).

MkDocs calls each hook module on its own; what one finds out and another needs (the site and
its options, the URIs of the files written beside the pages, which process of a parallel
build this is) lives in one BuildState. It is made when a build's config is first seen (the
first on_config: ``of(config)``), so each build, and each rebuild of ``mkdocs serve`` (a new
config), starts afresh; the second process of a parallel build (a fork) gets a copy.
Making it checks the installed MkDocs and Material and reads the settings, once a build.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from kehoach.adapter.compat import check_versions
from kehoach.adapter.settings import Settings, read_settings
from kehoach.formats.csp import TemplateScripts
from kehoach.search.prep import BackgroundPreparer
from kehoach.site.build import SiteData
from kehoach.site.options import SiteOptions
from kehoach.site.spec import PageSpec
from kehoach.source.history import LastChanged
from kehoach.source.tree import REGISTRY_DIR, TreeFiles, rescan, scan_tree


@dataclass(frozen=True)
class Startup:
    """How MkDocs was started (on_startup), which holds for every build of the process."""

    command: str  # "build", "gh-deploy" or "serve"
    dirty: bool


class Process(enum.Enum):
    ONLY = "only"  # one process renders every page
    BUILD = "build"  # the build, with a second process beside it
    SECOND = "second"  # the second process (kehoach/adapter/parallel.py), which also
    # writes the static files


@dataclass
class Sources:
    """Where each page's source comes from and when it last changed (publish.py)."""

    changed: dict[Path, LastChanged] = field(default_factory=dict)  # plan and registry files
    docs_git: dict[Path, dt.date] = field(default_factory=dict)  # files of docs/
    roots: list[Path] = field(default_factory=list)  # repository roots, project folder


@dataclass
class Parallel:
    """The split of a parallel build (parallel.py)."""

    child: int | None = None  # in the build: the second process's pid until it is waited for
    owned: frozenset[str] = frozenset()  # in the second process: the pages it writes
    warnings: int = 0  # in the second process: warnings logged
    all_pages: Sequence[File] | None = None  # in the build, until sitemap.xml: every page


@dataclass
class BuildState:
    config: MkDocsConfig  # the build's config: a new one, a new state
    settings: Settings
    startup: Startup | None = None  # None: MkDocs was not started from its command line
    options: SiteOptions = field(default_factory=SiteOptions)  # for the core (publish.py)
    sources: Sources = field(default_factory=Sources)
    site: SiteData | None = None  # the core's pages and files (pages.py), until post_build
    pages: dict[str, PageSpec] = field(default_factory=dict)  # src_uri → its spec, idem
    static_uris: frozenset[str] = frozenset()  # files pages.py writes itself (not MkDocs')
    uris: frozenset[str] = frozenset()  # every file of the site: MkDocs' and static ones
    in_nav: frozenset[str] = frozenset()  # src_uri of the pages the navigation lists
    process: Process = Process.ONLY
    parallel: Parallel = field(default_factory=Parallel)
    preparer: BackgroundPreparer | None = None  # the search index being made (search.py)
    trusted: TemplateScripts | None = None  # inline scripts of the templates (security.py)
    preview_partial: frozenset[str] | None = None  # a preview: its pages a full build differs on
    tree: TreeFiles | None = None  # the files of PLANS_DIR, walked once a build (plan_tree)

    def plan_tree(self) -> TreeFiles:
        """The files of PLANS_DIR, found by one walk shared by every hook of this build."""
        if self.tree is None:
            self.tree = _walk_plans(self.settings, self.startup)
        return self.tree

    def site_data(self) -> SiteData:
        if self.site is None:
            raise RuntimeError("the site data is used before on_config or after on_post_build")
        return self.site


_startup: Startup | None = None
_current: BuildState | None = None
_served_tree: TreeFiles | None = None  # a served preview's walk of PLANS_DIR (_walk_plans)


def _walk_plans(settings: Settings, startup: Startup | None) -> TreeFiles:
    """The files of PLANS_DIR. A preview served by `mkdocs serve` is rebuilt only on a save
    in its folder or the registry (the two it watches, pages.on_serve): the walk of the
    whole tree is kept from one rebuild to the next and only those two are walked again."""
    global _served_tree
    root, only = settings.plans_dir, settings.only
    if only is None or startup is None or startup.command != "serve":
        return scan_tree(root)
    kept = _served_tree
    if kept is None or kept.root != root:
        tree = scan_tree(root)
    else:
        tree = rescan(kept, [only if only.is_dir() else only.parent, root / REGISTRY_DIR])
    _served_tree = tree
    return tree


def start(command: str, dirty: bool) -> None:
    """on_startup: remembers how MkDocs was started; the next build gets a new state."""
    global _startup, _current
    _startup = Startup(command, dirty)
    _current = None


def of(config: MkDocsConfig) -> BuildState:
    """The state of the build of ``config``: made (versions checked, settings read) the first
    time this config is seen."""
    global _current
    if _current is None or _current.config is not config:
        _current = None  # not the previous build's, should this stop the build
        check_versions()
        _current = BuildState(config, read_settings(config), _startup)
    return _current


def current() -> BuildState | None:
    """The state of the build under way, for events without the config (on_build_error)."""
    return _current
