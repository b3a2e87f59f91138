"""Localities: today's 34 provinces and 3,321 communes, plus units that no longer exist.

Official codes and names come from the vietnam-provinces package; former units (districts
abolished on 1 July 2025) come from plans/registry/. A locality is identified by its province
as well as its name: three communes are called "Xã Xuân Lộc".
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Literal

from vietnam_provinces import Province, VietNamDivisionType, Ward

from kehoach.model.plan import FormerUnit, LocalityRef

Level = Literal["province", "commune", "district"]


@dataclass(frozen=True)
class Locality:
    """A place that issues plans, with the stable URL path of its page."""

    key: str  # "42", "42/18562" or "42/huyen-duc-tho"
    name: str  # "Tỉnh Hà Tĩnh", "Xã Thạch Hà", "Huyện Đức Thọ"
    short_name: str  # "Hà Tĩnh", "Thạch Hà", "Đức Thọ"
    level: Level
    province_code: str
    path: str  # "ha-tinh", "ha-tinh/xa-thach-ha", "ha-tinh/huyen-duc-tho"
    former: FormerUnit | None = None

    @property
    def is_province(self) -> bool:
        return self.level == "province"


_PREFIXES = ("Thành phố ", "Tỉnh ", "Xã ", "Phường ", "Đặc khu ", "Huyện ", "Thị xã ", "Quận ")


def _clean(name: str) -> str:
    """The official list has stray double spaces ("Phường  Rạch Dừa"); readers do not."""
    return " ".join(name.split())


def _short(name: str) -> str:
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


class Gazetteer:
    """Look-ups over the official lists; built once, shared by validation and the site."""

    def __init__(self, former_units: tuple[FormerUnit, ...] = ()) -> None:
        self._provinces = {f"{p.code.value:02d}": p for p in Province.iter_all()}
        self._wards = {f"{w.code.value:05d}": w for w in Ward.iter_all()}
        self._former = {f.id: f for f in former_units}
        by_province: dict[str, list[Ward]] = defaultdict(list)
        for ward in self._wards.values():
            by_province[f"{ward.province_code.value:02d}"].append(ward)
        self._wards_by_province = dict(by_province)
        self._ward_slugs = _ward_slugs(self._wards_by_province)
        # Each locality made once: pages of coverage ask for every commune of every province
        # again and again (~50,000 times in a preview of one commune).
        self._made: dict[str, Locality] = {}

    def province_codes(self) -> list[str]:
        return sorted(self._provinces)

    def has_province(self, code: str) -> bool:
        return code in self._provinces

    def ward_province(self, code: str) -> str | None:
        ward = self._wards.get(code)
        return f"{ward.province_code.value:02d}" if ward else None

    def has_former(self, unit_id: str) -> bool:
        return unit_id in self._former

    def province(self, code: str) -> Locality:
        made = self._made.get(code)
        if made is None:
            made = self._made[code] = self._province(code)
        return made

    def _province(self, code: str) -> Locality:
        p = self._provinces[code]
        official = _clean(p.name)
        name = f"Tỉnh {official}" if p.division_type == VietNamDivisionType.TINH else official
        return Locality(code, name, _short(official), "province", code, _slug(p.codename))

    def commune(self, code: str) -> Locality:
        made = self._made.get(code)
        if made is None:
            made = self._made[code] = self._commune(code)
        return made

    def _commune(self, code: str) -> Locality:
        ward = self._wards[code]
        province = self.province(f"{ward.province_code.value:02d}")
        path = f"{province.path}/{self._ward_slugs[code]}"
        key = f"{province.key}/{code}"
        name = _clean(ward.name)
        return Locality(key, name, _short(name), "commune", province.key, path)

    def former(self, unit_id: str) -> Locality:
        unit = self._former[unit_id]
        province = self.province(unit.province)
        path = f"{province.path}/{unit.id}"
        key = f"{province.key}/{unit.id}"
        return Locality(key, unit.name, _short(unit.name), unit.level, unit.province, path, unit)

    def communes_of(self, province_code: str) -> list[Locality]:
        wards = self._wards_by_province.get(province_code, [])
        return [self.commune(f"{w.code.value:05d}") for w in wards]

    def former_of(self, province_code: str) -> list[Locality]:
        return [self.former(f.id) for f in self._former.values() if f.province == province_code]

    def resolve(self, ref: LocalityRef) -> Locality:
        if ref.former_unit:
            return self.former(ref.former_unit)
        if ref.commune:
            return self.commune(ref.commune)
        return self.province(ref.province)


def _slug(codename: str) -> str:
    return codename.replace("_", "-")


def _ward_slugs(wards_by_province: dict[str, list[Ward]]) -> dict[str, str]:
    """URL slug per ward code; the code is appended only where a name repeats in a province."""
    slugs: dict[str, str] = {}
    for wards in wards_by_province.values():
        counts = Counter(w.codename for w in wards)
        for w in wards:
            code = f"{w.code.value:05d}"
            base = _slug(w.codename)
            slugs[code] = f"{base}-{code}" if counts[w.codename] > 1 else base
    return slugs


@cache
def default_gazetteer() -> Gazetteer:
    return Gazetteer()
