"""The embed page's data ("<locality>/nhung/"), from the fixture plans without building the
site: the current plan of a place is its newest own plan, or the newest inside it (the built
pages: tests/site/test_embed.py)."""

from __future__ import annotations

from kehoach.site.index import build_index
from kehoach.site.pages.embed import EmbedView
from kehoach.source.catalog import load_catalog
from tests.plansdirs import FIXTURE_PLANS


def test_the_current_plan_is_the_newest_of_the_place() -> None:
    index = build_index(load_catalog(FIXTURE_PLANS))
    pages = {p.src_uri: p.data for p in EmbedView(index).pages()}
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
