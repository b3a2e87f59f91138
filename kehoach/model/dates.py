"""Dates as Vietnamese documents write them: a day, a month, or only a year."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

_PATTERN = re.compile(r"^(?:(?:(?P<day>[0-9]{1,2})/)?(?P<month>[0-9]{1,2})/)?(?P<year>[0-9]{4})$")


class DateFormatError(ValueError):
    """The text is not a date a clerk could have meant; the message says why, in Vietnamese."""


@functools.total_ordering
@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the day, the month or the year ("06/10/2025", "10/2025", "2025")."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        match = _PATTERN.match(text.strip())
        if not match:
            raise DateFormatError(
                f'"{text}" không phải ngày hợp lệ. Viết ngày/tháng/năm như "06/10/2025", '
                'tháng/năm như "10/2025" hoặc năm như "2025".'
            )
        year = int(match["year"])
        month = int(match["month"]) if match["month"] else None
        day = int(match["day"]) if match["day"] else None
        if month is not None and not 1 <= month <= 12:
            raise DateFormatError(f'"{text}": tháng {month} không tồn tại (tháng từ 1 đến 12).')
        if day is not None and month is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise DateFormatError(
                    f'"{text}": tháng {month} năm {year} không có ngày {day} (chỉ có {last} ngày).'
                )
        return cls(year, month, day)

    def _key(self) -> tuple[int, int, int]:
        # An unknown month or day sorts first: "10/2025" comes before "06/10/2025".
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        """ISO 8601 at its own precision: 2025-10-06, 2025-10 or 2025."""
        if self.day is not None and self.month is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def __str__(self) -> str:
        """Vietnamese display form: 06/10/2025, tháng 10/2025, năm 2025."""
        if self.day is not None and self.month is not None:
            return f"{self.day:02d}/{self.month:02d}/{self.year}"
        if self.month is not None:
            return f"tháng {self.month:02d}/{self.year}"
        return f"năm {self.year}"
