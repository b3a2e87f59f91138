"""The seed plans as the seeds describe them, read from their frozen copy tests/fixtures/plans
(the live plans/ may change with every pull request: tests/data/ holds its generic rules)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kehoach.model.dates import PartialDate
from kehoach.model.plan import Plan
from kehoach.source.catalog import Catalog, load_catalog, plan_files
from kehoach.source.schema import PLAN_SCHEMA, iter_schema_values
from kehoach.source.yamlread.load import load_file
from tests.plansdirs import FIXTURE_PLANS

PLANS = FIXTURE_PLANS


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(PLANS)


def _plan(catalog: Catalog, plan_id: str) -> Plan:
    return next(s.plan for s in catalog.plans if s.plan.id == plan_id)


def test_there_are_data_files() -> None:
    registry, plans = plan_files(PLANS)
    assert len(registry + plans) >= 6


# --- the five seed plans ------------------------------------------------------------------


def test_five_seed_plans(catalog: Catalog) -> None:
    assert sorted(s.plan.id for s in catalog.plans) == [
        "dong-nai-xuan-loc-2025-ngay-cds",
        "ha-tinh-2025-ngay-cds",
        "ha-tinh-duc-tho-2024-ngay-cds",
        "ha-tinh-thach-ha-2025-ngay-cds",
        "vinh-long-2025-ngay-cds",
    ]


def test_ha_tinh_541(catalog: Catalog) -> None:
    plan = _plan(catalog, "ha-tinh-2025-ngay-cds")
    assert plan.document.number == "541/KH-UBND"
    assert plan.document.date == PartialDate(2025, 10, 6)
    assert plan.locality.province == "42" and plan.locality.commune is None
    assert catalog.locality_of(plan).name == "Tỉnh Hà Tĩnh"
    rows = sorted(a.appendix.row for a in plan.activities if a.appendix)
    assert rows == list(range(1, 11))


def test_thach_ha_implements_541(catalog: Catalog) -> None:
    plan = _plan(catalog, "ha-tinh-thach-ha-2025-ngay-cds")
    assert ("implements", "ha-tinh-2025-ngay-cds") in [(r.kind, r.plan) for r in plan.references]
    assert catalog.locality_of(plan).key == "42/18562"
    assert catalog.locality_of(plan).name == "Xã Thạch Hà"
    assert len([a for a in plan.activities if a.appendix]) == 6
    assert plan.signer is not None and plan.signer.name == "Nguyễn Văn Sáu"


def test_duc_tho_is_a_former_district(catalog: Catalog) -> None:
    plan = _plan(catalog, "ha-tinh-duc-tho-2024-ngay-cds")
    locality = catalog.locality_of(plan)
    assert plan.year == 2024 and plan.locality.former_unit == "huyen-duc-tho"
    assert locality.level == "district" and locality.former is not None
    assert locality.former.until == PartialDate(2025, 6, 30)
    assert plan.slogans and plan.footnotes
    assert ("implements", "kh-388-kh-ubnd-ha-tinh-2024") in [
        (r.kind, r.document) for r in plan.references
    ]


def test_xuan_loc_dong_nai(catalog: Catalog) -> None:
    plan = _plan(catalog, "dong-nai-xuan-loc-2025-ngay-cds")
    locality = catalog.locality_of(plan)
    assert plan.locality.commune == "26425" and plan.locality.province == "75"
    assert locality.name == "Xã Xuân Lộc" and locality.path.startswith("dong-nai/")
    assert catalog.gazetteer.province("75").short_name == "Đồng Nai"
    agendas = [a for a in plan.activities if [i.title for i in a.items] == ["Phần 1", "Phần 2"]]
    assert len(agendas) == 1 and all(part.items for part in agendas[0].items)
    values = {t.value for a in plan.activities for t in a.targets}
    assert {100.0, 50.0, 70.0} <= values


def test_vinh_long_report_deadline(catalog: Catalog) -> None:
    plan = _plan(catalog, "vinh-long-2025-ngay-cds")
    assert plan.locality.province == "86" and plan.locality.commune is None
    assert PartialDate(2025, 11, 5) in [r.deadline for r in plan.reporting]
    assert {"qd-505-qd-ttg-2022", "qd-2873-qd-bkhcn-2025"} <= {
        r.document for r in plan.references if r.kind == "basis"
    }


def test_hatiplaza_is_kept_as_http(catalog: Catalog) -> None:
    resource = next(r for r in catalog.registry.resources if r.id == "hatiplaza-com")
    assert resource.url == "http://hatiplaza.com/" and resource.insecure
    plan = _plan(catalog, "ha-tinh-2025-ngay-cds")
    assert "http://hatiplaza.com/" in " ".join(a.title for a in plan.activities)
    assert any("hatiplaza-com" in a.resources for a in plan.activities)


# --- 541/KH-UBND: diacritics restored from the OCR ------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
# Forms the OCR of the scan produced (diacritics lost); none may survive in the published text.
_OCR_FORMS = (
    "Chuyen doi so", "chuyen doi", "nhan dan", "Ke hoach", "thuc hien", "trien khai", "Uy ban",
    "dia ban", "hoat dong", "Khoa hoc", "cong nghe", "quoc gia", "Ngay Chuyen",
)


def _texts(path: Path) -> list[str]:
    """Every free-text value of a plan (no ids, codes or dates: those have a pattern)."""
    doc, problems = load_file(path)
    assert doc is not None, problems
    return [
        value
        for _path, value, node in iter_schema_values(PLAN_SCHEMA, doc.data)
        if isinstance(value, str) and "pattern" not in node
    ]


def _accented_share(text: str) -> tuple[float, int]:
    words = _WORD.findall(re.sub(r"https?://\S+", "", text))
    accented = sum(1 for w in words if not w.isascii())
    return (accented / len(words) if words else 1.0), len(words)


def test_541_has_no_ocr_leftovers() -> None:
    texts = _texts(PLANS / "ha-tinh" / "2025-ngay-chuyen-doi-so.yaml")
    whole = "\n".join(texts)
    for form in _OCR_FORMS:
        assert form.lower() not in whole.lower(), f"OCR form without diacritics: {form!r}"
    for phrase in (
        "Triển khai các hoạt động Ngày Chuyển đổi số quốc gia",
        "Sở Khoa học và Công nghệ",
        "Ủy ban nhân dân tỉnh",
    ):
        assert phrase in whole
    assert _accented_share(whole)[0] > 0.65
    for text in texts:
        share, words = _accented_share(text)
        if words >= 8:
            assert share >= 0.5, f"few words with diacritics, OCR text left? {text[:80]!r}"
