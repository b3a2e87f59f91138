"""Timelines and calendars on the site, added last by build_site(): the plan and locality
pages get their timeline, then come the year pages ("lich/") and the .ics files."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from kehoach.site.markdown import MarkdownRenderer
from kehoach.site.pages.calendars import calendar_files
from kehoach.site.pages.timeline_locality import locality_timeline, year_pages
from kehoach.site.pages.timeline_plan import TimelineContext, build_moment, plan_timeline
from kehoach.site.spec import with_view_key

if TYPE_CHECKING:
    from kehoach.site.build import SiteData


def add_timelines(site: SiteData, md: MarkdownRenderer, site_url: str | None = None,
                  moment: dt.datetime | None = None) -> None:
    """Runs after every other page is built: locality pages (another concern's) are found
    by their template and get a "timeline" key, as plan pages do."""
    ctx = TimelineContext(site.index, md, moment or build_moment(), site_url or None)
    page_urls = {page.url for page in site.pages}
    for position, page in enumerate(site.pages):
        if page.template == "plan.html":
            site.pages[position] = with_view_key(
                page, "timeline", lambda data: plan_timeline(ctx, data["plan"]["id"]))
        elif page.template == "locality.html" and isinstance(page.data.get("locality"), dict):
            site.pages[position] = with_view_key(
                page, "timeline", lambda data: locality_timeline(ctx, data["locality"], page_urls))
    site.pages.extend(year_pages(ctx, page_urls))
    site.files.extend(calendar_files(ctx))
