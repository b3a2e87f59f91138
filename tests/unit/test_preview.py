"""kehoach/site/preview.py: the plans a preview reads, which of its pages are exact, the
marks on links to pages it lacks, the note on pages drawn from the previewed plans only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kehoach.site.build import build_site
from kehoach.site.pages.timeline_plan import build_moment
from kehoach.site.preview import (
    LINK_OUT_CLASS,
    LINK_OUT_NOTE,
    PARTIAL_NOTE,
    exact_pages,
    link_target,
    mark_links_out,
    note_partial,
    preview_catalog,
)
from tests.plansdirs import FIXTURE_PLANS


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    copy = tmp_path / "plans"
    shutil.copytree(FIXTURE_PLANS, copy)
    return copy


def test_a_commune_reads_its_plans_and_the_plans_they_implement(plans: Path) -> None:
    catalog, scope = preview_catalog(plans, plans / "ha-tinh" / "xa-thach-ha")
    paths = {Path(s.path).relative_to(plans).as_posix() for s in catalog.plans}
    assert "ha-tinh/xa-thach-ha/2025-ngay-chuyen-doi-so.yaml" in paths
    assert "ha-tinh/2025-ngay-chuyen-doi-so.yaml" in paths  # implemented by the commune's
    assert not any(p.startswith(("dong-nai/", "vinh-long/")) for p in paths)
    assert ("75", None) in scope.outside or any(p and p[0] == "75" for p in scope.outside)


def test_a_file_stands_for_its_folder(plans: Path) -> None:
    folder, _ = preview_catalog(plans, plans / "dong-nai" / "xa-xuan-loc")
    single, _ = preview_catalog(plans, plans / "dong-nai" / "xa-xuan-loc" /
                                "2025-ngay-chuyen-doi-so.yaml")
    assert [s.path for s in folder.plans] == [s.path for s in single.plans]


def test_exact_pages_are_those_of_localities_with_nothing_left_out(plans: Path) -> None:
    catalog, scope = preview_catalog(plans, plans / "dong-nai" / "xa-xuan-loc")
    site = build_site(catalog, moment=build_moment(1760054400))
    exact = exact_pages(site, catalog, scope)
    assert "dong-nai/xa-xuan-loc/index.md" in exact
    assert any(uri.startswith("dong-nai/xa-xuan-loc/don-vi/") for uri in exact)
    for partial in ("index.md", "van-ban/index.md", "tim-kiem/index.md"):
        assert partial not in exact
    whole, whole_scope = preview_catalog(plans, plans / "dong-nai")
    whole_site = build_site(whole, moment=build_moment(1760054400))
    whole_exact = exact_pages(whole_site, whole, whole_scope)
    assert "dong-nai/xa-xuan-loc/index.md" in whole_exact
    assert any(uri.startswith("dong-nai/don-vi/") for uri in whole_exact)
    # A province's page links to the coverage pages of every year of the whole site (here
    # also 2024, from Hà Tĩnh): only a preview holding every plan can make it exact.
    assert "dong-nai/index.md" not in whole_exact


PAGE = ('<body><article class="md-content__inner md-typeset">'
        '<a href="../xa-b/">B</a> <a class="kh-x" href="../../feed.xml">F</a>'
        ' <a href="https://example.org/">E</a> <a href="#top">T</a>'
        ' <a href="/kehoach/van-ban/">V</a></article></body>')


def test_links_to_what_the_preview_lacks_are_marked() -> None:
    present = {"ha-tinh/xa-b/"}.__contains__
    marked = mark_links_out(PAGE, "ha-tinh/xa-a/", present, "http://127.0.0.1/kehoach/")
    assert '<a href="../xa-b/">B</a> ' in marked  # in the preview: untouched
    assert f'<a class="{LINK_OUT_CLASS} kh-x" href="../../feed.xml">F</a>{LINK_OUT_NOTE}' in marked
    assert f'<a href="/kehoach/van-ban/" class="{LINK_OUT_CLASS}">V</a>{LINK_OUT_NOTE}' in marked
    assert '<a href="https://example.org/">E</a> <a href="#top">T</a>' in marked
    assert marked.count(LINK_OUT_NOTE) == 2


@pytest.mark.parametrize(("page", "href", "target"), [
    ("a/b/", "../c/", "a/c/"), ("a/b/", "lich.ics", "a/b/lich.ics"), ("a/b/", "../../", ""),
    ("", "van-ban/#x", "van-ban/"), ("a/", "mailto:x@y.vn", None), ("a/", "#top", None),
    ("a/", "http://127.0.0.1/kehoach/tim-kiem/?q=x", "tim-kiem/"),
])
def test_link_targets(page: str, href: str, target: str | None) -> None:
    assert link_target(page, href, "http://127.0.0.1/kehoach/") == target


def test_the_partial_note_goes_atop_the_content_or_the_body() -> None:
    assert f'md-typeset">{PARTIAL_NOTE}<a' in note_partial(PAGE)
    assert note_partial('<body class="e"><p>x</p></body>') == \
        f'<body class="e">{PARTIAL_NOTE}<p>x</p></body>'
