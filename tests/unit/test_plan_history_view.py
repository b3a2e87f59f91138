"""A plan's history as the plan page and the feeds get it (kehoach/site/pages/plan_history.py):
newest first, amendments counted apart from adding, moving or re-laying out the file, a long
commit cut, and the newest amendment in the plan's feed entry."""

from __future__ import annotations

import datetime as dt

from kehoach.site.index import build_index
from kehoach.site.options import SiteOptions
from kehoach.site.pages import plan_history as history
from kehoach.site.pages.feeds import plan_entry
from kehoach.source.catalog import load_catalog
from kehoach.source.plandiff import Change
from kehoach.source.revisions import Revision
from tests.plansdirs import FIXTURE_PLANS, ROOT

SOURCE = "/data/plans/xa-a.yaml"
CREATED = Revision(dt.date(2025, 10, 6), "a", (Change("created", "thêm kế hoạch vào dữ liệu"),))
DATES = "đổi thời gian hoạt động 1.1 từ 06/10–10/10/2025 thành 06/10–15/10/2025"
AMENDED = Revision(
    dt.date(2025, 10, 12),
    "b",
    (Change("activity_added", "thêm hoạt động 2.3 «Hội thi»"), Change("activity_changed", DATES)),
)
MOVED = Revision(dt.date(2025, 10, 20), "c", (Change("moved", "đổi tên, chuyển tệp từ a thành b"),))


def test_no_history_without_git() -> None:
    assert history.plan_history(SiteOptions(), SOURCE) is None
    assert history.amendment_summary(SiteOptions(), SOURCE) is None


def test_newest_first_and_amendments_counted() -> None:
    options = SiteOptions(history={SOURCE: (CREATED, AMENDED, MOVED)})
    view = history.plan_history(options, SOURCE)
    assert view is not None
    assert [e["date"] for e in view["entries"]] == ["20/10/2025", "12/10/2025", "06/10/2025"]
    assert view["entries"][1]["changes"] == [c.text for c in AMENDED.changes]
    assert view["amended"] == 1  # adding and moving the file do not amend the plan
    assert view["last_amended"] is not None
    assert view["last_amended"]["date_iso"] == "2025-10-12"


def test_a_plan_only_added_is_not_amended() -> None:
    view = history.plan_history(SiteOptions(history={SOURCE: (CREATED,)}), SOURCE)
    assert view is not None
    assert (view["amended"], view["last_amended"]) == (0, None)


def test_a_long_commit_is_cut() -> None:
    many = tuple(Change("field", f"sửa mục {n}") for n in range(history.CHANGES_SHOWN + 3))
    entry = history.history_entry(Revision(dt.date(2025, 11, 1), "d", many))
    assert len(entry["changes"]) == history.CHANGES_SHOWN
    assert entry["more"] == 3


def test_the_feed_entry_says_the_newest_amendment() -> None:
    catalog = load_catalog(FIXTURE_PLANS)
    index = build_index(catalog)
    source = next(s for s in catalog.plans if s.plan.id == "ha-tinh-2025-ngay-cds")
    path = str((ROOT / source.path).resolve())
    plain = plan_entry(index, source.plan.id, SiteOptions(), "feed.xml")
    options = SiteOptions(history={path: (CREATED, AMENDED)})
    entry = plan_entry(index, source.plan.id, options, "feed.xml")
    assert entry.summary == (
        f"{plain.summary} Sửa ngày 12/10/2025: thêm hoạt động 2.3 «Hội thi»; {DATES}."
    )
    moved_only = SiteOptions(history={path: (CREATED, MOVED)})
    assert plan_entry(index, source.plan.id, moved_only, "feed.xml").summary == plain.summary
