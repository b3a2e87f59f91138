"""The CSV files of the open data: their columns, documented in Vietnamese on the page
"du-lieu/" from these same definitions, and how they are written (UTF-8 with a BOM)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kehoach.site import routes

Row = dict[str, str]


@dataclass(frozen=True)
class Column:
    name: str
    description: str


@dataclass(frozen=True)
class Table:
    uri: str
    title: str
    rows_are: str
    columns: tuple[Column, ...]


def cols(*pairs: tuple[str, str]) -> tuple[Column, ...]:
    return tuple(Column(name, text) for name, text in pairs)


CSV_BATCH = 2000  # rows per piece written (csv_chunks)

_PLACE = cols(
    ("plan_id", "Mã kế hoạch (trường id của tệp YAML)"),
    ("year", "Năm của kế hoạch"),
    ("province_code", "Mã tỉnh, 2 chữ số"),
    ("province_name", "Tên tỉnh, thành phố"),
    ("commune_code", "Mã xã, phường, 5 chữ số (trống với kế hoạch cấp tỉnh)"),
    ("former_unit", "Mã đơn vị hành chính cũ, ví dụ huyện đã giải thể (nếu có)"),
    ("locality_name", "Tên địa phương ban hành"),
    ("level", "Cấp: province (tỉnh), commune (xã), district (huyện cũ)"),
)
PLANS = Table(
    routes.PLANS_CSV,
    "Kế hoạch",
    "một dòng cho mỗi kế hoạch",
    _PLACE
    + cols(
        ("document_type", "Loại văn bản"),
        ("document_number", "Số hiệu văn bản"),
        (
            "document_date",
            "Ngày ban hành, ISO 8601 theo độ chính xác: 2025-10-06, 2025-10 hoặc 2025",
        ),
        ("issuer", "Cơ quan ban hành"),
        ("title", "Tên (trích yếu) kế hoạch"),
        ("theme", "Chủ đề"),
        ("period_start", "Thời gian tổ chức: bắt đầu (ISO 8601)"),
        ("period_end", "Thời gian tổ chức: kết thúc (ISO 8601)"),
        ("activities", "Số hoạt động"),
        ("signer", "Người ký"),
        ("page_url", "Trang của kế hoạch"),
        ("json_url", "Dữ liệu JSON của kế hoạch"),
        ("source_file", "Tệp YAML nguồn, tính từ thư mục dữ liệu plans/"),
    ),
)
ACTIVITIES = Table(
    routes.ACTIVITIES_CSV,
    "Hoạt động",
    "một dòng cho mỗi hoạt động",
    _PLACE
    + cols(
        ("activity_id", "Mã hoạt động, duy nhất trong kế hoạch"),
        ("position", "Thứ tự trong kế hoạch, từ 1"),
        ("label", "Số thứ tự ghi trong văn bản (a, 2.1…)"),
        ("title", "Tên hoạt động"),
        ("start", "Bắt đầu (ISO 8601)"),
        ("end", "Kết thúc (ISO 8601)"),
        ("ongoing", "true nếu hoạt động diễn ra thường xuyên"),
        ("when_text", "Thời gian, nguyên văn"),
        ("place", "Địa điểm"),
        ("lead", "Đơn vị chủ trì (tên, cách nhau bởi dấu ;)"),
        ("lead_ids", "Mã đơn vị chủ trì"),
        ("partners", "Đơn vị phối hợp (tên, cách nhau bởi dấu ;)"),
        ("partner_ids", "Mã đơn vị phối hợp"),
        ("lead_text", "Đơn vị chủ trì, nguyên văn"),
        ("partners_text", "Đơn vị phối hợp, nguyên văn"),
        ("resources", "Nền tảng, liên kết (tên)"),
        ("resource_urls", "Địa chỉ các nền tảng, liên kết"),
        ("targets", "Chỉ tiêu, mỗi chỉ tiêu một dòng"),
        ("description", "Nội dung (Markdown)"),
        ("page_url", "Hoạt động trên trang kế hoạch"),
    ),
)
RESPONSIBILITIES = Table(
    routes.RESPONSIBILITIES_CSV,
    "Trách nhiệm (tổ chức thực hiện)",
    "một dòng cho mỗi mục trong phần Tổ chức thực hiện",
    _PLACE
    + cols(
        ("position", "Thứ tự trong phần Tổ chức thực hiện, từ 1"),
        ("heading", "Tiêu đề, nguyên văn (nếu có)"),
        ("units", "Đơn vị (tên, cách nhau bởi dấu ;)"),
        ("unit_ids", "Mã đơn vị"),
        ("duties", "Nhiệm vụ, mỗi nhiệm vụ một dòng (Markdown)"),
        ("page_url", "Phần Tổ chức thực hiện trên trang kế hoạch"),
    ),
)
TABLES = (PLANS, ACTIVITIES, RESPONSIBILITIES)


def csv_chunks(table: Table, rows: Iterable[Row]) -> Iterator[bytes]:
    """The CSV file of ``table``: UTF-8 with a BOM (Excel then reads Vietnamese correctly),
    CRLF, header first; in pieces of CSV_BATCH rows, so that the national tables (90 MB of
    activities for three years) are written without being held whole, as text and again
    as bytes."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    names = [c.name for c in table.columns]
    writer.writerow(names)
    encoding = "utf-8-sig"  # the BOM once, at the start of the file
    for number, row in enumerate(rows, start=1):
        if list(row) != names:
            raise ValueError(f"{table.uri}: row columns {list(row)} are not {names}")
        writer.writerow(row.values())
        if number % CSV_BATCH == 0:
            yield _taken(out).encode(encoding)
            encoding = "utf-8"
    yield _taken(out).encode(encoding)


def _taken(out: io.StringIO) -> str:
    """What ``out`` holds, which is emptied."""
    text = out.getvalue()
    out.seek(0)
    out.truncate()
    return text
