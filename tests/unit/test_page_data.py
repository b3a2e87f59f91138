"""The data behind the pages, computed from the fixture plans without building the site:
which plan is newest, how a widely cited document or used platform is split by province,
and the keys locality pages give the other partials (the pages: tests/site/test_pages.py)."""

from __future__ import annotations

import pytest

from kehoach.site.build import site_context
from kehoach.site.index import build_index
from kehoach.site.lookup import build_lookup, newest_first
from kehoach.site.options import SiteOptions
from kehoach.site.pages import documents, locality, resources
from kehoach.site.pages.timeline_plan import build_moment
from kehoach.source.catalog import load_catalog
from tests.plansdirs import FIXTURE_PLANS


def test_latest_plans_are_newest_first() -> None:
    index = build_index(load_catalog(FIXTURE_PLANS))
    order = newest_first(index, list(index.plans))
    assert order[0] == "ha-tinh-2025-ngay-cds"  # 06/10/2025 beats "tháng 10/2025" and "2025"
    assert order[-1] == "ha-tinh-duc-tho-2024-ngay-cds"


def test_a_widely_cited_document_is_split_by_province(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents, "SPLIT_AT", 2)
    lookup = build_lookup(build_index(load_catalog(FIXTURE_PLANS)))
    view = documents.DocumentsView(lookup)
    pages = view.doc_pages(lookup.documents["nq-57-nq-tw-2024"])
    assert [p.url for p in pages] == [
        "van-ban/nq-57-nq-tw-2024/", "van-ban/nq-57-nq-tw-2024/dong-nai/",
        "van-ban/nq-57-nq-tw-2024/ha-tinh/", "van-ban/nq-57-nq-tw-2024/vinh-long/",
    ]
    assert [p["count"] for p in pages[0].data["provinces"]] == [1, 2, 1]
    assert sum(len(p.data["citing"]) for p in pages[1:]) == 4


def test_a_widely_used_platform_is_split_by_province(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resources, "SPLIT_AT", 2)
    lookup = build_lookup(build_index(load_catalog(FIXTURE_PLANS)))
    view = resources.ResourcesView(lookup)
    pages = view.resource_pages(lookup.resources["vneid"])
    assert [p.url for p in pages][1:] == [
        "nen-tang/vneid/dong-nai/", "nen-tang/vneid/ha-tinh/", "nen-tang/vneid/vinh-long/"]
    assert sum(len(g["activities"]) for p in pages[1:] for g in p.data["uses"]) == 7


def test_locality_pages_expose_the_keys_other_partials_use() -> None:
    site = site_context(load_catalog(FIXTURE_PLANS), SiteOptions(), build_moment(None))
    pages = {p.url: p for p in locality.generate(site, []).pages}
    province = pages["ha-tinh/"].data
    assert province["locality"] == {"key": "42", "name": "Tỉnh Hà Tĩnh", "path": "ha-tinh",
                                    "level": "province", "province_code": "42",
                                    "url": "ha-tinh/"}
    assert set(province["plan_ids"]) == {"ha-tinh-2025-ngay-cds", "ha-tinh-thach-ha-2025-ngay-cds",
                                         "ha-tinh-duc-tho-2024-ngay-cds"}
    assert pages["ha-tinh/xa-thach-ha/"].data["plan_ids"] == ["ha-tinh-thach-ha-2025-ngay-cds"]
    assert all(p.facets.get("kind") for p in pages.values())
    assert pages["ha-tinh/"].facets["year"] == "2024, 2025"
