"""All the pages and files of the site, built from a validated catalog. No MkDocs here."""

from __future__ import annotations

from dataclasses import dataclass, field

from kehoach.site.index import SiteIndex, build_index
from kehoach.site.markdown import MarkdownRenderer
from kehoach.site.outpath import check_site_uri
from kehoach.site.pages.plan import PlanView
from kehoach.site.pages.public import public_pages
from kehoach.site.pages.search import search_page
from kehoach.site.pages.timelines import add_timelines
from kehoach.site.publish import SiteOptions, publish
from kehoach.site.spec import PageSpec, StaticFile
from kehoach.source.catalog import Catalog


@dataclass
class SiteData:
    index: SiteIndex
    pages: list[PageSpec] = field(default_factory=list)
    files: list[StaticFile] = field(default_factory=list)  # calendars, open data, feeds…

    def by_src_uri(self) -> dict[str, PageSpec]:
        return {page.src_uri: page for page in self.pages}


def build_site(
    catalog: Catalog, site_url: str | None = None, options: SiteOptions | None = None
) -> SiteData:
    index = build_index(catalog)
    md = MarkdownRenderer()
    site = SiteData(index)
    plans = PlanView(index, md)
    site.pages.extend(plans.page(plan_id) for plan_id in sorted(index.plans))
    site.pages.extend(public_pages(index, md))  # home, localities, units, documents, platforms
    site.pages.append(search_page(site.pages))  # tim-kiem/, lists every filter value
    publish(site.pages, site.files, index, options)  # du-lieu/, JSON, CSV, feeds, nhung/
    # Last: timelines on plan and locality pages, lich/, .ics (absolute links if address known).
    add_timelines(site, md, site_url or (options.site_url if options else None))
    # Every path the build will write, checked once here (the core), before anything is
    # written: a page MkDocs renders from src_uri, a file the hook writes from uri.
    for uri in [page.src_uri for page in site.pages] + [static.uri for static in site.files]:
        check_site_uri(uri)
    return site
