"""kehoach.model.dates.PartialDate: the three written forms, real calendars, display, ISO."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.model.dates import DateFormatError, PartialDate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("06/10/2025", PartialDate(2025, 10, 6)),
        ("6/10/2025", PartialDate(2025, 10, 6)),
        ("06/1/2025", PartialDate(2025, 1, 6)),
        ("10/2025", PartialDate(2025, 10)),
        ("1/2025", PartialDate(2025, 1)),
        ("2025", PartialDate(2025)),
        ("  2025 ", PartialDate(2025)),
        ("29/02/2024", PartialDate(2024, 2, 29)),
        ("29/02/2000", PartialDate(2000, 2, 29)),
        ("31/12/2025", PartialDate(2025, 12, 31)),
        ("01/01/2025", PartialDate(2025, 1, 1)),
    ],
)
def test_parse_accepts_day_month_and_year_forms(text: str, expected: PartialDate) -> None:
    assert PartialDate.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("31/02/2025", "tháng 2 năm 2025 không có ngày 31 (chỉ có 28 ngày)"),
        ("29/02/2025", "tháng 2 năm 2025 không có ngày 29 (chỉ có 28 ngày)"),
        ("29/02/1900", "tháng 2 năm 1900 không có ngày 29 (chỉ có 28 ngày)"),  # century rule
        ("30/02/2024", "tháng 2 năm 2024 không có ngày 30 (chỉ có 29 ngày)"),
        ("31/04/2025", "tháng 4 năm 2025 không có ngày 31 (chỉ có 30 ngày)"),
        ("00/10/2025", "tháng 10 năm 2025 không có ngày 0 (chỉ có 31 ngày)"),
        ("13/2025", "tháng 13 không tồn tại (tháng từ 1 đến 12)"),
        ("0/2025", "tháng 0 không tồn tại (tháng từ 1 đến 12)"),
        ("15/13/2025", "tháng 13 không tồn tại (tháng từ 1 đến 12)"),
    ],
)
def test_parse_rejects_impossible_dates_saying_why(text: str, fragment: str) -> None:
    with pytest.raises(DateFormatError) as caught:
        PartialDate.parse(text)
    message = str(caught.value)
    assert message.startswith(f'"{text}"')
    assert fragment in message


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2025-10-06",
        "06-10-2025",
        "06.10.2025",
        "25",
        "20255",
        "1/1/1/2025",
        "106/10/2025",
        "06/10/25",
        "ngày 06/10/2025",
        "2025/10/06",
        "10 / 2025",
        "٢٠٢٥",
    ],
)
def test_parse_rejects_other_shapes_with_the_accepted_forms(text: str) -> None:
    with pytest.raises(DateFormatError) as caught:
        PartialDate.parse(text)
    message = str(caught.value)
    assert "không phải ngày hợp lệ" in message
    assert '"06/10/2025"' in message and '"10/2025"' in message and '"2025"' in message


def test_date_format_error_is_a_value_error() -> None:
    assert issubclass(DateFormatError, ValueError)


@pytest.mark.parametrize(
    ("text", "precision"), [("06/10/2025", "day"), ("10/2025", "month"), ("2025", "year")]
)
def test_precision(text: str, precision: str) -> None:
    assert PartialDate.parse(text).precision == precision


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("06/10/2025", dt.date(2025, 10, 6), dt.date(2025, 10, 6)),
        ("10/2025", dt.date(2025, 10, 1), dt.date(2025, 10, 31)),
        ("02/2024", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("02/2025", dt.date(2025, 2, 1), dt.date(2025, 2, 28)),
        ("04/2025", dt.date(2025, 4, 1), dt.date(2025, 4, 30)),
        ("2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
    ],
)
def test_first_and_last_day_span_the_precision(text: str, first: dt.date, last: dt.date) -> None:
    date = PartialDate.parse(text)
    assert date.first_day() == first
    assert date.last_day() == last


@pytest.mark.parametrize(
    ("text", "iso", "shown"),
    [
        ("6/1/2025", "2025-01-06", "06/01/2025"),
        ("06/10/2025", "2025-10-06", "06/10/2025"),
        ("1/2025", "2025-01", "tháng 01/2025"),
        ("10/2025", "2025-10", "tháng 10/2025"),
        ("2025", "2025", "năm 2025"),
    ],
)
def test_iso_and_vietnamese_display(text: str, iso: str, shown: str) -> None:
    date = PartialDate.parse(text)
    assert date.iso() == iso
    assert str(date) == shown


def test_display_form_parses_back_to_the_same_date() -> None:
    date = PartialDate.parse("6/1/2025")
    assert PartialDate.parse(str(date)) == date


def test_dates_of_one_precision_order_chronologically() -> None:
    days = [PartialDate.parse(t) for t in ("06/10/2025", "31/12/2024", "05/10/2025")]
    assert [d.iso() for d in sorted(days)] == ["2024-12-31", "2025-10-05", "2025-10-06"]
    months = [PartialDate.parse(t) for t in ("10/2025", "12/2024", "9/2025")]
    assert [d.iso() for d in sorted(months)] == ["2024-12", "2025-09", "2025-10"]


def test_dates_of_mixed_precision_can_be_sorted() -> None:
    dates = [PartialDate.parse(t) for t in ("06/10/2025", "2024", "10/2025", "01/01/2025")]
    assert [d.iso() for d in sorted(dates)] == ["2024", "2025-01-01", "2025-10", "2025-10-06"]


def test_partial_dates_are_hashable_values() -> None:
    assert {PartialDate.parse("06/10/2025"), PartialDate(2025, 10, 6)} == {PartialDate(2025, 10, 6)}
    with pytest.raises(AttributeError):
        PartialDate(2025).year = 2026  # type: ignore[misc]
