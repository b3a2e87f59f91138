"""Timelines' pure geometry, without building the site: the build moment, spans of partial and
open dates, the chart's bars and scale, weeks and the now / next agenda (the built charts:
tests/site/test_timeline.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.model.plan import When
from kehoach.site.pages.timeline_plan import build_moment
from kehoach.source.catalog import load_catalog
from kehoach.timeline.gantt import RowInput, Scale, build_chart, fit_label
from kehoach.timeline.span import Span, calendar_span, close
from kehoach.timeline.weeks import cells, counts, mondays, now_and_next
from tests.plansdirs import FIXTURE_PLANS
from tests.sitetools import FIXED_EPOCH


def test_build_moment_follows_source_date_epoch() -> None:
    moment = build_moment(int(FIXED_EPOCH))
    assert moment == dt.datetime(2025, 10, 10, tzinfo=dt.UTC)
    assert abs(build_moment(None) - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)


def test_spans_of_partial_and_open_dates() -> None:
    window = Span(dt.date(2025, 10, 10), dt.date(2025, 12, 31))
    from kehoach.model.dates import PartialDate as D

    assert close(When(start=D(2025, 10), end=D(2025, 10)), window) == Span(
        dt.date(2025, 10, 1), dt.date(2025, 10, 31))
    assert close(When(start=D(2025, 10)), window) == Span(dt.date(2025, 10, 1), window.end)
    assert close(When(end=D(2025, 10, 15)), window) == Span(window.start, dt.date(2025, 10, 15))
    assert close(When(end=D(2025, 10, 1)), window) == Span(dt.date(2025, 10, 1),
                                                           dt.date(2025, 10, 1))
    assert close(When(ongoing=True), window) is None
    catalog = load_catalog(FIXTURE_PLANS)
    plan = next(s.plan for s in catalog.plans if s.plan.id == "ha-tinh-thach-ha-2025-ngay-cds")
    ongoing = next(a for a in plan.activities if a.when and a.when.ongoing)
    assert calendar_span(plan, ongoing.when) == Span(dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_chart_geometry() -> None:
    from kehoach.model.dates import PartialDate as D

    rows = [RowInput("a", "a. Một", When(start=D(2025, 10, 6), end=D(2025, 10, 10))),
            RowInput("b", "b. Hai", When(ongoing=True)), RowInput("c", "c. Ba", None)]
    window = Span(dt.date(2025, 10, 6), dt.date(2025, 10, 10))
    chart = build_chart(rows, window, None, [], dt.date(2026, 1, 1))
    assert chart is not None and [r.key for r in chart.rows] == ["a", "b"]
    assert (chart.start, chart.end) == ("2025-10-01", "2025-10-31")  # whole months
    bar = chart.rows[0].bar
    assert bar is not None and bar.x == pytest.approx(chart.x0 + 5 * chart.day_width)
    assert bar.width == pytest.approx(5 * chart.day_width, abs=0.01)
    assert chart.rows[1].track is not None and chart.rows[1].bar is None
    assert chart.today.state == "after" and chart.today.anchor == "end"
    assert build_chart([rows[2]], window, None, [], dt.date(2025, 1, 1)) is None
    scale = Scale.fit(Span(dt.date(2025, 10, 1), dt.date(2025, 10, 31)))
    label, _left, anchor = fit_label("x" * 400, None, scale)
    assert anchor == "start" and len(label) * 6.6 <= scale.width + 2 * scale.x0


def test_weeks_and_agenda() -> None:
    days = mondays(Span(dt.date(2025, 10, 1), dt.date(2025, 10, 31)))
    assert days[0] == dt.date(2025, 9, 29) and len(days) == 5
    spans = [Span(dt.date(2025, 10, 6), dt.date(2025, 10, 10)),
             Span(dt.date(2025, 10, 1), dt.date(2025, 10, 31))]
    assert counts(spans, days) == [1, 2, 1, 1, 1]
    assert [c.level for c in cells([0, 1, 2], 2)] == [0, 2, 4]
    items = [(spans[1], "b"), (spans[0], "a"), (Span(dt.date(2025, 10, 20),
                                                     dt.date(2025, 10, 21)), "c")]
    now, upcoming = now_and_next(items, dt.date(2025, 10, 8))
    assert [d for _s, d in now] == ["a", "b"] and [d for _s, d in upcoming] == ["c"]
