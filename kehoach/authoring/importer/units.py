"""Units: one id per distinct unit (the project's slug of its name), scope guessed."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from slugify import slugify

from kehoach.authoring.importer.marks import unit_with_marks
from kehoach.authoring.importer.text import folded
from kehoach.authoring.importer.unitmerge import name_key, same_units
from kehoach.vietnamese import fold

ABBREVIATIONS = {
    "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "UBMTTQ": "Ủy ban MTTQ",
    "MTTQ": "Mặt trận Tổ quốc",
}
# The words a unit's name starts with, so a list "A, B và C" is cut where a new unit starts
# and not inside "Sở Văn hóa, Thể thao và Du lịch".
HEADS = (
    "Ủy ban", "UBND", "HĐND", "Hội đồng", "Sở", "Phòng", "Ban", "Trung tâm", "Công an", "Đoàn",
    "Hội", "Đảng", "Các", "các", "Tổ", "Báo", "Đài", "Bưu điện", "Viễn thông", "Văn phòng",
    "Bộ", "Tỉnh đoàn", "Tỉnh ủy", "Huyện ủy", "Thường trực", "Trường", "Nhân dân", "Chi",
    "Cơ quan", "Hiệp hội", "Thủ trưởng", "Doanh nghiệp", "Mặt trận", "Liên đoàn", "Kho bạc",
    "Chi nhánh", "Ngân hàng", "Cục", "Vụ", "Thanh tra", "Tòa án", "Viện", "Quân sự",
    "Bộ Chỉ huy", "Trạm", "Đảng viên", "Người dân", "người dân", "Thôn", "Tổ dân phố",
)
_MTTQ = re.compile(r"\bMTTQ\b")
# "Đoàn xã" (the commune's Youth Union) is "Đoàn Thanh niên xã", as the plans name it
_YOUTH_UNION = re.compile(r"^Đoàn (xã|phường|huyện|thị trấn)\b")
_OFFICE_OF = ("Văn phòng", "Ban Chỉ đạo")
_LEVEL_BODY = re.compile(r"^(Đảng ủy|HĐND|UBND|Ủy ban nhân dân|Hội đồng nhân dân|Công an|Đoàn|"
                         r"UBMTTQ|Mặt trận Tổ quốc|"
                         r"Ủy ban (?:MTTQ|Mặt trận Tổ quốc)(?: Việt Nam)?)$")
_LEVEL_BODY_AT = re.compile(r"^(Đảng ủy|HĐND|UBND|Ủy ban nhân dân|Hội đồng nhân dân|Công an|"
                            r"UBMTTQ|Mặt trận Tổ quốc)\s(xã|huyện|tỉnh|phường)$")
_NATIONAL = ("bo ", "chinh phu", "thu tuong", "quoc hoi", "trung uong", "bo chinh tri")
_OTHER = ("doanh nghiep", "nhan dan", "nguoi dan", "dang vien", "hiep hoi", "hoi doanh nhan",
          "truong dai hoc", "co quan thong tan", "to chuc", "ca nhan", "toan the")
_PROVINCE = ("so ", "tinh doan", "tinh uy", "cong an tinh", "bao ", "dai ")


def expand(name: str) -> str:
    for short, full in ABBREVIATIONS.items():
        name = re.sub(rf"\b{short}\b", full, name)
    return name


# A unit's name ends where what it does begins: "Ủy ban nhân dân cấp xã bố trí trang thiết bị".
VERBS = ("bố trí", "cử", "thực hiện", "triển khai", "hỗ trợ", "tham gia", "chủ trì",
         "phối hợp", "tuyên truyền", "vận động", "hướng dẫn", "tham mưu", "chủ động", "quán triệt",
         "xây dựng", "ra quân", "đẩy mạnh", "lựa chọn", "cung cấp", "theo dõi", "tổng hợp",
         "tiếp tục")
_VERB = re.compile(r"\s(?:" + "|".join(VERBS) + r")\b.*$")


def split_units(text: str, marks_lost: bool = False) -> list[str]:
    """"Phòng Văn hóa - Xã hội, Công an xã và Đoàn Thanh niên" → three names. ``marks_lost``:
    the text lost its marks (OCR), its unit words are found without them ("Cong an tinh")."""
    cleaned = text.strip(" .:;")
    parts, joiners = [], []
    start = 0
    for cut_start, cut_end, joiner in _cuts(cleaned, marks_lost):
        parts.append(cleaned[start:cut_start])
        joiners.append(fold(joiner))
        start = cut_end
    parts.append(cleaned[start:])
    names: list[str] = []
    for index, part in enumerate(_VERB.sub("", p).strip(" .:;,…") for p in parts):
        # "Văn phòng HĐND và UBND huyện" is one office, of both bodies.
        if names and joiners[index - 1] == "va" and names[-1].startswith(_OFFICE_OF):
            names[-1] = f"{names[-1]} và {part}"
        elif part:
            names.append(part)
    if not names:
        return []
    # "Đảng ủy, HĐND, UBND xã": the level word written once at the end belongs to every name.
    level = re.search(r"\s(xã|huyện|tỉnh|phường)$", names[-1]) if len(names) > 1 else None
    if level:
        names = [f"{n} {level.group(1)}" if _LEVEL_BODY.match(n) else n for n in names]
    return [n[:1].upper() + n[1:] for n in names]


_HEADS = "|".join(re.escape(h) for h in sorted(HEADS, key=len, reverse=True))
_CUT = re.compile(rf"\s*([,;…]+|\bvà\b|\bvới\b)\s*(?=(?:{_HEADS})\b)")


def bare(text: str) -> str:
    """``text`` without its marks, case and length kept: "Công an Tỉnh" → "Cong an Tinh"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_BARE_HEADS = "|".join(re.escape(bare(h)) for h in sorted(HEADS, key=len, reverse=True))
