"""The embed page's data ("<locality>/nhung/"), from the fixture plans without building the
site: the current plan of a place is its newest own plan, or the newest inside it; each
activity carries its status under the as-of line (the built pages: tests/site/test_embed.py,
tests/site/test_tracking_site.py)."""

from __future__ import annotations

from pathlib import Path

from kehoach.site.index import build_index
from kehoach.site.pages.embed import EmbedView
from kehoach.site.views.embed import EmbedPage
from kehoach.source.catalog import load_catalog
from kehoach.tracking.tracker import track
from tests.plansdirs import FIXTURE_PLANS
from tests.trackingdata import MOMENT, tracked_plans


def _embed_pages(plans_dir: Path) -> dict[str, EmbedPage]:
    catalog = load_catalog(plans_dir)
    tracker = track([s.plan for s in catalog.plans], [r.report for r in catalog.reports], MOMENT)
    return {p.src_uri: p.data for p in EmbedView(build_index(catalog), tracker).pages()}


def test_the_current_plan_is_the_newest_of_the_place() -> None:
    pages = _embed_pages(FIXTURE_PLANS)
    ha_tinh = pages["ha-tinh/nhung/index.md"]
    assert ha_tinh["plan"]["url"] == "ha-tinh/ha-tinh-2025-ngay-cds/"  # its own, not a commune's
    assert ha_tinh["plan"]["elsewhere"] is None
    assert {o["url"] for o in ha_tinh["others"]} == {
        "ha-tinh/xa-thach-ha/ha-tinh-thach-ha-2025-ngay-cds/",
        "ha-tinh/huyen-duc-tho/ha-tinh-duc-tho-2024-ngay-cds/",
    }
    dong_nai = pages["dong-nai/nhung/index.md"]  # no plan of its own: the newest inside it
    assert dong_nai["plan"]["elsewhere"] == "Xã Xuân Lộc"
    assert pages["ha-tinh/huyen-duc-tho/nhung/index.md"]["plan"]["year"] == 2024


def test_each_activity_says_its_status_as_of_the_build_day(tmp_path: Path) -> None:
    thach_ha = _embed_pages(tracked_plans(tmp_path))["ha-tinh/xa-thach-ha/nhung/index.md"]
    assert thach_ha["as_of"] == "Tình hình tính đến ngày 15/11/2025"
    statuses = {a["url"].rsplit("#hd-", 1)[1]: a["status"]["label"] for a in thach_ha["activities"]}
    # The latest report of each (tests/trackingdata.py), else the dates: ended 20/10 and still
    # in progress is late; no report after its end is overdue; an ongoing one never is.
    assert statuses == {
        "le-phat-dong-va-tap-huan": "hoàn thành",
        "tap-huan-nen-tang-so-ky-nang-so-an-toan-thong-tin": "quá hạn, chưa có báo cáo",
        "chien-dich-truyen-thong": "đang thực hiện, quá hạn",
        "phat-dong-cuoc-thi-hoat-dong-cong-dong": "không thực hiện",
        "chien-dich-ra-quan-dong-loat": "quá hạn, chưa có báo cáo",
        "ngay-hoi-toan-dan-hoc-tap-so": "chưa có báo cáo",
    }
