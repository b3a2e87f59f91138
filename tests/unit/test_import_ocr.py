"""Text that lost its marks in OCR: what the importer still reads for certain (the number with
its OCR'd "Số:" and slash; the issuer and the place once the locality is known), and what it
leaves as read."""

from __future__ import annotations

from kehoach.authoring.importer import import_document
from kehoach.authoring.importer.assemble import UNREAD_APPENDIX
from kehoach.authoring.importer.header import read_header
from kehoach.authoring.importer.known import load_known
from kehoach.authoring.importer.marks import issuer_with_marks, place_with_marks, unit_with_marks
from kehoach.authoring.importer.references import intro_references
from kehoach.authoring.importer.text import Para
from kehoach.authoring.importer.unitmerge import name_key
from kehoach.authoring.importer.units import Units, split_units
from kehoach.source.localities import Gazetteer
from tests.unit.importcases import FIXTURES

GAZETTEER = Gazetteer()


def test_ocr_number_line() -> None:
    header = read_header([(1, "UY BAN NHAN DAN"), (2, "TINH HA TINH"),
                          (3, "S6: 541 IKH-UBND Ha Tinh, ngay 06 thang 10 nam 2025"),
                          (4, "KE HOACH"), (5, "Trien khai cac hoat dong")])
    assert (header.number, header.place, header.date) == ("541/KH-UBND", "Ha Tinh", "06/10/2025")


def test_a_word_is_not_read_as_a_number() -> None:
    header = read_header([(1, "Sé: 12 Ihop, ngay 06 thang 10 nam 2025"), (2, "KE HOACH")])
    assert header.number is None


def test_issuer_and_place_get_their_marks_from_the_official_list() -> None:
    province = GAZETTEER.province("42")
    assert issuer_with_marks("Uy ban nhan dan tinh Ha Tinh", province) == (
        "Ủy ban nhân dân tỉnh Hà Tĩnh")
    assert issuer_with_marks("UY BAN NHAN DAN  tinh ha tinh", province) == (
        "Ủy ban nhân dân tỉnh Hà Tĩnh")
    assert place_with_marks("Ha Tinh", province, GAZETTEER) == "Hà Tĩnh"
    commune = GAZETTEER.commune("18562")
    assert issuer_with_marks("Uy ban nhan dan xa Thach Ha", commune) == (
        "Ủy ban nhân dân xã Thạch Hà")
    assert place_with_marks("Ha Tinh", commune, GAZETTEER) == "Hà Tĩnh"  # its province


def test_another_body_or_place_is_left_as_read() -> None:
    province = GAZETTEER.province("42")
    assert issuer_with_marks("So Khoa hoc va Cong nghe", province) == "So Khoa hoc va Cong nghe"
    assert issuer_with_marks("Uy ban nhan dan tinh Ha Nam", province) == (
        "Uy ban nhan dan tinh Ha Nam")
    assert place_with_marks("Thach Ha", province, GAZETTEER) == "Thach Ha"


def test_the_ocr_seed_is_reported_and_keeps_its_scrambled_appendix() -> None:


    seed = FIXTURES / "seeds" / "004_15447681b6af7543.txt"
    found = import_document(seed, load_known(None))
    assert "văn bản mất dấu tiếng Việt (bản OCR)" in found.review[0]
    data = found.data
    assert data["document"]["number"] == "541/KH-UBND"
    assert (data["issuer"], data["document"]["place"]) == ("Ủy ban nhân dân tỉnh Hà Tĩnh",
                                                           "Hà Tĩnh")
    unread = [s for s in data["sections"] if s["heading"] == UNREAD_APPENDIX]
    assert len(unread) == 1 and "05/10 -31/10" in unread[0]["body"]
    assert any("bảng phụ lục" in line for line in found.review)
    # the appendix no longer hides in the last recipient
    assert not any("05/10" in r or "Nhiém vu" in r for r in data["recipients"])


def test_cited_documents_as_ocr_reads_them() -> None:
    para = Para("Thyc hién Quyet dinh sé 2873/Qb-BKHCN ngay 24/9/2025 cua B Khoa hoc va Cong nghé "
                "vé viéc phé duyét Ké hoach trlen khai Quyet dinh so 505/Qb-TTg ngay 22/4/2022 "
                "cua Thu tuéng Chinh phu; Chuong trinh hanh dong s0 42-CTr/TU ngay 10/4/2025.", 7)
    found = intro_references([para])
    assert [(c.kind, c.doc_type, c.number, c.date) for c in found] == [
        ("implements", "Quyết định", "2873/QĐ-BKHCN", "24/09/2025"),
        ("cites", "Quyết định", "505/QĐ-TTg", "22/04/2022"),
        ("implements", "Chương trình hành động", "42-CTr/TU", "10/04/2025"),
    ]
    assert found[0].registry_id(None) == "qd-2873-qd-bkhcn-2025"


def test_marked_text_is_read_as_before() -> None:
    para = Para("Căn cứ Quyết định số 505/QĐ-TTg ngày 22/4/2022 của Thủ tướng Chính phủ.", 3)
    found = intro_references([para])
    assert [(c.kind, c.number, c.issuer) for c in found] == [
        ("basis", "505/QĐ-TTg", "Thủ tướng Chính phủ")]
    assert intro_references([Para("Thời gian: tháng 10/2025, Quyết định 12/QĐ-UBND.", 4)]) == []


def test_unit_names_get_their_marks_from_the_published_plans() -> None:
    known = {name_key(n): n for n in ("Sở Khoa học và Công nghệ", "Sở Tư pháp",
                                      "Ủy ban nhân dân các xã, phường")}
    assert unit_with_marks("S& Khoa hgc va Cong nghé", known) == "Sở Khoa học và Công nghệ"
    assert unit_with_marks("Uy ban nhin dén céac xi, phuong", known) == (
        "Ủy ban nhân dân các xã, phường")
    assert unit_with_marks("So Tai chinh", known) is None  # another department
    units = Units("province", "Hà Tĩnh", "tỉnh", known_names=known, marks_lost=True)
    assert units.add_all("S& Khoa hgc va Cong nghé; Cong an tinh; So Tai chinh") == [
        "so-khoa-hoc-va-cong-nghe", "cong-an-tinh", "so-tai-chinh"]
    assert units.restored == ["Sở Khoa học và Công nghệ"]


def test_unit_lists_without_marks() -> None:
    assert split_units("Cac so, ban, nganh cap tinh; Cong an tinh; Truong Dai hoc Ha Tinh",
                       marks_lost=True) == [
        "Cac so, ban, nganh cap tinh", "Cong an tinh", "Truong Dai hoc Ha Tinh"]
    # text with its marks is cut only at unit words written with their marks
    assert split_units("Sở Nội vụ, Vu Quang") == ["Sở Nội vụ, Vu Quang"]


def test_known_units_leave_out_the_answer() -> None:
    plans = FIXTURES.parent / "plans"
    answer = plans / "ha-tinh" / "2025-ngay-chuyen-doi-so.yaml"
    everything = load_known(plans)
    without = load_known(plans, leave_out=answer)
    assert "Ngân hàng Nhà nước khu vực 8" in everything.unit_names
    assert "Ngân hàng Nhà nước khu vực 8" not in without.unit_names
    assert "Sở Khoa học và Công nghệ" in without.unit_names
    assert len(without.plans) == len(everything.plans) - 1
