"""A site with progress reports (tests/trackingdata.py: the fixture plans and three reports),
built by MkDocs at 15/11/2025 10:00 in Vietnam, which the reference site of the seed plans (no
report) cannot show: every page says that day; the embeddable page gives each activity's
status; the JSON open data holds each report exactly as its YAML file, and each entry of its
``activities`` is the row of bao-cao.csv for that update; a report is an entry of the Atom
feeds; a plan's search result carries its progress; a province's page, that of its
communes' plans; the "Đang diễn ra / Sắp tới" lists, each activity's status. The same site
in a browser: tests/browser/test_tracking_browser.py."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.sitetools import build_site, page_text
from tests.trackingdata import MOMENT, THACH_HA, tracked_plans

AS_OF = "Tình hình tính đến ngày 15/11/2025."
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def tracked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the plans with their reports, the site built from them)."""
    folder = tmp_path_factory.mktemp("tracked-site")
    plans = tracked_plans(folder)
    build_site(folder / "site", plans, epoch=str(int(MOMENT.timestamp())))
    return plans, folder / "site"


def _report_files(plans: Path) -> list[dict[str, Any]]:
    """The reports as the clerks wrote them, oldest first (then by id)."""
    reports = [yaml.safe_load(p.read_text("utf-8")) for p in plans.glob("**/bao-cao/*.yaml")]
    assert len(reports) == 3

    def day(report: dict[str, Any]) -> dt.date:
        return dt.datetime.strptime(report["document"]["date"], "%d/%m/%Y").date()

    return sorted(reports, key=lambda r: (day(r), r["id"]))


def test_every_page_says_the_day_of_its_statuses(tracked: tuple[Path, Path]) -> None:
    _plans, site = tracked
    pages = [p for p in sorted(site.glob("**/*.html")) if p.name != "404.html"]
    assert len(pages) > 100
    missing = [p.relative_to(site).as_posix() for p in pages
               if AS_OF not in page_text(p.read_text("utf-8"))]
    assert not missing, missing


def test_the_embeddable_page_gives_each_activity_its_status(tracked: tuple[Path, Path]) -> None:
    _plans, site = tracked
    text = page_text((site / "ha-tinh" / "xa-thach-ha" / "nhung" / "index.html")
                     .read_text("utf-8"))
    assert AS_OF in text
    for status in ("hoàn thành", "không thực hiện", "đang thực hiện, quá hạn",
                   "quá hạn, chưa có báo cáo"):
        assert status in text, status


