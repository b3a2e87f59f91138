"""scripts/_national_reports.py: the synthetic national set's progress reports validate, and a
realistic share of localities reports (some none, some partial, some late), the same on
every run."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from kehoach.source.catalog import load_catalog
from kehoach.source.localities import default_gazetteer
from kehoach.tracking.tracker import track
from scripts import _national_reports, gen_national

MOMENT = dt.datetime(2025, 12, 31, tzinfo=dt.UTC)


def _sample() -> list[tuple[str, list[dict[str, object]]]]:
    gazetteer = default_gazetteer()
    out = []
    for code in gazetteer.province_codes()[:3]:
        province = gazetteer.province(code)
        for loc in [province, *sorted(gazetteer.communes_of(code), key=lambda c: c.key)[:30]]:
            plan = gen_national.build_plan(loc, province)
            out.append((loc.key, _national_reports.build_reports(loc, plan)))
    return out


def test_a_realistic_share_reports() -> None:
    counts = Counter(len(reports) for _key, reports in _sample())
    total = sum(counts.values())
    assert 0.2 < counts[0] / total < 0.5, counts  # some localities never report
    assert 0.3 < counts[1] / total < 0.6, counts  # most report once
    assert 0.05 < counts[2] / total < 0.35, counts  # some twice


def test_reports_validate_and_show_partial_late_and_dropped_work(tmp_path: Path) -> None:
    gen_national.generate(tmp_path, provinces=1, communes=30)
    catalog = load_catalog(tmp_path)  # raises DataError listing every problem
    assert catalog.reports and not catalog.warnings
    tracker = track([s.plan for s in catalog.plans], [r.report for r in catalog.reports],
                    MOMENT)
    keys = Counter(s.key for s in tracker.statuses.values())
    assert {"done", "done_late", "late_in_progress", "dropped", "overdue_not_reported"} <= set(
        keys), keys
    covered = {(u.plan, u.activity) for r in catalog.reports for u in r.report.activities}
    reported_plans = {plan for plan, _a in covered}
    partial = [s.plan for s in catalog.plans if s.plan.id in reported_plans and
               any((s.plan.id, a.id) not in covered for a in s.plan.activities)]
    assert partial and len(reported_plans) < len(catalog.plans)


def test_the_same_reports_on_every_run() -> None:
    assert _sample() == _sample()
