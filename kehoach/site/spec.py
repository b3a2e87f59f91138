"""What every generated page and file is: where it goes, what draws it, what it holds."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from kehoach.site.views import PageData


@dataclass(frozen=True)
class PageSpec:
    """One generated page: where it lives, which template draws it and the data it gets.

    The data is one of the page data types of kehoach/site/views (``PageData``): the type
    says what a view holds, not which template draws it, which tests/unit/test_template_data.py
    checks (kehoach.site.views.TEMPLATE_VIEWS)."""

    src_uri: str  # "ha-tinh/xa-thach-ha/index.md"
    template: str  # "locality.html"
    title: str
    data: PageData | None = field(default=None, compare=False)
    description: str = ""
    source_path: str | None = None  # the YAML file the page comes from, if one
    # Search facets of the page (kind, province, year, level, locality), for filters.
    facets: dict[str, str] = field(default_factory=dict, compare=False)
    # For page kinds counted in tens of thousands (units), the data is built when the page
    # is rendered and dropped after, instead of being held for the whole build.
    build: Callable[[], PageData] | None = field(default=None, compare=False)

    def view(self) -> PageData:
        """The template data: built now if the page builds it lazily."""
        if self.build is not None:
            return self.build()
        if self.data is None:
            raise ValueError(f"{self.src_uri}: a page needs data or build")
        return self.data

    @property
    def url(self) -> str:
        """Directory URL relative to the site root ("" for the home page)."""
        return self.src_uri.removesuffix("index.md")

    def front_matter(self) -> dict[str, str]:
        """The page's metadata: which template draws it, its title and description."""
        meta = {"template": self.template, "title": self.title}
        if self.description:
            meta["description"] = self.description
        return meta

    def markdown(self) -> str:
        """The generated Markdown file: front matter only; the template draws the page."""
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}"
                 for key, value in self.front_matter().items()]
        return "---\n" + "\n".join(lines) + "\n---\n"


@dataclass(frozen=True)
class StaticFile:
    """A generated non-page file (calendar, JSON, CSV, feed), copied to the site as is.

    Nationally these weigh ~270 MB (6,710 calendars, 3,355 JSON files, the data set): most are
    given as ``build``, made when the file is written and dropped after, not held. The
    largest (the whole data set as JSON and CSV: 200 MB and 90 MB for three years) are given
    as ``stream``, pieces written one after the other (``chunks``), never whole in memory."""

    uri: str  # "ha-tinh/xa-thach-ha/lich.ics"
    data: bytes | None = None
    build: Callable[[], bytes] | None = field(default=None, compare=False)
    stream: Callable[[], Iterable[bytes]] | None = field(default=None, compare=False)

    @property
    def content(self) -> bytes:
        """The whole file (for tests and small files; a writer uses ``chunks``)."""
        return b"".join(self.chunks())

    def chunks(self) -> Iterator[bytes]:
        """The file's bytes in pieces, in order."""
        if self.data is not None:
            yield self.data
        elif self.stream is not None:
            yield from self.stream()
        elif self.build is not None:
            yield self.build()
        else:
            raise ValueError(f"{self.uri}: a static file needs data, build or stream")