def test_the_json_open_data_holds_each_report_as_its_yaml_file(
    tracked: tuple[Path, Path]
) -> None:
    plans, site = tracked
    data = json.loads((site / "du-lieu" / "ke-hoach.json").read_text("utf-8"))
    assert list(data) == ["plans", "registry", "reports"]
    schema = json.loads((site / "schema" / "report.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for report in data["reports"]:
        assert not list(validator.iter_errors(report)), report["id"]
    assert data["reports"] == _report_files(plans)
    page = page_text((site / "du-lieu" / "index.html").read_text("utf-8"))
    assert "và 3 báo cáo kết quả thực hiện (5 lần cập nhật tình hình một hoạt động)" in page


def _csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def _iso(day: str) -> str:
    """ "05/11/2025" → "2025-11-05"."""
    return dt.datetime.strptime(day, "%d/%m/%Y").date().isoformat()


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _expected_row(report: dict[str, Any], update: dict[str, Any]) -> dict[str, str]:
    """What bao-cao.csv must say of one update, worked out from its JSON entry alone."""
    return {
        "report_id": report["id"],
        "report_date": _iso(report["document"]["date"]),
        "report_number": report["document"].get("number", ""),
        "report_title": report["title"],
        "report_url": report.get("url", ""),
        "plan_id": update["plan"],
        "activity_id": update["activity"],
        "status": update["status"],
        "progress": _number(update["progress"]) if "progress" in update else "",
        "completed": _iso(update["completed"]) if "completed" in update else "",
        "done": update.get("done", ""),
        "reason": update.get("reason", ""),
        "figures": "\n".join(f"{f['label']}: {_number(f['value'])} {f['unit']}"
                             for f in update.get("figures", [])),
        "targets": "\n".join(f"{t['target']}: {_number(t['value'])}"
                             + (f" {t['unit']}" if "unit" in t else "")
                             + (f" ({_iso(t['date'])})" if "date" in t else "")
                             for t in update.get("targets", [])),
        "evidence": "\n".join(e["url"] for e in update.get("evidence", [])),
    }


def test_each_update_in_the_json_is_a_row_of_the_csv(tracked: tuple[Path, Path]) -> None:
    _plans, site = tracked
    reports = json.loads((site / "du-lieu" / "ke-hoach.json").read_text("utf-8"))["reports"]
    expected = [_expected_row(r, u) for r in reports for u in r["activities"]]
    rows = _csv_rows(site / "du-lieu" / "bao-cao.csv")
    assert len(rows) == len(expected) == 5
    assert [{k: row[k] for k in want} for row, want in zip(rows, expected, strict=True)] \
        == expected


def _entries(feed: Path) -> dict[str, ET.Element]:
    root = ET.parse(feed).getroot()
    return {e.findtext(f"{ATOM}id", ""): e for e in root.iter(f"{ATOM}entry")}


def test_a_report_is_an_entry_of_the_feeds(tracked: tuple[Path, Path]) -> None:
    plans, site = tracked
    reports = {r["id"]: r for r in _report_files(plans)}
    everywhere = _entries(site / "feed.xml")
    ha_tinh = _entries(site / "ha-tinh" / "feed.xml")
    dong_nai = _entries(site / "dong-nai" / "feed.xml")
    for report_id, report in reports.items():
        key = next(k for k in everywhere if k.endswith(f":bao-cao/{report_id}"))
        entry = everywhere[key]
        assert entry.findtext(f"{ATOM}title", "").endswith(report["title"])
        assert entry.findtext(f"{ATOM}published", "").startswith(_iso(report["document"]["date"]))
        own = ha_tinh if report["locality"]["province"] == "42" else dong_nai
        assert key in own
        # The entry opens the plan's tracking section, which the page has.
        link = entry.find(f"{ATOM}link")
        assert link is not None
        href = link.get("href", "")
        assert href.endswith("/#tinh-hinh"), href
        page = href.split("/kehoach/", 1)[1].removesuffix("#tinh-hinh")
        assert 'id="tinh-hinh"' in (site / page / "index.html").read_text("utf-8")
    assert not any(":bao-cao/xuan-loc" in k for k in ha_tinh)
    assert any(k.endswith(f"ke-hoach/{THACH_HA}") for k in ha_tinh)  # plans stay entries


def test_a_plans_search_metadata_carries_its_progress(tracked: tuple[Path, Path]) -> None:
    _plans, site = tracked
    metas = [m for chunk in sorted((site / "chi-muc-tim-kiem" / "p").glob("*.json"))
             for m in json.loads(chunk.read_text("utf-8"))]
    plan = next(m for m in metas if m["url"].endswith(f"/{THACH_HA}/"))
    assert plan["progress"].startswith("tiến độ 23,3%: 1/6 đã hoàn thành, 3 quá hạn")
    assert all("progress" not in m for m in metas if m.get("kind") != "Kế hoạch")


def test_the_province_page_gives_each_communes_plan_its_progress(
    tracked: tuple[Path, Path]
) -> None:
    _plans, site = tracked
    page = (site / "ha-tinh" / "index.html").read_text("utf-8")
    section = page_text(page.split('id="ke-hoach-xa"', 1)[1].split("</section>", 1)[0])
    assert "Xã Thạch Hà · tiến độ 23,3%, báo cáo 05/11/2025" in section
    assert "Huyện Đức Thọ · tiến độ 0%, chưa có báo cáo" in section


def test_the_lists_of_what_runs_now_say_each_status(tracked: tuple[Path, Path]) -> None:
    _plans, site = tracked
    page = (site / "lich" / "index.html").read_text("utf-8")  # the year 2025
    now = page_text(page.split('data-kh-list="now"', 1)[1].split("</ul>", 1)[0])
    # Ends 31/12/2025, no report: not due yet on 15/11.
    assert "Tỉnh Vĩnh Long · 10/10/2025 – 31/12/2025 · chưa có báo cáo" in now
