"""The columns of the activities sheet: what each holds, how a cell is written and read back.

One row per activity; a column is a field of the activity (a dotted path into it). Adding a
column later (for example progress, once implementation tracking exists) is one more
``Column`` in ``COLUMNS`` with its schema field: the header, the read-me, the export and the
write-back follow. Sheets exported before then have other headers and are refused as a whole
(readback checks every header) rather than read with shifted columns.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

from kehoach.model.dates import DateFormatError, PartialDate
from kehoach.source.schema import PLAN_SCHEMA, field_info

Kind = Literal["id", "text", "date", "units", "targets"]
Value = str | list[str] | None

class CellError(ValueError):
    """A cell that cannot be written back; the message says what to write instead."""


@dataclass(frozen=True)
class Column:
    """One column: ``key`` is the field's path inside an activity ("when.start")."""

    key: str
    kind: Kind
    width: int

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self.key.split("."))

    @property
    def editable(self) -> bool:
        # The id ties a row to its activity; targets are structured (value, unit, deadline)
        # and are shown for reading only: they are edited in the YAML.
        return self.kind not in ("id", "targets")

    @cached_property
    def title(self) -> str:
        """The field's Vietnamese title, from the schema (the single source of field names)."""
        return field_info(PLAN_SCHEMA, ("activities", 0, *self.path)).title

    @cached_property
    def required(self) -> bool:
        parent = field_info(PLAN_SCHEMA, ("activities", 0, *self.path[:-1])).schema
        return self.path[-1] in parent.get("required", ())

    @property
    def header(self) -> str:
        note = "" if self.editable else " — chỉ xem"
        return f"{self.title}\n[{self.key}]{note}"


COLUMNS: tuple[Column, ...] = (
    Column("id", "id", 24),
    Column("label", "text", 10),
    Column("title", "text", 60),
    Column("when.text", "text", 22),
    Column("when.start", "date", 13),
    Column("when.end", "date", 13),
    Column("lead", "units", 34),
    Column("partners", "units", 34),
    Column("place", "text", 24),
    Column("targets", "targets", 40),
)


@dataclass(frozen=True)
class Units:
    """The plan's units: a cell names each unit by its name, or by its id when the name is
    shared by several units (the id is always accepted too)."""

    names: Mapping[str, tuple[str, ...]]  # name → ids bearing it
    ids: Mapping[str, str]  # id → name

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Units:
        names: dict[str, tuple[str, ...]] = {}
        ids: dict[str, str] = {}
        for unit in data.get("units", []):
            name = _clean(str(unit["name"]))
            names[name] = (*names.get(name, ()), str(unit["id"]))
            ids[str(unit["id"])] = name
        return cls(names, ids)

    def shown(self, unit_id: str) -> str:
        name = self.ids.get(unit_id)
        return name if name is not None and len(self.names[name]) == 1 else unit_id

    def resolve(self, line: str) -> str:
        found = self.names.get(line, ())
        if len(found) == 1:
            return found[0]
        if line in self.ids:
            return line
        if found:
            raise CellError(
                f'Có {len(found)} đơn vị cùng tên "{line}": ghi mã của đơn vị muốn chọn '
                f"({', '.join(found)}), xem trang Đơn vị. (Several units share this name.)"
            )
        close = difflib.get_close_matches(line, list(self.names), n=1, cutoff=0.6)
        hint = f' Có phải ý bạn là "{close[0]}"?' if close else ""
        raise CellError(
            f'Không có đơn vị "{line}" trong kế hoạch.{hint} Chép đúng tên từ trang Đơn vị, mỗi '
            "đơn vị một dòng (Alt+Enter để xuống dòng); đơn vị mới phải được thêm vào mục "
            "units của tệp YAML trước. (Unknown unit: copy its name from the Đơn vị sheet.)"
        )


def field(activity: Mapping[str, Any], column: Column) -> Any:
    """The activity's value for the column, None when the field is absent."""
    value: Any = activity
    for part in column.path:
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def render(activity: Mapping[str, Any], column: Column, units: Units) -> str | None:
    """The cell's text for an activity; dates stay in the document's own form."""
    value = field(activity, column)
    if value is None:
        return None
    if column.kind == "units":
        return "\n".join(units.shown(str(unit_id)) for unit_id in value)
    if column.kind == "targets":
        return "\n".join(_clean(str(target["text"])) for target in value)
    return str(value)


def current(activity: Mapping[str, Any], column: Column) -> Value:
    """The field's value in the form ``parse`` returns, to tell an edited cell."""
    value = field(activity, column)
    if value is None:
        return [] if column.kind == "units" else None
    if column.kind == "units":
        return [str(v) for v in value]
    return _clean(str(value))


def parse(raw: object, column: Column, units: Units) -> Value:
    """A cell's value as the YAML field's value; CellError when it cannot be."""
    text = _text(raw, column)
    if column.kind == "units":
        lines = [_clean(line) for line in (text or "").splitlines()]
        return [units.resolve(line) for line in lines if line]
    if text is None:
        if column.required:
            raise CellError(
                f'Ô "{column.title}" là bắt buộc, không được để trống. (Required cell.)'
            )
        return None
    if column.kind == "date":
        _check_date(text)
    return text


def _text(raw: object, column: Column) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, (dt.datetime, dt.date, dt.time)):
        raise CellError(
            "Excel đã đổi ô này thành kiểu ngày tháng. Định dạng ô là Văn bản (Text) rồi gõ "
            'lại như văn bản gốc, ví dụ "06/10/2025", "10/2025" hoặc "2025" (có thể gõ dấu \' '
            "ở đầu: '06/10/2025). (Excel turned this cell into a date: retype it as text.)"
        )
    if isinstance(raw, bool) or not isinstance(raw, str):
        what = "ngày" if column.kind == "date" else "nội dung"
        raise CellError(
            f"Excel đã đổi ô này thành số ({raw}). Định dạng ô là Văn bản (Text) rồi gõ lại "
            f"{what} dưới dạng văn bản (có thể gõ dấu ' ở đầu). (Excel turned this cell into "
            "a number: retype it as text.)"
        )
    if raw.startswith("="):
        raise CellError(
            "Ô này chứa công thức; chỉ ghi văn bản. (Formulas are not written back.)"
        )
    text = _clean(raw)
    return text or None


def _check_date(text: str) -> None:
    try:
        PartialDate.parse(text)
    except DateFormatError as exc:
        raise CellError(f"{exc} (Not a date in the document's form.)") from exc


_SPACES = re.compile(r"[ \t]+\n")


def _clean(text: str) -> str:
    """NFC, Windows line ends made plain, outer blanks and blanks before a line end dropped:
    what Excel adds to a cell is not an edit."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _SPACES.sub("\n", text).strip()

