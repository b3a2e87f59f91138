"""The importer's small recognisers, one written form per case: time windows, unit lists,
cited documents, targets, headings misread by OCR, text without its diacritics."""

from __future__ import annotations

from typing import Any

import pytest

from kehoach.authoring.importer.activities import partners_in
from kehoach.authoring.importer.coverage import dropped
from kehoach.authoring.importer.references import mentions
from kehoach.authoring.importer.tail import recipients_of, signer_of
from kehoach.authoring.importer.targets import targets_of
from kehoach.authoring.importer.text import (
    Para,
    has_diacritics,
    paragraphs,
    roman_heading,
    sentences,
)
from kehoach.authoring.importer.timewin import parse_when
from kehoach.authoring.importer.units import Units, scope_of, split_units

WHEN = [
    ("Từ ngày 15/9/2024 đến ngày 31/10/2024.", {"start": "15/09/2024", "end": "31/10/2024"}),
    ("Bắt đầu từ ngày 10/10/2025 đến hết ngày 31/10/2025.",
     {"start": "10/10/2025", "end": "31/10/2025"}),
    ("06/10 - 10/10", {"start": "06/10/2025", "end": "10/10/2025"}),
    ("trong tháng 10/2025", {"start": "10/2025", "end": "10/2025"}),
    ("Từ tháng 10/2025.", {"start": "10/2025"}),
    ("Trong 11/2025", {"start": "11/2025", "end": "11/2025"}),
    ("Thường xuyên", {"ongoing": True}),
    ("trước ngày 05/11/2025", {"end": "05/11/2025"}),
    ("Ngày 10/10/2025.", {"start": "10/10/2025", "end": "10/10/2025"}),
    ("các tháng 9 đến hết tháng 10 năm 2024", {"start": "10/2024", "end": "10/2024"}),
    ("được tổ chức từ tháng 9 đến hết tháng 10 năm 2024.", {"start": "09/2024", "end": "10/2024"}),
    ("Từ ngày 30/8 đến ngày 10/10/2024, trong đó: cao điểm từ 01/10/2024-10/10/2024.",
     {"start": "30/08/2024", "end": "10/10/2024",
      "peaks": [{"start": "01/10/2024", "end": "10/10/2024"}]}),
    ("Thời gian thực hiện cao điểm từ ngày 10/10/2025 đến ngày 31/10/2025. Một số hoạt động "
     "kéo dài đến 31/12/2025.", {"start": "10/10/2025", "end": "31/12/2025",
                                 "peaks": [{"start": "10/10/2025", "end": "31/10/2025"}]}),
    ("Từ ngày 01/10/2025 đến ngày 01/11/2025 và thường xuyên.",
     {"start": "01/10/2025", "end": "01/11/2025", "ongoing": True}),
    ("truoc ngay 10/10/2025", {"end": "10/10/2025"}),
]


@pytest.mark.parametrize(("text", "expected"), WHEN, ids=[w[0][:40] for w in WHEN])
def test_time_windows(text: str, expected: dict[str, Any]) -> None:
    assert parse_when(text, 2025) == {"text": text, **expected}


def test_no_time_is_none() -> None:
    assert parse_when("Phòng Văn hóa - Xã hội", 2025) is None


UNITS = [
    ("Phòng Văn hóa - Xã hội, Công an xã và Đoàn Thanh niên",
     ["Phòng Văn hóa - Xã hội", "Công an xã", "Đoàn Thanh niên"]),
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Đảng ủy, HĐND, UBND xã", ["Đảng ủy xã", "HĐND xã", "UBND xã"]),
    ("Văn phòng HĐND và UBND huyện", ["Văn phòng HĐND và UBND huyện"]),
    ("Ủy ban nhân dân cấp xã bố trí trang thiết bị tại các Bộ phận một cửa…; Đoàn Thanh niên "
     "cử cán bộ", ["Ủy ban nhân dân cấp xã", "Đoàn Thanh niên"]),
    ("Đoàn Thanh niên, Công an, Viễn thông, Bưu điện,…Tổ chuyển đổi số cộng đồng",
     ["Đoàn Thanh niên", "Công an", "Viễn thông", "Bưu điện", "Tổ chuyển đổi số cộng đồng"]),
    # where the unit works stays in its name; Units merges it with the bare name if the plan
    # also writes that (tests/unit/test_import_units.py)
    ("các Tổ Công nghệ số cộng đồng trên địa bàn tỉnh",
     ["Các Tổ Công nghệ số cộng đồng trên địa bàn tỉnh"]),
    ("Ủy ban MTTQ Việt Nam xã, các tổ chức chính trị - xã hội xã",
     ["Ủy ban MTTQ Việt Nam xã", "Các tổ chức chính trị - xã hội xã"]),
]