_BARE_CUT = re.compile(rf"\s*([,;…]+|\bva\b|\bvoi\b)\s*(?=(?:{_BARE_HEADS})\b)")


def _cuts(text: str, marks_lost: bool) -> list[tuple[int, int, str]]:
    """(start, end, joiner) of each place in ``text`` where another unit's name starts."""
    probe = bare(text) if marks_lost else text
    if len(probe) != len(text):  # spans are read on both
        probe, marks_lost = text, False
    pattern = _BARE_CUT if marks_lost else _CUT
    return [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(probe)]


def words_if_not_a_name(text: str) -> str | None:
    """The units as written (for lead_text, partners_text), unless that is exactly one unit's
    name: "Sở Khoa học và Công nghệ, UBND xã" is kept, "Phòng Kinh tế" is not."""
    names = split_units(text)
    return None if len(names) == 1 and expand(names[0]) == text else text


def scope_of(name: str, plan_level: str) -> str:
    key = folded(name) + " "
    key = key.removeprefix("cac ")
    if key.startswith(_NATIONAL):
        return "national"
    if key.startswith(_OTHER):
        return "other"
    if plan_level != "province" and key.startswith(_PROVINCE):
        return "province"
    return "local"


@dataclass
class Units:
    """The plan's units in order of first mention; a name seen again gets the same id."""

    plan_level: str
    place: str | None = None
    level_word: str | None = None  # "xã", "huyện", "tỉnh" of the issuer
    names: dict[str, str] = field(default_factory=dict)  # id → name
    keys: dict[str, str] = field(default_factory=dict)  # name_key → id
    # for a text that lost its marks: the units of the plans already published (name_key →
    # name), to write a name back with its marks; and the names so written, for the review
    known_names: dict[str, str] = field(default_factory=dict)
    restored: list[str] = field(default_factory=list)
    marks_lost: bool = False

    def full_name(self, raw: str) -> str:
        """The unit's name as the draft writes it: "UBND xã" → "Ủy ban nhân dân xã Thạch Hà"."""
        # Only a leading abbreviation is the unit's own name ("UBND xã" is the commune's
        # People's Committee); "Các cơ quan, đơn vị thuộc UBND xã" is written as it is. MTTQ
        # is always part of a name ("Ủy ban MTTQ Việt Nam xã").
        # An example list in brackets ("(VNPT, Viettel, FPT…)") is not part of the name.
        raw = re.sub(r"\s*\([^)]*\)", "", raw).strip()
        head, _, rest = raw.partition(" ")
        rest = _MTTQ.sub(ABBREVIATIONS["MTTQ"], rest)
        name = f"{expand(head)} {rest}".strip()
        # "UBND xã" in a plan of Xã Thạch Hà is "Ủy ban nhân dân xã Thạch Hà" ("UBND xã" in a
        # district's plan is every commune's, not a place).
        at = _LEVEL_BODY_AT.match(raw)
        if self.place and at and at.group(2) == self.level_word:
            name = f"{name} {self.place}"
        name = _YOUTH_UNION.sub(r"Đoàn Thanh niên \1", name)
        if self.known_names and (marked := unit_with_marks(name, self.known_names)) is not None:
            if marked not in self.restored:
                self.restored.append(marked)
            return marked
        return name[:1].upper() + name[1:]

    def add(self, raw: str) -> str:
        name = self.full_name(raw)
        # the same name spelt another way ("Văn hóa - Thông tin", "Văn hóa và Thông tin")
        # is the unit met first
        if (seen := self.keys.get(name_key(name))) is not None:
            return seen
        unit_id = str(slugify(name))[:80].strip("-") or "don-vi"
        self.names.setdefault(unit_id, name)
        self.keys.setdefault(name_key(name), unit_id)
        return unit_id

    def spelt_otherwise(self, text: str) -> bool:
        """True when a unit of ``text`` is one the plan met first under another spelling, so
        that the words as written are kept beside its id."""
        for name in split_units(text, self.marks_lost):
            full = self.full_name(name)
            unit_id = self.keys.get(name_key(full))
            if unit_id is not None and self.names.get(unit_id) != full:
                return True
        return False

    def add_all(self, text: str) -> list[str]:
        ids: list[str] = []
        for name in split_units(text, marks_lost=self.marks_lost):
            unit_id = self.add(name)
            if unit_id not in ids:
                ids.append(unit_id)
        return ids

    def merged(self) -> dict[str, str]:
        """Id → the id of the unit it names in another way (see unitmerge)."""
        return same_units(self.names, self.level_word, self.place)

    def merge(self, data: Any) -> Any:
        """``data`` with every short id replaced by its full id (and the short unit gone); a
        block about a unit (responsibility, assignment) keeps the name it was written with."""
        mapping = self.merged()
        if not mapping:
            return data
        _keep_headings(data, mapping, self.names)
        for short in mapping:
            self.names.pop(short, None)
        return _replace_ids(data, mapping)

    def data(self) -> list[dict[str, str]]:
        found: list[dict[str, str]] = []
        for unit_id, name in self.names.items():
            entry = {"id": unit_id, "name": name}
            scope = scope_of(name, self.plan_level)
            if scope != "local":
                entry["scope"] = scope
            found.append(entry)
        return found


_ID_LISTS = ("lead", "partners", "units", "by", "to")


def _keep_headings(data: Any, mapping: dict[str, str], names: dict[str, str]) -> None:
    if isinstance(data, dict):
        ids = data.get("units")
        if isinstance(ids, list) and "heading" not in data and any(i in mapping for i in ids):
            data["heading"] = ", ".join(names.get(str(i), str(i)) for i in ids)
        for value in data.values():
            _keep_headings(value, mapping, names)
    elif isinstance(data, list):
        for value in data:
            _keep_headings(value, mapping, names)


def _replace_ids(data: Any, mapping: dict[str, str], key: str = "") -> Any:
    if isinstance(data, dict):
        return {k: _replace_ids(v, mapping, k) for k, v in data.items()}
    if isinstance(data, list) and key in _ID_LISTS:
        ids: list[str] = []
        for unit_id in (mapping.get(str(i), str(i)) for i in data):
            if unit_id not in ids:
                ids.append(unit_id)
        return ids
    if isinstance(data, list):
        return [_replace_ids(v, mapping, key) for v in data]
    return data
