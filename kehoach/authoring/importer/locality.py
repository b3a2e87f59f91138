"""The plan's locality from its issuer and text, resolved against the official list (and the
registry's former units). Never a guess: an ambiguous or unknown name leaves the locality
to the clerk, with the candidates in the review list."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from slugify import slugify

from kehoach.authoring.importer.errors import ImportFailure
from kehoach.model.dates import PartialDate
from kehoach.model.plan import FormerUnit
from kehoach.source.localities import Gazetteer, Locality
from kehoach.vietnamese import fold

_LEVELS = {"xa": "commune", "phuong": "commune", "dac khu": "commune", "tinh": "province",
           "thanh pho": "province", "huyen": "district", "quan": "district", "thi xa": "district"}
_CENTRAL = ("bo ", "chinh phu", "thu tuong", "van phong chinh phu", "ban chi dao trung uong",
            "quoc hoi")
_ISSUER = re.compile(r"\b(xa|phuong|dac khu|tinh|thanh pho|huyen|quan|thi xa)\s+(.+)$")


@dataclass
class Found:
    locality: Locality | None
    note: str | None = None
    candidates: list[Locality] = field(default_factory=list)
    new_former: dict[str, str] | None = None  # a registry entry the draft needs


# The district level was abolished on 1 July 2025 (Resolution 202/2025/QH15): a district's
# plan belongs to a former unit that existed until the day before.
DISTRICTS_UNTIL = "30/06/2025"


def _new_district(issuer: str, name: str, province: str, gazetteer: Gazetteer) -> Found:
    """A district the registry does not know yet, in the one province the text names: the
    draft's locality and the registry entry to add (the clerk checks both)."""
    level = re.search(r"(huyện|quận|thị xã)", issuer, re.IGNORECASE)
    full = f"{(level.group(1) if level else 'huyện').capitalize()} {name}"
    unit_id = str(slugify(full))
    entry = {"id": unit_id, "name": full, "level": "district", "province": province,
             "until": DISTRICTS_UNTIL}
    unit = FormerUnit(unit_id, full, "district", province, PartialDate.parse(DISTRICTS_UNTIL))
    path = f"{gazetteer.province(province).path}/{unit_id}"
    locality = Locality(f"{province}/{unit_id}", full, name, "district", province, path, unit)
    note = (f"\"{full}\" chưa có trong danh mục đơn vị cũ: mục mới trong tệp danh mục kèm "
            "theo (tỉnh theo văn bản); kiểm tra")
    return Found(locality, note, new_former=entry)


def issuer_place(issuer: str) -> tuple[str, str] | None:
    """"Ủy ban nhân dân xã Thạch Hà" → ("commune", "Thạch Hà"); without marks too (OCR).
    Matched on the folded name, which keeps every character's place, then cut from the name."""
    match = _ISSUER.search(fold(issuer))
    if not match:
        return None
    return _LEVELS[match.group(1)], issuer[match.start(2) :].strip()


def province_hints(gazetteer: Gazetteer, text: str) -> list[str]:
    """Codes of the provinces the text names ("tỉnh Hà Tĩnh", "Hà Tĩnh, ngày"), most first."""
    key = fold(text)
    counts: Counter[str] = Counter()
    for code in gazetteer.province_codes():
        short = fold(gazetteer.province(code).short_name)
        counts[code] = len(re.findall(rf"\b{re.escape(short)}\b", key))
    return [code for code, n in counts.most_common() if n]


def resolve(gazetteer: Gazetteer, issuer: str, text: str, province: str | None,
            commune: str | None) -> Found:
    if commune:
        return _given(gazetteer, province, commune)
    if province:
        _given(gazetteer, province, None)
    place = issuer_place(issuer)
    if place is None:
        if province:
            return Found(gazetteer.province(province))
        if fold(issuer).startswith(_CENTRAL):
            return Found(None, f"\"{issuer}\" là cơ quan trung ương: kế hoạch không thuộc một "
                         "địa phương; chỉ nhập kế hoạch của tỉnh, xã")
        return Found(None, "không nhận ra địa phương ban hành từ tên cơ quan ban hành")
    level, name = place
    # Why: --province narrows a name found in several provinces to the one the clerk knows.
    hints = [province] if province else province_hints(gazetteer, text)
    if level == "province":
        matches = [gazetteer.province(c) for c in gazetteer.province_codes()
                   if fold(gazetteer.province(c).short_name) == fold(name)
                   and (province is None or c == province)]
        return _one(matches, f"tỉnh/thành phố \"{name}\" không có trong danh mục 34 tỉnh, thành "
                    "phố hiện nay (có thể đã sáp nhập năm 2025)")
    if level == "district":
        matches = [f for c in hints or gazetteer.province_codes() for f in gazetteer.former_of(c)
                   if fold(f.short_name) == fold(name)]
        if not matches and len(hints) == 1:
            return _new_district(issuer, name, hints[0], gazetteer)
        return _one(matches, f"\"{issuer}\" là đơn vị cấp huyện (đã bỏ từ 01/7/2025) chưa có "
                    "trong plans/registry/ (former_units), và văn bản không nói rõ thuộc tỉnh "
                    "nào: chạy lại với --province MÃ")
    matches = [c for code in gazetteer.province_codes() for c in gazetteer.communes_of(code)
               if fold(c.short_name) == fold(name)]
    # Why: the text must name exactly one of the candidates' provinces, else it is a guess.
    narrowed = [c for c in matches if c.province_code in hints]
    if len(matches) > 1 and len(narrowed) == 1:
        return Found(narrowed[0])
    if province:
        matches = [c for c in matches if c.province_code == province]
    return _one(matches, f"không có xã, phường nào tên \"{name}\" trong danh mục hiện nay")


def _one(matches: list[Locality], unknown: str) -> Found:
    if len(matches) == 1:
        return Found(matches[0])
    if not matches:
        return Found(None, unknown)
    names = "; ".join(f"{m.name} ({_province_name(m)}): --province {m.province_code}"
                      + (f" --commune {m.key.rsplit('/', 1)[-1]}" if m.level == "commune" else "")
                      for m in matches)
    return Found(None, f"tên trùng ở nhiều nơi, chọn một: {names}", matches)


def _province_name(locality: Locality) -> str:
    return locality.path.split("/")[0]


def _given(gazetteer: Gazetteer, province: str | None, commune: str | None) -> Found:
    if commune:
        if gazetteer.ward_province(commune) is None:
            raise ImportFailure("--commune", f"không có xã, phường mã \"{commune}\" (unknown "
                                "commune code). Tra mã: python scripts/new_plan.py "
                                "--list-communes <mã tỉnh>")
        found = gazetteer.commune(commune)
        if province and found.province_code != province:
            raise ImportFailure("--commune", f"xã mã {commune} thuộc tỉnh mã "
                                f"{found.province_code}, không thuộc tỉnh {province}")
        return Found(found)
    assert province is not None
    if not gazetteer.has_province(province):
        raise ImportFailure("--province", f"không có tỉnh mã \"{province}\" (unknown province "
                            "code). Tra mã: python scripts/new_plan.py --list-provinces")
    return Found(gazetteer.province(province))
