"""kehoach/site/preview.py: the plans a preview reads, which of its pages are exact, which
links lead to pages it lacks (the templates mark them: tests/unit/test_preview_marks.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kehoach.site.build import build_site
from kehoach.site.pages.timeline_plan import build_moment
from kehoach.site.preview import (
    exact_pages,
    is_absent,
    link_target,
    own_provinces,
    present_urls,
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


@pytest.mark.parametrize(("page", "href", "target"), [
    ("a/b/", "../c/", "a/c/"), ("a/b/", "lich.ics", "a/b/lich.ics"), ("a/b/", "../../", ""),
    ("", "van-ban/#x", "van-ban/"), ("a/", "mailto:x@y.vn", None), ("a/", "#top", None),
    ("a/", "http://127.0.0.1/kehoach/tim-kiem/?q=x", "tim-kiem/"),
])
def test_link_targets(page: str, href: str, target: str | None) -> None:
    assert link_target(page, href, "http://127.0.0.1/kehoach/") == target


def test_the_paths_a_preview_holds() -> None:
    present = present_urls(["index.md", "ha-tinh/index.md", "huong-dan.md", "xindex.md",
                            "ha-tinh/feed.xml", "assets/kehoach.css"])
    assert present == {"", "ha-tinh/", "huong-dan/", "xindex/", "ha-tinh/feed.xml",
                       "assets/kehoach.css"}


@pytest.mark.parametrize(("href", "absent"), [
    ("ha-tinh/", False), ("ha-tinh/#don-vi", False), ("", False), ("ha-tinh/feed.xml", False),
    ("dong-nai/", True), ("ha-tinh/xa-b/?q=1", True), ("dong-nai/feed.xml", True),
    ("https://example.org/", False), ("#top", False), ("mailto:x@y.vn", False),
])
def test_a_link_is_absent_when_the_preview_lacks_its_page(href: str, absent: bool) -> None:
    present = present_urls(["index.md", "ha-tinh/index.md", "ha-tinh/feed.xml"])
    assert is_absent(href, present) is absent


def test_a_preview_leaves_out_the_provinces_it_holds_no_plan_of(plans: Path) -> None:
    catalog, _scope = preview_catalog(plans, plans / "dong-nai" / "xa-xuan-loc")
    whole = build_site(catalog, moment=build_moment(1760054400))
    kept = own_provinces(whole, catalog)
    assert any(p.src_uri.startswith("ha-tinh/") for p in whole.pages)  # coverage pages
    uris = [p.src_uri for p in kept.pages] + [f.uri for f in kept.files]
    assert not any(uri.startswith(("ha-tinh/", "vinh-long/", "ha-noi/")) for uri in uris)
    assert "dong-nai/index.md" in uris and "dong-nai/xa-xuan-loc/index.md" in uris
    assert "index.md" in uris and "tim-kiem/index.md" in uris  # national pages stay
    left_out = {p.src_uri for p in whole.pages} - {p.src_uri for p in kept.pages}
    assert left_out and all(not uri.startswith("dong-nai/") for uri in left_out)
