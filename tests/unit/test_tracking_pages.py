"""What the unit and locality pages show of the statuses, checked whole against the data of a
tree with reports (tests/trackingdata.py, at 15/11/2025): a unit's page gives the status of
every activity it leads, once; a province's page gives the progress of the plans of its
communes and former units, a commune's page that of its own plans (single values:
tests/unit/test_tracking.py; the pages as built: tests/site/test_tracking_site.py); the
"Đang diễn ra / Sắp tới" lists give each activity's status."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from kehoach.site.build import build_site
from kehoach.source.catalog import Catalog, load_catalog
from kehoach.tracking.tracker import Tracker, track
from tests.trackingdata import MOMENT, THACH_HA, tracked_plans


@pytest.fixture(scope="module")
def tracked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalog, Tracker, dict[str, Any]]:
    """(the catalog, its statuses computed by the core, every page's view data by src_uri)."""
    catalog = load_catalog(tracked_plans(tmp_path_factory.mktemp("tracked")))
    tracker = track([s.plan for s in catalog.plans], [r.report for r in catalog.reports], MOMENT)
    pages = build_site(catalog, moment=MOMENT).pages
    return catalog, tracker, {p.src_uri: (p.template, p.view()) for p in pages}


def _anchor(url: str) -> tuple[str, str]:
    """ "<plan url>#hd-<activity>" → (plan id, activity id)."""
    plan_url, _, activity = url.partition("#hd-")
    return plan_url.rstrip("/").rsplit("/", 1)[-1], activity


def test_a_unit_page_gives_the_status_of_every_activity_it_leads(
    tracked: tuple[Catalog, Tracker, dict[str, Any]]
) -> None:
    catalog, tracker, pages = tracked
    expected = Counter(
        (unit, s.plan.id, a.id, tracker.status(s.plan.id, a.id).label)
        for s in catalog.plans for a in s.plan.activities for unit in a.lead
    )
    shown: Counter[tuple[str, str, str, str]] = Counter()
    for uri, (template, view) in pages.items():
        if template != "unit.html":
            continue
        unit = uri.split("/don-vi/", 1)[1].split("/", 1)[0]
        for group in view["plans"]:
            for activity in group["lead"]:
                shown[(unit, *_anchor(activity["url"]), activity["status"]["label"])] += 1
    assert sum(expected.values()) > 50
    assert shown == expected
    labels = {label for _u, _p, _a, label in expected}
    assert {"hoàn thành", "không thực hiện", "đang thực hiện, quá hạn"} <= labels


def test_a_province_page_gives_the_progress_of_its_communes_plans(
    tracked: tuple[Catalog, Tracker, dict[str, Any]]
) -> None:
    _catalog, _tracker, pages = tracked
    _template, province = pages["ha-tinh/index.md"]
    listed = {p["id"]: p["progress"] for g in province["sub_plans"] for p in g["plans"]}
    assert set(listed) == {THACH_HA, "ha-tinh-duc-tho-2024-ngay-cds"}
    # Thạch Hà: 1 done (100), 1 at 40%, 4 at 0 (dropped, unreported): 140 / 6.
    assert listed[THACH_HA] == {
        "progress": "23,3%", "last_report": "05/11/2025",
        "summary": "1/6 đã hoàn thành, 3 quá hạn, 1 chưa có báo cáo, 1 không thực hiện"}
    assert listed["ha-tinh-duc-tho-2024-ngay-cds"]["last_report"] is None
    _template, commune = pages["ha-tinh/xa-thach-ha/index.md"]
    assert [p["progress"] for p in commune["plans"]] == [listed[THACH_HA]]



def test_the_agenda_lists_give_each_activity_its_status(
    tracked: tuple[Catalog, Tracker, dict[str, Any]]
) -> None:
    _catalog, tracker, pages = tracked
    items = [item for template, view in pages.values()
             if template in {"locality.html", "year.html"}
             for agenda in _agendas(view) for item in agenda["now"] + agenda["next"]]
    assert len(items) > 3
    for item in items:
        assert item["status"] == tracker.status(*_anchor(item["url"])).label, item


def _agendas(view: dict[str, Any]) -> list[dict[str, Any]]:
    timeline = view.get("timeline") or {}
    return [a for a in (view.get("agenda"), timeline.get("agenda")) if a]