@pytest.mark.parametrize(("text", "names"), UNITS, ids=[u[0][:40] for u in UNITS])
def test_unit_lists(text: str, names: list[str]) -> None:
    assert split_units(text) == names


def test_unit_ids_scope_and_place() -> None:
    units = Units("commune", "Thạch Hà", "xã")
    assert units.add_all("UBND xã, Sở Khoa học và Công nghệ") == [
        "uy-ban-nhan-dan-xa-thach-ha", "so-khoa-hoc-va-cong-nghe"]
    assert units.add("Ủy ban nhân dân xã") == "uy-ban-nhan-dan-xa-thach-ha"
    assert units.data() == [
        {"id": "uy-ban-nhan-dan-xa-thach-ha", "name": "Ủy ban nhân dân xã Thạch Hà"},
        {"id": "so-khoa-hoc-va-cong-nghe", "name": "Sở Khoa học và Công nghệ",
         "scope": "province"},
    ]
    assert scope_of("Bộ Khoa học và Công nghệ", "commune") == "national"
    assert scope_of("Các doanh nghiệp viễn thông", "province") == "other"
    assert scope_of("Sở Tài chính", "province") == "local"


def test_cited_documents() -> None:
    para = Para("Căn cứ Quyết định số 505/QĐ-TTg ngày 22 tháng 4 năm 2022 của Thủ tướng Chính "
                "phủ về Ngày Chuyển đổi số quốc gia; Chương trình hành động số 01-CTr/ĐU ngày "
                "21/8/2025 của Ban Thường vụ Đảng ủy về thực hiện Nghị quyết số 57-NQ/TW.", 3)
    found = mentions(para, "basis")
    assert [(c.doc_type, c.number, c.date, c.issuer) for c in found] == [
        ("Quyết định", "505/QĐ-TTg", "22/04/2022", "Thủ tướng Chính phủ"),
        ("Chương trình hành động", "01-CTr/ĐU", "21/08/2025", "Ban Thường vụ Đảng ủy"),
        ("Nghị quyết", "57-NQ/TW", None, None),
    ]
    assert found[0].title == "Về Ngày Chuyển đổi số quốc gia"
    assert found[0].registry_id(None) == "qd-505-qd-ttg-2022"
    assert found[1].registry_id("Thạch Hà") == "ctr-01-ctr-du-2025"


def test_targets_with_their_figures() -> None:
    text = "bảo đảm trên 80% hồ sơ được xử lý trực tuyến và ít nhất 50% người dân có tài khoản"
    assert targets_of(text) == [
        {"text": "trên 80% hồ sơ được xử lý trực tuyến", "value": 80, "unit": "%",
         "comparator": "more_than"},
        {"text": "ít nhất 50% người dân có tài khoản", "value": 50, "unit": "%",
         "comparator": "at_least"},
    ]
    assert targets_of("100% văn bản được ký số")[0]["value"] == 100


def test_headings_and_paragraphs() -> None:
    assert roman_heading("II. NỘI DUNG") == ("II", "NỘI DUNG")
    assert roman_heading("I1. NQI DUNG") == ("II", "NQI DUNG")
    assert roman_heading("111. TO CHUC THU'C HIEN") == ("III", "TO CHUC THU'C HIEN")
    assert roman_heading("11. Sở Tài chính") is None
    lines = ["2. Sở Văn hóa, Thể thao và Du lịch", "Theo chức năng nhiệm vụ chỉ đạo.",
             "a) Tổ chức các hoạt động tuyên truyền, phổ biến kiến thức hưởng ứng Ngày",
             "Chuyển đổi số quốc gia",
             "- Ban hành Quyết định số 505/QĐ-", "TTg của Thủ tướng."]
    assert [p.text for p in paragraphs(lines)] == [
        "2. Sở Văn hóa, Thể thao và Du lịch", "Theo chức năng nhiệm vụ chỉ đạo.",
        "a) Tổ chức các hoạt động tuyên truyền, phổ biến kiến thức hưởng ứng Ngày Chuyển đổi số "
        "quốc gia",
        "- Ban hành Quyết định số 505/QĐ-TTg của Thủ tướng."]


