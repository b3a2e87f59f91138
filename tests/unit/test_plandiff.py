"""The field-level differ of two plan versions (kehoach.source.plandiff): one case per kind of
change, each with the exact Vietnamese words the plan page shows; plus the export data of a
fixture plan compared with itself and with a changed copy."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from kehoach.formats.export import plan_data
from kehoach.source.catalog import load_catalog
from kehoach.source.changewords import quote, span_text, when_text
from kehoach.source.plandiff import diff_plans
from tests.plansdirs import FIXTURE_PLANS

BASE = """
id: xa-a-2025
document: {number: 12/KH-UBND, type: Kế hoạch, date: "01/10/2025"}
issuer: Ủy ban nhân dân xã A
locality: {province: "42", commune: "18562"}
year: "2025"
title: Ngày Chuyển đổi số
units:
  - {id: vhxh, name: Phòng Văn hóa - Xã hội}
  - {id: cong-an, name: Công an xã}
activities:
  - id: tuyen-truyen
    label: "1.1"
    title: Tuyên truyền
    lead: [vhxh]
    when: {start: "06/10/2025", end: "10/10/2025"}
    targets:
      - {text: Trên 80% hồ sơ trực tuyến, value: "80", unit: "%", comparator: more_than}
  - id: le-mit-tinh
    label: "2"
    title: Lễ mít tinh
    when: {start: "10/10/2025", end: "10/10/2025"}
