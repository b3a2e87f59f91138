"""One unit under the several names a plan gives it (kehoach/authoring/importer/unitmerge.py):
each rule, and that an uncertain case (two candidates) merges nothing."""

from __future__ import annotations

from kehoach.authoring.importer.unitmerge import name_key
from kehoach.authoring.importer.units import Units


def _merged(units: Units, *lists: str) -> list[list[str]]:
    """The id lists of ``lists`` once the plan's units are merged, and the units left."""
    data = {"activities": [{"lead": units.add_all(text)} for text in lists]}
    merged = units.merge(data)
    return [a["lead"] for a in merged["activities"]]


def _names(units: Units) -> list[str]:
    return [u["name"] for u in units.data()]


def test_spellings_of_one_name_are_one_unit() -> None:
    units = Units("district", "Đức Thọ", "huyện")
    first = units.add("Phòng Văn hóa và Thông tin")
    assert units.add("Phòng Văn hóa - Thông tin") == first
    assert units.add("các đơn vị có liên quan") == units.add("các đơn vị liên quan")
    assert name_key("Sở Văn hóa, Thể thao và Du lịch") == name_key(
        "Sở Văn hóa - Thể thao - Du lịch")
    assert _names(units) == ["Phòng Văn hóa và Thông tin", "Các đơn vị có liên quan"]


def test_youth_union_of_the_commune() -> None:
    units = Units("commune", "Thạch Hà", "xã")
    assert _merged(units, "Đoàn xã", "Đoàn Thanh niên, Công an xã") == [
        ["doan-thanh-nien-xa"], ["doan-thanh-nien-xa", "cong-an-xa-thach-ha"]]
    assert _names(units) == ["Đoàn Thanh niên xã", "Công an xã Thạch Hà"]


def test_where_it_works_is_the_same_unit_when_the_plan_names_it_bare() -> None:
    units = Units("province", "Vĩnh Long", "tỉnh")
    assert _merged(units, "các doanh nghiệp bưu chính, viễn thông trên địa bàn tỉnh",
                   "Đoàn thể các cấp; các doanh nghiệp bưu chính, viễn thông",
                   "các cơ quan thông tấn, báo chí trên địa bàn tỉnh") == [
        ["cac-doanh-nghiep-buu-chinh-vien-thong"], ["doan-the-cac-cap",
                                                    "cac-doanh-nghiep-buu-chinh-vien-thong"],
        ["cac-co-quan-thong-tan-bao-chi-tren-dia-ban-tinh"]]
    # written only with where it works: kept as written
    assert "Các cơ quan thông tấn, báo chí trên địa bàn tỉnh" in _names(units)


def test_a_group_written_short_is_the_group_the_plan_qualifies() -> None:
    units = Units("commune", "Xuân Lộc", "xã")
    assert _merged(units, "Phòng Văn hóa - Xã hội, các cơ quan, đơn vị và Ban Nhân dân các ấp",
                   "Các cơ quan, đơn vị thuộc UBND xã", "các ấp") == [
        ["phong-van-hoa-xa-hoi", "cac-co-quan-don-vi-thuoc-ubnd-xa", "ban-nhan-dan-cac-ap"],
        ["cac-co-quan-don-vi-thuoc-ubnd-xa"], ["ban-nhan-dan-cac-ap"]]


def test_a_short_group_with_two_qualified_candidates_stays() -> None:
    units = Units("commune", "Xuân Lộc", "xã")
    assert _merged(units, "các phòng", "Các phòng thuộc xã", "Các phòng cấp xã")[0] == [
        "cac-phong"]


def test_commune_level_bodies_and_the_catch_all() -> None:
    units = Units("province", "Vĩnh Long", "tỉnh")
    assert _merged(units, "Ủy ban nhân dân cấp xã", "Ủy ban nhân dân các xã, phường",
                   "các đơn vị có liên quan", "Các cơ quan, đơn vị liên quan") == [
        ["uy-ban-nhan-dan-cac-xa-phuong"], ["uy-ban-nhan-dan-cac-xa-phuong"],
        ["cac-co-quan-don-vi-lien-quan"], ["cac-co-quan-don-vi-lien-quan"]]
    assert _names(units) == ["Ủy ban nhân dân các xã, phường", "Các cơ quan, đơn vị liên quan"]


def test_teams_written_plural_and_singular() -> None:
    units = Units("commune", "Xuân Lộc", "xã")
    assert _merged(units, "các Tổ Công nghệ số cộng đồng", "Tổ Công nghệ số cộng đồng") == [
        ["to-cong-nghe-so-cong-dong"], ["to-cong-nghe-so-cong-dong"]]


def test_hamlets_without_their_committee_stay() -> None:
    units = Units("commune", "Thạch Hà", "xã")
    assert _merged(units, "các thôn") == [["cac-thon"]]


def test_a_block_keeps_the_name_it_was_written_with() -> None:
    units = Units("commune", "Xuân Lộc", "xã")
    units.add("Phòng Văn hóa và Thông tin")
    assert units.spelt_otherwise("Phòng Văn hóa - Thông tin")
    assert not units.spelt_otherwise("Phòng Văn hóa và Thông tin")
    assert not units.spelt_otherwise("UBND xã")  # an abbreviation, not another spelling
    before = dict(units.names)
    assert not units.spelt_otherwise("Phòng Kinh tế")  # not met: asked, not added
    assert units.names == before
    data = {"responsibilities": [{"units": units.add_all("Các cơ quan, đơn vị")},
                                 {"units": units.add_all("Các cơ quan, đơn vị thuộc UBND xã")}]}
    assert units.merge(data) == {"responsibilities": [
        {"units": ["cac-co-quan-don-vi-thuoc-ubnd-xa"], "heading": "Các cơ quan, đơn vị"},
        {"units": ["cac-co-quan-don-vi-thuoc-ubnd-xa"]}]}
