"""The templates of overrides/ mark a preview's links to pages it lacks and note its pages
drawn from the previewed plans only (kehoach/adapter/preview.py gives them what they need);
in a full build they write exactly what they wrote before previews existed."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader

from kehoach.adapter.preview import show_marks
from kehoach.site.preview import LINK_OUT_CLASS, PARTIAL_NOTE_CLASS

OVERRIDES = Path(__file__).resolve().parents[2] / "overrides"
NOTE = '<span class="kh-ngoai-xem-truoc__ghi-chu"> (không có trong bản xem trước)</span>'
LINKS = ('{% import "partials/kh.html" as kh with context %}'
         '{{ kh.link("ha-tinh/xa-b/", "B") }}|{{ kh.link("dong-nai/", "<D>") }}'
         '|{{ kh.link("https://example.org/", "E") }}')


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(OVERRIDES), autoescape=True)
    env.filters["url"] = lambda href: f"../{href}"  # MkDocs': relative to the page
    return env


def test_a_full_build_marks_nothing() -> None:
    assert _env().from_string(LINKS).render() == (
        '<a href="../ha-tinh/xa-b/">B</a>|<a href="../dong-nai/">&lt;D&gt;</a>'
        '|<a href="../https://example.org/">E</a>')


def test_a_preview_marks_links_to_pages_it_lacks() -> None:
    env = _env()
    show_marks(env, ["index.md", "ha-tinh/xa-b/index.md"])
    assert env.from_string(LINKS).render() == (
        '<a href="../ha-tinh/xa-b/">B</a>'
        f'|<a href="../dong-nai/" class="{LINK_OUT_CLASS}">&lt;D&gt;</a>{NOTE}'
        '|<a href="../https://example.org/">E</a>')


@pytest.mark.parametrize("template", ["year.html", "partials/locality-timeline.html",
                                      "partials/plan-tracking.html", "embed.html",
                                      "partials/timeline-svg.html", "opendata.html"])
def test_each_template_marks_the_links_of_its_view_data(template: str) -> None:
    # Every link written from view data with "| url" goes through the test: a template
    # that forgets it would leave a preview's link out unmarked.
    source = (OVERRIDES / template).read_text(encoding="utf-8")
    links = source.count(" | url }}\"{% if kh_preview and ")
    assert links >= 1
    assert source.count('{% include "partials/link-out.html" %}') == links


def test_the_note_atop_a_page_drawn_from_the_previewed_plans_only() -> None:
    note = _env().get_template("partials/preview-note.html")
    assert note.render() == ""
    assert note.render(kh_preview_note=False) == ""
    shown = note.render(kh_preview_note=True)
    assert shown.startswith(f'<p class="{PARTIAL_NOTE_CLASS}">Bản xem trước:')