def test_text_without_diacritics_is_noticed() -> None:
    marked = "Nâng cao nhận thức cho cán bộ, công chức, viên chức về chuyển đổi số. " * 5
    bare = "Nang cao nhan thuc cho can bo, cong chuc, vien chuc ve chuyen doi so. " * 5
    assert has_diacritics(marked)
    assert not has_diacritics(bare)


def test_a_paragraph_the_draft_lacks_is_found() -> None:
    kept = Para("- Tổ chức tuyên truyền về Ngày Chuyển đổi số quốc gia trên hệ thống truyền "
                "thanh.", 4)
    lost = Para("Các thôn vận động nhân dân tham gia các lớp học kỹ năng số buổi tối.", 9)
    heading = Para("III. TỔ CHỨC THỰC HIỆN CỦA CÁC CƠ QUAN, ĐƠN VỊ", 12)
    label = Para("- Thời gian: Thường xuyên.", 14)
    data = {"activities": [{"title": "Tổ chức tuyên truyền về Ngày Chuyển đổi số quốc gia trên "
                                     "hệ thống truyền thanh.", "when": {"text": "Thường xuyên."}}]}
    assert dropped([kept, lost, heading, label], data) == [lost]


def test_recipients_and_signer() -> None:
    tail = [(1, "Nơi nhận: - Sở Khoa học và Công nghệ (b/c);"), (2, "- UBND các xã,"),
            (3, "thị trấn;"), (4, "- Lưu: VT."), (5, "TM. ỦY BAN NHÂN DÂN"), (6, "KT. CHỦ TỊCH"),
            (7, "PHÓ CHỦ TỊCH"), (8, "Hoàng Xuân Hùng")]
    assert recipients_of(tail[:4]) == ["Sở Khoa học và Công nghệ (b/c);",
                                       "UBND các xã, thị trấn;", "Lưu: VT."]
    assert signer_of(tail[4:]) == {"name": "Hoàng Xuân Hùng",
                                   "lines": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]}
    assert signer_of([(1, "KT. CHỦ TỊCH"), (2, "(Đã ký)")]) is None


def test_sentences_end_at_a_full_stop_or_an_open_list() -> None:
    text = ("Tổ chức các hoạt động như: mua sắm trực tuyến, … Cài đặt ứng dụng i-Speed. "
            "Ngày 10/10. Hướng dẫn người dân, Viễn thông, Bưu điện,…Tổ chuyển đổi số.")
    assert sentences(text) == [
        "Tổ chức các hoạt động như: mua sắm trực tuyến, …", "Cài đặt ứng dụng i-Speed.",
        "Ngày 10/10.", "Hướng dẫn người dân, Viễn thông, Bưu điện,…Tổ chuyển đổi số."]
    assert sentences("trong tháng 10/2025. và tiếp tục") == ["trong tháng 10/2025. và tiếp tục"]


PARTNERS = [
    ("Phòng Văn hóa - Xã hội chủ trì, phối hợp các Tổ Công nghệ số cộng đồng, các doanh nghiệp "
     "viễn thông cung cấp chữ ký số công cộng trên địa bàn xã, Bưu điện khu vực Xuân Lộc triển "
     "khai thực hiện.", "các Tổ Công nghệ số cộng đồng, các doanh nghiệp viễn thông, "
                        "Bưu điện khu vực Xuân Lộc"),
    # the list ends at the sentence's verb: what follows is another clause, not a partner
    ("Phòng Kinh tế chủ trì, phối hợp với Phòng Văn hóa - Xã hội tổ chức Hội nghị, Công an xã "
     "bảo đảm an ninh.", "Phòng Văn hóa - Xã hội"),
    ("Phòng Kinh tế chủ trì, phối hợp với Phòng Văn hóa - Xã hội triển khai kế hoạch, Công an xã "
     "bảo đảm an ninh.", "Phòng Văn hóa - Xã hội"),
]


@pytest.mark.parametrize(("sentence", "partners"), PARTNERS, ids=[p[1][:30] for p in PARTNERS])
def test_partners_in_a_sentence(sentence: str, partners: str) -> None:
    assert partners_in(sentence) == partners