"""

Edit = Callable[[dict[str, Any]], None]


def _activity(plan: dict[str, Any], index: int) -> dict[str, Any]:
    found: dict[str, Any] = plan["activities"][index]
    return found


def _set(index: int, key: str, value: Any) -> Edit:
    return lambda plan: _activity(plan, index).__setitem__(key, value)


CASES: dict[str, tuple[Edit, list[str]]] = {
    "activity added": (
        lambda p: p["activities"].append({"id": "hoi-thi", "label": "2.3", "title": "Hội thi"}),
        ["thêm hoạt động 2.3 «Hội thi»"],
    ),
    "activity removed": (
        lambda p: p["activities"].pop(1),
        ["bỏ hoạt động 2 «Lễ mít tinh»"],
    ),
    "activity without a label": (
        lambda p: p["activities"].append({"id": "x", "title": "Hội thảo"}),
        ["thêm hoạt động «Hội thảo»"],
    ),
    "activity dates": (
        _set(0, "when", {"start": "06/10/2025", "end": "15/10/2025"}),
        ["đổi thời gian hoạt động 1.1 từ 06/10–10/10/2025 thành 06/10–15/10/2025"],
    ),
    "activity becomes ongoing": (
        _set(1, "when", {"ongoing": "true"}),
        ["đổi thời gian hoạt động 2 từ 10/10/2025 thành thường xuyên"],
    ),
    "time rewritten, same window": (
        _set(1, "when", {"text": "Ngày 10/10", "start": "10/10/2025", "end": "10/10/2025"}),
        ["sửa cách ghi thời gian hoạt động 2"],
    ),
    "lead unit": (
        _set(0, "lead", ["cong-an"]),
        ["đổi đơn vị chủ trì hoạt động 1.1 từ «Phòng Văn hóa - Xã hội» thành «Công an xã»"],
    ),
    "partners added": (
        _set(1, "partners", ["vhxh", "cong-an"]),
        ["thêm đơn vị phối hợp hoạt động 2: «Phòng Văn hóa - Xã hội, Công an xã»"],
    ),
    "activity title": (
        _set(1, "title", "Lễ phát động"),
        ["đổi tên hoạt động 2 từ «Lễ mít tinh» thành «Lễ phát động»"],
    ),
    "activity number": (
        _set(1, "label", "3"),
        ["đổi số thứ tự hoạt động «Lễ mít tinh» từ «2» thành «3»"],
    ),
    "activity description": (
        _set(1, "description", "Đoạn một.\n\nĐoạn hai, dài hơn.\n"),
        ["thêm nội dung hoạt động 2"],
    ),
    "activities reordered": (
        lambda p: p["activities"].reverse(),
        ["đổi thứ tự các hoạt động"],
    ),
    "target measure": (
        lambda p: _activity(p, 0)["targets"][0].update(value="90", deadline="31/12/2025"),
        [
            "đổi mức chỉ tiêu «Trên 80% hồ sơ trực tuyến» của hoạt động 1.1 từ trên 80% "
            "thành trên 90% (thời hạn 31/12/2025)"
        ],
    ),
    "target reworded": (
        lambda p: _activity(p, 0)["targets"][0].update(text="Trên 90% hồ sơ trực tuyến"),
        [
            "đổi chỉ tiêu hoạt động 1.1 từ «Trên 80% hồ sơ trực tuyến» "
            "thành «Trên 90% hồ sơ trực tuyến»"
        ],
    ),
    "target added": (
        _set(1, "targets", [{"text": "500 người tham dự"}]),
        ["thêm chỉ tiêu «500 người tham dự» vào hoạt động 2"],
    ),
    "header field": (
        lambda p: p.update(title="Ngày Chuyển đổi số quốc gia"),
        ["đổi tên kế hoạch từ «Ngày Chuyển đổi số» thành «Ngày Chuyển đổi số quốc gia»"],
    ),
    "document number and date": (
        lambda p: p["document"].update(number="15/KH-UBND", date="02/10/2025"),
        [
            "đổi số hiệu từ «12/KH-UBND» thành «15/KH-UBND»",
            "đổi ngày ban hành từ «01/10/2025» thành «02/10/2025»",
        ],
    ),
    "header field added": (
        lambda p: p.update(theme="Gần dân hơn"),
        ["thêm chủ đề: «Gần dân hơn»"],
    ),
    "long header text": (
        lambda p: p.update(intro="Căn cứ …\n\nỦy ban nhân dân xã ban hành kế hoạch như sau:\n"),
        ["thêm phần mở đầu"],
    ),
    "field unknown to today's schema": (
        lambda p: p.update(ghi_chu_cu="x"),
        ["thêm ghi_chu_cu: «x»"],
    ),
    "unit renamed": (
        lambda p: p["units"][1].update(name="Công an xã A"),
        ["đổi tên đơn vị «Công an xã» thành «Công an xã A»"],
    ),
    "unit removed": (
        lambda p: p["units"].pop(1),
        ["bỏ đơn vị «Công an xã»"],
    ),
    "header field removed": (
        lambda p: p["document"].pop("date"),
        ["bỏ ngày ban hành (trước là «01/10/2025»)"],
    ),
    "plan period": (
        lambda p: p.update(period={"start": "01/10/2025", "end": "31/10/2025"}),
        ["đổi thời gian tổ chức từ (không ghi) thành 01/10–31/10/2025"],
    ),
    "layout only": (lambda p: None, ["sửa cách viết tệp, nội dung không đổi"]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_each_kind_of_change_has_its_words(name: str) -> None:
    edit, expected = CASES[name]
    old = yaml.safe_load(BASE)
    new = copy.deepcopy(old)
    edit(new)
    assert [c.text for c in diff_plans(old, new)] == expected


def test_unit_added_with_its_activity_lead() -> None:
    old = yaml.safe_load(BASE)
    new = copy.deepcopy(old)
    new["units"].append({"id": "doan", "name": "Đoàn Thanh niên"})
    _activity(new, 1)["lead"] = ["doan"]
    changes = diff_plans(old, new)
    assert [(c.kind, c.text) for c in changes] == [
        ("unit_added", "thêm đơn vị «Đoàn Thanh niên»"),
        ("activity_changed", "thêm đơn vị chủ trì hoạt động 2: «Đoàn Thanh niên»"),
    ]


def test_old_versions_of_another_shape_are_compared_not_refused() -> None:
    """An old version whose activities are not a list (or lack ids) is still compared."""
    old = {"title": "A", "activities": "xem phụ lục", "units": None}
    new = yaml.safe_load(BASE)
    texts = [c.text for c in diff_plans(old, new)]
    assert "thêm hoạt động 1.1 «Tuyên truyền»" in texts
    assert "thêm hoạt động 2 «Lễ mít tinh»" in texts
    no_ids = {"activities": [{"title": "Tuyên truyền"}, {"title": "Lễ"}]}
    assert [c.text for c in diff_plans(no_ids, {"activities": [{"title": "Tuyên truyền"}]})] == [
        "bỏ hoạt động «Lễ»"
    ]


def test_export_data_of_a_fixture_plan() -> None:
    """The differ reads export data (kehoach.formats.export) as it reads a YAML file."""
    catalog = load_catalog(FIXTURE_PLANS)
    plan = catalog.plans[0].plan
    old = plan_data(plan)
    assert [c.kind for c in diff_plans(old, copy.deepcopy(old))] == ["layout"]
    new = copy.deepcopy(old)
    removed = new["activities"].pop()
    assert [c.kind for c in diff_plans(old, new)] == ["activity_removed"]
    assert removed["title"][:20] in diff_plans(old, new)[0].text


def test_short_forms() -> None:
    assert span_text("06/10/2025", "15/10/2025") == "06/10–15/10/2025"
    assert span_text("10/2025", "12/2025") == "10–12/2025"
    assert span_text("2025", "2026") == "2025–2026"
    assert span_text("30/12/2025", "02/01/2026") == "30/12/2025–02/01/2026"
    assert when_text({"start": "01/10/2025"}) == "từ 01/10/2025"
    assert when_text({"text": "Tháng 10"}) == "«Tháng 10»"
    assert when_text(None) == "(không ghi)"
    assert quote("a " * 60) == "«" + ("a " * 40).strip() + "…»"
