"""The largest open-data files (the whole data set as JSON and CSV) are made in pieces and
written piece by piece (StaticFile.chunks), never whole in memory: the pieces make the same
file as before, and each holds a bounded share of it."""

from __future__ import annotations

import csv
import io
import json

from kehoach.formats.export import dataset_chunks, to_json
from kehoach.site.pages.opendata_columns import CSV_BATCH, PLANS, Row, csv_chunks
from kehoach.site.spec import StaticFile

BOM = b"\xef\xbb\xbf"


def _rows(count: int) -> list[Row]:
    names = [c.name for c in PLANS.columns]
    return [{name: f"Xã Thạch Hà {n} – {name}" for name in names} for n in range(count)]


def test_a_large_table_comes_in_pieces_of_rows_with_one_byte_order_mark() -> None:
    rows = _rows(2 * CSV_BATCH + 5)
    pieces = list(csv_chunks(PLANS, iter(rows)))
    assert len(pieces) == 3
    whole = b"".join(pieces)
    assert whole.startswith(BOM) and whole.count(BOM) == 1
    read = list(csv.reader(io.StringIO(whole.decode("utf-8-sig"), newline="")))
    assert read[0] == [c.name for c in PLANS.columns]
    assert read[1:] == [list(row.values()) for row in rows]
    assert whole.count(b"\r\n") == len(rows) + 1


def test_a_small_table_is_one_piece_with_its_header() -> None:
    (only,) = csv_chunks(PLANS, iter([]))
    assert only == BOM + ",".join(c.name for c in PLANS.columns).encode() + b"\r\n"


def test_the_data_set_comes_plan_by_plan_and_reads_as_one_json_document() -> None:
    plans = [{"id": f"kh-{n}", "title": "Chuyển đổi số"} for n in range(50)]
    reports = [{"plan": "kh-1", "date": "05/11/2025"}]
    registry = {"documents": [], "resources": []}
    pieces = list(dataset_chunks(map(to_json, plans), to_json(registry), map(to_json, reports)))
    assert len(pieces) >= len(plans) + len(reports)
    longest_plan = max(len(to_json(p)) for p in plans)
    assert all(len(piece) <= longest_plan + len(to_json(registry)) + 32 for piece in pieces)
    whole = b"".join(pieces)
    assert json.loads(whole) == {"plans": plans, "registry": registry, "reports": reports}
    assert whole == to_json({"plans": plans, "registry": registry, "reports": reports})


def test_a_static_file_gives_its_bytes_in_pieces_whatever_it_was_made_from() -> None:
    assert list(StaticFile("a.ics", data=b"abc").chunks()) == [b"abc"]
    assert list(StaticFile("b.json", build=lambda: b"{}").chunks()) == [b"{}"]
    streamed = StaticFile("c.csv", stream=lambda: iter([b"a", b"b"]))
    assert list(streamed.chunks()) == [b"a", b"b"] and streamed.content == b"ab"
