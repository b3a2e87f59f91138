"""Phrase ranking on a small site built for it (two plans of one commune, from the frozen
Thạch Hà plan): the reader's words side by side, in order, rank above the same words
scattered over a page, even in its headings; in quotes they are required. The neighbour masks
behind it: kehoach/search/text.py (neighbor_masks), tests/js/search-engine.test.mjs."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
import yaml

from tests.sitetools import FIXTURE_PLANS, build_site, serve

SOURCE = FIXTURE_PLANS / "ha-tinh/xa-thach-ha/2025-ngay-chuyen-doi-so.yaml"
# Plan id → its one activity: (id, title, description).
PLANS = {
    "ha-tinh-thach-ha-2025-ngay-cds": (
        "xanh-hoa", "Xanh hóa trạm y tế xã", "Lắp bộ sạc pin cho thiết bị của trạm."),
    "ha-tinh-thach-ha-2025-tram-sac": (
        "tram-sac", "Hội nghị triển khai", "Lắp đặt trạm sạc xanh tại trụ sở xã."),
    # "robot giao" and "giao hàng", never "robot giao hàng": the neighbour masks take it for
    # that phrase; the page's text (its parts) says it is not there.
    "ha-tinh-thach-ha-2025-robot": (
        "robot", "Thử robot giao thư", "Giao hàng tận nơi cho người cao tuổi."),
}
SCATTERED, SIDE_BY_SIDE, APART = (f"ha-tinh/xa-thach-ha/{plan}/" for plan in PLANS)


@pytest.fixture(scope="module")
def phrase_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("phrases")
    plans = work / "plans"
    shutil.copytree(FIXTURE_PLANS / "registry", plans / "registry")
    base = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    for plan_id, (activity, title, description) in PLANS.items():
        data = {key: value for key, value in base.items() if key not in ("appendix", "references")}
        data["id"] = plan_id
        data["activities"] = [{"id": activity, "title": title, "description": description}]
        target = plans / "ha-tinh/xa-thach-ha" / f"{plan_id}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    build_site(work / "site", plans_dir=plans)
    return work / "site"


def _results(page: Any, base: str, query: str) -> list[str]:
    from playwright.sync_api import expect

    page.goto(f"{base}tim-kiem/?{urlencode({'q': query})}")
    expect(page.locator("#kh-search-status")).not_to_have_text("", timeout=30000)
    links = page.eval_on_selector_all(".kh-result-title a", "as => as.map(a => a.href)")
    return [link.removeprefix(base) for link in links]


@pytest.mark.browser
def test_words_side_by_side_rank_above_the_same_words_in_headings(
    browser: Any, phrase_site: Path
) -> None:
    with serve(phrase_site, sub_path=True) as base:
        tab = browser.new_page()
        assert _results(tab, base, "tram sac xanh")[:2] == [SIDE_BY_SIDE, SCATTERED]
        # Out of order, neither is side by side: the headings weigh more.
        assert _results(tab, base, "xanh tram sac")[:2] == [SCATTERED, SIDE_BY_SIDE]
        # In quotes, the phrase is required; beside a quoted phrase other words need not be.
        assert _results(tab, base, '"tram sac xanh"') == [SIDE_BY_SIDE]
        assert _results(tab, base, '"xanh tram"') == []
        assert set(_results(tab, base, '"tram sac" xanh')) == {SIDE_BY_SIDE}
        assert set(_results(tab, base, '"sac" xanh tram')) == {SIDE_BY_SIDE, SCATTERED}
        # Its passage and the link to the activity, the words as the page spells them.
        _results(tab, base, "tram sac xanh")
        first = tab.locator(".kh-result").first
        assert first.locator(".kh-result-parts a").first.get_attribute("href").endswith(
            f"{SIDE_BY_SIDE}#hd-tram-sac")
        assert first.locator(":scope > .kh-result-text mark").all_inner_texts() == [
            "trạm", "sạc", "xanh"]
        tab.close()


@pytest.mark.browser
def test_a_quoted_phrase_the_masks_take_for_one_is_checked_in_the_page_text(
    browser: Any, phrase_site: Path
) -> None:
    with serve(phrase_site, sub_path=True) as base:
        tab = browser.new_page()
        assert _results(tab, base, "robot giao hang") == [APART]
        assert _results(tab, base, '"robot giao hang"') == []
        assert "Không tìm thấy" in tab.locator("#kh-search-status").inner_text()
        assert _results(tab, base, '"robot giao" "giao hang"') == [APART]
        tab.close()
