"""Implementation tracking in the core: the status rules (kehoach.tracking.status), roll-ups,
and the view data the plan, unit and locality pages get from a tree with reports. The golden
cases (tests/golden/cases/accepted-status-*) pin the same rules through validate.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kehoach.model.dates import PartialDate
from kehoach.model.plan import Activity, DocumentInfo, LocalityRef, Plan, When
from kehoach.model.report import ActivityUpdate, ProgressReport, ReportDocument
from kehoach.site.build import build_site
from kehoach.source.catalog import load_catalog
from kehoach.tracking.rollup import activities_rollup, percent, plans_rollup
from kehoach.tracking.status import Entry, activity_status, due_date
from kehoach.tracking.statuses import GROUPS, STATUSES, local_day
from kehoach.tracking.tracker import is_met, track
from tests.trackingdata import MOMENT, PROVINCE, THACH_HA, XUAN_LOC, tracked_plans

D = PartialDate.parse


def _plan(*activities: Activity, period: When | None = None) -> Plan:
    return Plan(id="p", document=DocumentInfo("Kế hoạch"), issuer="UBND", year=2025,
                locality=LocalityRef("42", "18562"), title="t", activities=activities,
                period=period)


def _activity(aid: str, end: str | None = None, ongoing: bool = False) -> Activity:
    return Activity(aid, aid, when=When(end=D(end) if end else None, ongoing=ongoing))


def _entry(day: str, status: str, aid: str = "a", completed: str | None = None,
           progress: float | None = None, rid: str | None = None) -> Entry:
    update = ActivityUpdate("p", aid, status, completed=D(completed) if completed else None,  # type: ignore[arg-type]
                            progress=progress)
    report = ProgressReport(rid or f"r-{day.replace('/', '-')}", ReportDocument("Báo cáo", D(day)),
                            "UBND", LocalityRef("42", "18562"), "t", (update,))
    return Entry(report, update)


def test_the_day_is_the_calendar_day_in_vietnam() -> None:
    assert local_day(dt.datetime(2025, 10, 31, 16, 59, 59, tzinfo=dt.UTC)) == dt.date(2025, 10, 31)
    assert local_day(dt.datetime(2025, 10, 31, 17, 0, tzinfo=dt.UTC)) == dt.date(2025, 11, 1)


def test_no_report_is_never_done_and_is_overdue_from_the_next_day() -> None:
    plan = _plan(_activity("a", "31/10/2025"))
    on_time = activity_status(plan, plan.activities[0], [], dt.date(2025, 10, 31))
    late = activity_status(plan, plan.activities[0], [], dt.date(2025, 11, 1))
    assert (on_time.label, late.label) == ("chưa có báo cáo", "quá hạn, chưa có báo cáo")


def test_an_ongoing_activity_is_never_overdue() -> None:
    plan = _plan(_activity("a", "31/10/2025", ongoing=True))
    status = activity_status(plan, plan.activities[0], [_entry("01/10/2025", "đang thực hiện")],
                             dt.date(2026, 6, 1))
    assert status.key == "in_progress" and status.due is None


def test_an_activity_without_end_takes_the_plans_period_end() -> None:
    plan = _plan(_activity("a"), period=When(end=D("11/2025")))
    assert due_date(plan, plan.activities[0]) == dt.date(2025, 11, 30)
    assert due_date(_plan(_activity("a")), _activity("a")) is None


def test_done_late_uses_the_completion_date_else_the_first_done_report() -> None:
    plan = _plan(_activity("a", "10/10/2025"))
    act = plan.activities[0]
    today = dt.date(2025, 12, 1)
    on_time = activity_status(plan, act, [_entry("05/11/2025", "hoàn thành",
                                                 completed="09/10/2025")], today)
    assert (on_time.key, on_time.completed) == ("done", dt.date(2025, 10, 9))
    run = [_entry("08/10/2025", "hoàn thành"), _entry("05/11/2025", "hoàn thành")]
    assert activity_status(plan, act, run, today).key == "done"
    broken = [_entry("08/10/2025", "hoàn thành"), _entry("09/10/2025", "tạm dừng"),
              _entry("05/11/2025", "hoàn thành")]
    assert activity_status(plan, act, broken, today).key == "done_late"


def test_reports_after_the_day_do_not_count_and_history_is_in_date_order() -> None:
    plan = _plan(_activity("a", "31/12/2025"))
    entries = [_entry("20/11/2025", "hoàn thành"), _entry("01/10/2025", "chưa bắt đầu"),
               _entry("20/10/2025", "đang thực hiện", progress=30)]
    status = activity_status(plan, plan.activities[0], entries, dt.date(2025, 11, 1))
    assert [e.day for e in status.history] == [dt.date(2025, 10, 1), dt.date(2025, 10, 20)]
    assert (status.key, status.progress) == ("in_progress", 30)


def test_rollups_weighted_unweighted_and_unknown_progress() -> None:
    plan = _plan(_activity("a", "31/12/2025"), _activity("b", "31/12/2025"),
                 _activity("c", "31/12/2025"))
    today = dt.date(2025, 11, 1)
    statuses = [activity_status(plan, plan.activities[0], [_entry("01/11/2025", "hoàn thành")],
                                today),
                activity_status(plan, plan.activities[1],
                                [_entry("01/11/2025", "đang thực hiện", "b")], today),
                activity_status(plan, plan.activities[2], [], today)]
    plain = activities_rollup(statuses)
    assert (plain.progress, plain.measured, plain.total) == (50.0, 2, 3)  # b's % is unknown
    weighted = activities_rollup(statuses, [3, 1, 1])
    assert weighted.weighted and weighted.progress == 75.0  # (3×100 + 1×0) / 4
    both = plans_rollup([plain, weighted])
    assert (both.progress, both.plans, both.total) == (62.5, 2, 6)
    assert percent(100 / 3) == "33,3%" and percent(None) == "–"


def test_every_status_belongs_to_a_coverage_group() -> None:
    assert {info.group for info in STATUSES.values()} == set(GROUPS)


@pytest.mark.parametrize(("comparator", "value", "met"), [
    ("more_than", 80.0, False), ("more_than", 80.5, True), ("at_least", 80.0, True),
    (None, 79.0, False), ("exactly", 100.0, False)])
def test_a_target_is_met_by_its_comparator(comparator: str | None, value: float,
                                           met: bool) -> None:
    from kehoach.model.plan import Target
    target = Target("t", 80.0 if comparator != "exactly" else 99.0, "%", comparator)  # type: ignore[arg-type]
    assert is_met(target, value) is met


@pytest.fixture(scope="module")
def site_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    plans = tracked_plans(tmp_path_factory.mktemp("tracked"))
    catalog = load_catalog(plans)
    assert len(catalog.reports) == 3
    data = build_site(catalog, moment=MOMENT)
    return {spec.src_uri: spec.view() for spec in data.pages}


def _plan_view(pages: dict[str, object], plan_id: str) -> dict:  # type: ignore[type-arg]
    found = [v for k, v in pages.items() if k.endswith(f"/{plan_id}/index.md")]
    assert len(found) == 1 and isinstance(found[0], dict), plan_id
    return found[0]


def test_the_plan_page_shows_statuses_history_and_targets(site_pages: dict[str, object]) -> None:
    view = _plan_view(site_pages, THACH_HA)
    tracking = {a["anchor"]: a["tracking"] for a in view["activities"]}
    assert tracking["hd-le-phat-dong-va-tap-huan"]["status"]["label"] == "hoàn thành"
    dropped = tracking["hd-phat-dong-cuoc-thi-hoat-dong-cong-dong"]
    assert dropped["status"]["label"] == "không thực hiện"
    assert dropped["history"][0]["reason"] == "Cuộc thi cấp tỉnh lùi sang năm 2026."
    campaign = tracking["hd-chien-dich-truyen-thong"]
    assert [h["date"] for h in campaign["history"]] == ["20/10/2025", "05/11/2025"]
    assert campaign["progress"] == "40%"
    assert view["tracking"]["as_of"] == "Tình hình tính đến ngày 15/11/2025"
    assert view["tracking"]["rollup"]["last_report"] == "05/11/2025"
    xuan_loc = _plan_view(site_pages, XUAN_LOC)
    by_anchor = {a["anchor"]: a["tracking"] for a in xuan_loc["activities"]}
    signatures = by_anchor["hd-pho-cap-chu-ky-so"]
    assert signatures["targets"] == [{
        "target": "Trong năm 2025, có 50% dân số trưởng thành có và dùng chữ ký số cá nhân",
        "goal": "ít nhất 50%", "achieved": "42,5%", "date": "31/10/2025",
        "date_iso": "2025-10-31", "source": "Công an xã", "verdict": "chưa đạt"}]


def test_the_parent_plan_lists_its_children_with_their_progress(
        site_pages: dict[str, object]) -> None:
    view = _plan_view(site_pages, PROVINCE)
    children = view["tracking"]["children"]
    assert [c["place"] for c in children] == ["Xã Thạch Hà"]
    # Thạch Hà: 6 activities, one done (100), one dropped (0), one at 40%, three not reported
    # (0, and overdue by 15/11): (100 + 0 + 40) / 6.
    assert children[0]["progress"] == "23,3%"
    assert view["tracking"]["children_rollup"]["progress"] == "23,3%"


def test_unit_and_locality_pages_show_statuses_and_progress(
        site_pages: dict[str, object]) -> None:
    commune = site_pages["ha-tinh/xa-thach-ha/index.md"]
    assert isinstance(commune, dict)
    assert commune["plans"][0]["progress"]["progress"] == "23,3%"
    assert commune["rollup"]["last_report"] == "05/11/2025"
    units = [v for k, v in site_pages.items() if k.startswith("ha-tinh/xa-thach-ha/don-vi/")]
    labels = {a["status"]["label"] for u in units if isinstance(u, dict)
              for g in u["plans"] for a in g["lead"]}
    assert {"hoàn thành", "không thực hiện", "quá hạn, chưa có báo cáo"} <= labels


def test_a_report_file_is_not_read_as_a_plan(tmp_path: Path) -> None:
    catalog = load_catalog(tracked_plans(tmp_path))
    assert not any("bao-cao" in s.path for s in catalog.plans)
    assert track([s.plan for s in catalog.plans], [r.report for r in catalog.reports],
                 MOMENT).status(THACH_HA, "chien-dich-truyen-thong").progress == 40


def test_feeds_calendars_timelines_and_open_data_carry_the_reports(tmp_path: Path) -> None:
    catalog = load_catalog(tracked_plans(tmp_path))
    data = build_site(catalog, moment=MOMENT)
    files = {f.uri: f.content for f in data.files}
    feed = files["ha-tinh/feed.xml"].decode("utf-8")
    assert "tag:kehoach.invalid,2025:bao-cao/thach-ha-2025-bao-cao-11" in feed
    assert "Báo cáo số 125/BC-UBND ngày 05/11/2025" in feed
    assert "bao-cao/xuan-loc" not in feed  # Đồng Nai's report is in Đồng Nai's feed
    ics = files[f"ha-tinh/xa-thach-ha/{THACH_HA}/lich.ics"].decode("utf-8").replace("\r\n ", "")
    assert "Tình trạng: không thực hiện (tính đến ngày 15/11/2025)" in ics
    updates = files["du-lieu/bao-cao.csv"].decode("utf-8-sig").splitlines()
    assert len(updates) == 1 + 5  # a row per activity update, oldest report first
    assert updates[1].startswith("thach-ha-2025-bao-cao-10,2025-10-20,")
    view = next(p.view() for p in data.pages if p.src_uri.endswith(f"/{THACH_HA}/index.md"))
    assert isinstance(view, dict)
    timeline = view["timeline"]
    assert timeline["status_of"]["phat-dong-cuoc-thi-hoat-dong-cong-dong"] == "dropped"
    assert {r["status"]["label"] for r in timeline["table"]} >= {"hoàn thành", "không thực hiện"}


def test_plan_pages_can_be_filtered_by_status_in_search(tmp_path: Path) -> None:
    from kehoach.search.text import filter_pairs

    data = build_site(load_catalog(tracked_plans(tmp_path)), moment=MOMENT)
    facets = {p.src_uri: p.facets for p in data.pages}
    thach_ha = next(f for k, f in facets.items() if k.endswith(f"/{THACH_HA}/index.md"))
    assert ("status", "Đã có báo cáo") in filter_pairs(thach_ha)
    assert ("status", "Có hoạt động quá hạn") in filter_pairs(thach_ha)
    # Its result says its progress: 1 done, 1 dropped, 2 unreported and 1 in progress past
    # their end, 1 ongoing unreported; (100 + 40) / 6.
    assert thach_ha["progress"] == ("tiến độ 23,3%: 1/6 đã hoàn thành, 3 quá hạn, "
                                    "1 chưa có báo cáo, 1 không thực hiện")
    assert "progress" not in dict(filter_pairs(thach_ha))  # shown, not a filter
    province = next(f for k, f in facets.items() if k.endswith(f"/{PROVINCE}/index.md"))
    assert ("status", "Chưa có báo cáo") in filter_pairs(province)
