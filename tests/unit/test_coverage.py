"""Coverage figures of a small synthetic set (one province, three of its communes with plans,
two of them reporting), checked against numbers the test derives on its own from the set's
description: which localities published and reported, the activities by group, the targets
met; then the province page, the national page and the CSV agree with them."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from kehoach.site import routes
from kehoach.site.build import build_site
from kehoach.site.coverage import CoverageIndex
from kehoach.site.index import build_index
from kehoach.source.catalog import load_catalog
from kehoach.source.localities import default_gazetteer
from kehoach.tracking.tracker import track
from tests.plansdirs import CASES_DIR

MOMENT = dt.datetime(2025, 11, 20, 5, 0, tzinfo=dt.UTC)  # 20/11/2025 in Vietnam
TODAY = dt.date(2025, 11, 20)
PROVINCE = "42"
# commune index → activities: (id, end date, reported status or None, target?, achieved)
SET: dict[int, list[tuple[str, str, str | None, bool, float | None]]] = {
    0: [("a1", "10/10/2025", "hoàn thành", True, 85.0),
        ("a2", "31/12/2025", "đang thực hiện", False, None),
        ("a3", "31/10/2025", None, False, None)],
    1: [("b1", "15/10/2025", "đang thực hiện", True, 60.0),
        ("b2", "30/11/2025", None, False, None),
        ("b3", "01/10/2025", "không thực hiện", False, None)],
    2: [("c1", "31/12/2025", None, True, None)],
}


def _plan(code: str, index: int) -> str:
    lines = [f"id: ke-hoach-{index}", "document:", "  type: Kế hoạch", '  date: "01/10/2025"',
             "issuer: UBND", "locality:", f'  province: "{PROVINCE}"', f'  commune: "{code}"',
             "year: 2025", "title: Kế hoạch thử", "activities:"]
    for aid, end, _status, has_target, _value in SET[index]:
        lines += [f"  - id: {aid}", f"    title: Hoạt động {aid}", "    when:",
                  f'      end: "{end}"']
        if has_target:
            lines += ["    targets:", "      - text: Trên 80%", "        value: 80",
                      '        unit: "%"', "        comparator: more_than"]
    return "\n".join(lines) + "\n"


def _report(code: str, index: int) -> str | None:
    reported = [a for a in SET[index] if a[2] is not None]
    if not reported:
        return None
    lines = [f"id: bao-cao-{index}", "document:", "  type: Báo cáo", '  date: "05/11/2025"',
             "issuer: UBND", "locality:", f'  province: "{PROVINCE}"', f'  commune: "{code}"',
             "title: Báo cáo thử", "activities:"]
    for aid, _end, status, _t, value in reported:
        lines += [f"  - plan: ke-hoach-{index}", f"    activity: {aid}", f"    status: {status}"]
        if status == "không thực hiện":
            lines.append("    reason: Không có kinh phí")
        if value is not None:
            lines += ["    targets:", "      - target: 1", f"        value: {value}"]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def communes() -> list[str]:
    return [c.key.split("/")[1] for c in default_gazetteer().communes_of(PROVINCE)[:3]]


@pytest.fixture(scope="module")
def plans_dir(tmp_path_factory: pytest.TempPathFactory, communes: list[str]) -> Path:
    root = tmp_path_factory.mktemp("coverage") / "plans"
    (root / "registry").mkdir(parents=True)
    registry = CASES_DIR / "accepted-minimal-plan" / "plans" / "registry" / "registry.yaml"
    (root / "registry" / "registry.yaml").write_bytes(registry.read_bytes())
    for index, code in enumerate(communes):
        folder = root / code
        (folder / "bao-cao").mkdir(parents=True)
        (folder / "ke-hoach.yaml").write_text(_plan(code, index), encoding="utf-8")
        report = _report(code, index)
        if report:
            (folder / "bao-cao" / "2025-11-05.yaml").write_text(report, encoding="utf-8")
    return root


def _expected_group(end: str, status: str | None) -> str:
    """The rule, restated for this set: no report → overdue once the end date has passed;
    reported in progress after the end date → overdue."""
    day, month, year = (int(x) for x in end.split("/"))
    late = dt.date(year, month, day) < TODAY
    if status is None:
        return "overdue" if late else "not_reported"
    if status == "hoàn thành":
        return "done"
    if status == "không thực hiện":
        return "dropped"
    return "overdue" if late else "in_progress"


def _expected() -> dict[str, int]:
    groups = [_expected_group(end, status) for acts in SET.values() for _a, end, status, _t, _v
              in acts]
    targets = [(t, v) for acts in SET.values() for _a, _e, _s, t, v in acts if t]
    return {
        "with_plan": len(SET), "reported": sum(1 for acts in SET.values()
                                               if any(a[2] for a in acts)),
        "activities": len(groups),
        **{g: groups.count(g) for g in ("done", "in_progress", "overdue", "not_reported",
                                        "dropped")},
        "targets": len(targets), "targets_reported": sum(1 for _t, v in targets if v is not None),
        "targets_met": sum(1 for _t, v in targets if v is not None and v > 80),
    }


def test_province_figures_match_the_independent_count(plans_dir: Path) -> None:
    catalog = load_catalog(plans_dir)
    tracker = track([s.plan for s in catalog.plans], [r.report for r in catalog.reports], MOMENT)
    index = CoverageIndex(build_index(catalog), tracker)
    province = catalog.gazetteer.province(PROVINCE)
    figures = index.province_figures(province, 2025)
    expected = _expected()
    assert expected == {"with_plan": 3, "reported": 2, "activities": 7, "done": 1,
                        "in_progress": 1, "overdue": 2, "not_reported": 2, "dropped": 1,
                        "targets": 3, "targets_reported": 2, "targets_met": 1}
    assert figures.localities == 1 + len(catalog.gazetteer.communes_of(PROVINCE))
    assert (figures.with_plan, figures.reported, figures.activities) == (
        expected["with_plan"], expected["reported"], expected["activities"])
    assert dict(figures.groups) == {g: expected[g] for g in dict(figures.groups)}
    assert (figures.targets, figures.targets_reported, figures.targets_met) == (
        expected["targets"], expected["targets_reported"], expected["targets_met"])
    national = index.national_figures(2025)
    assert (national.with_plan, national.reported, national.groups) == (
        figures.with_plan, figures.reported, figures.groups)


def test_pages_and_csv_carry_the_same_figures(plans_dir: Path, communes: list[str]) -> None:
    catalog = load_catalog(plans_dir)
    data = build_site(catalog, moment=MOMENT)
    pages = {p.src_uri: p for p in data.pages}
    province = catalog.gazetteer.province(PROVINCE)
    view = pages[routes.src_uri(routes.coverage(2025, province))].view()
    assert isinstance(view, dict) and view["totals"]["reported"] == 2
    national = pages[routes.src_uri(routes.coverage(2025))].view()
    assert isinstance(national, dict)
    row = next(r for r in national["rows"] if r["name"] == province.name)
    expected = _expected()
    assert (row["done"], row["overdue"], row["not_reported"], row["targets"]) == (
        expected["done"], expected["overdue"], expected["not_reported"],
        f"{expected['targets_met']}/{expected['targets']}")
    csv_file = next(f for f in data.files if f.uri == routes.COVERAGE_CSV)
    rows = list(csv.DictReader(io.StringIO(csv_file.content.decode("utf-8-sig"))))
    mine = [r for r in rows if r["commune_code"] in communes]
    assert sum(int(r["activities_overdue"]) for r in mine) == expected["overdue"]
    assert sum(int(r["reported"]) for r in mine) == expected["reported"]
