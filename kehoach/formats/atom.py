"""Atom feeds from plain data, written with feedgen. No model, no MkDocs, no clock.

feedgen stamps a feed and each entry with "now" unless told otherwise; here every date comes
from the data (a plan's last change), so two builds of the same data give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

# Dates are days; an entry is stamped at midnight in Vietnam (UTC+7), where plans are issued.
TIMEZONE = dt.timezone(dt.timedelta(hours=7))
EMPTY_FEED_DATE = dt.date(2000, 1, 1)  # only a feed with no entry at all, anywhere


@dataclass(frozen=True)
class FeedEntry:
    id: str  # stable: a tag: URI built from the plan id
    title: str
    url: str  # the plan's page
    updated: dt.date
    summary: str
    author: str
    published: dt.date | None = None
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feed:
    id: str
    title: str
    subtitle: str
    url: str  # the feed's own address (rel="self")
    home: str  # the page the feed follows (rel="alternate")
    author: str
    entries: tuple[FeedEntry, ...]
    updated: dt.date  # the newest entry's date, from the data


def render_atom(feed: Feed) -> bytes:
    """The feed as Atom 1.0 XML; entries keep the order given."""
    fg = FeedGenerator()
    fg.id(feed.id)
    fg.title(feed.title)
    fg.subtitle(feed.subtitle)
    fg.author({"name": feed.author})
    fg.link(href=feed.url, rel="self", type="application/atom+xml")
    fg.link(href=feed.home, rel="alternate", type="text/html")
    fg.language("vi")
    fg.updated(_stamp(feed.updated))
    for entry in feed.entries:
        _add_entry(fg, entry)
    xml: bytes = fg.atom_str(pretty=True, encoding="UTF-8")
    return xml


def _add_entry(fg: FeedGenerator, entry: FeedEntry) -> None:
    fe = fg.add_entry(order="append")
    fe.id(entry.id)
    fe.title(entry.title)
    fe.link(href=entry.url, rel="alternate", type="text/html")
    fe.updated(_stamp(entry.updated))
    if entry.published is not None:
        fe.published(_stamp(entry.published))
    fe.author({"name": entry.author})
    fe.summary(entry.summary)
    for term in entry.categories:
        fe.category(term=term)


def _stamp(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=TIMEZONE)
