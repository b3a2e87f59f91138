"""What every page generator shares: the site context, built once per build, and what a
generator gives back.

A generator is a function ``generate(site, earlier) -> Contribution`` in the module of its
page kind (kehoach/site/pages/); kehoach/site/build.py lists them in the order the site
is made. Each reads only the shared context (the index of the whole site, the look-ups the
non-plan pages share, one Markdown renderer, the options and the timeline context) and makes
its own pages and files whole: nothing patches another generator's pages afterwards.
``earlier`` holds the pages made before it; only the search page reads them (it lists the
filter values of every page).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from kehoach.site.index import SiteIndex
from kehoach.site.lookup import Lookup
from kehoach.site.markdown import MarkdownRenderer
from kehoach.site.options import SiteOptions
from kehoach.site.pages.timeline_plan import TimelineContext
from kehoach.site.spec import PageSpec, StaticFile
from kehoach.tracking.tracker import Tracker


@dataclass(frozen=True)
class SiteContext:
    index: SiteIndex  # every plan, its locality, units, citations (built once)
    lookup: Lookup  # plans by place and province, units by place, registry by id
    md: MarkdownRenderer  # one for the whole site: it keeps recent renderings
    options: SiteOptions
    timelines: TimelineContext  # the build moment and look-ups every timeline shares
    tracker: Tracker  # every activity's status at the build moment, roll-ups per plan


@dataclass
class Contribution:
    """The pages and files one generator adds to the site, in order."""

    pages: list[PageSpec] = field(default_factory=list)
    files: list[StaticFile] = field(default_factory=list)


Generator = Callable[[SiteContext, Sequence[PageSpec]], Contribution]
