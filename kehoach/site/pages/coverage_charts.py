"""The geometry of the coverage pages' bar charts (drawn by overrides/coverage.html): plain
numbers, so the template writes the SVG and Python builds no markup."""

from __future__ import annotations

from collections.abc import Sequence

from kehoach.site.views.coverage import Chart, ChartBar
from kehoach.tracking.coverage import Figures
from kehoach.tracking.statuses import GROUPS

LABEL_WIDTH = 150.0  # the bars' names, left of them
BAR_SPACE = 130.0  # the longest bar
BAR_HEIGHT = 18.0
GAP = 8.0


def _bars(items: Sequence[tuple[str, int, str]]) -> tuple[list[ChartBar], float]:
    top = max((value for _l, value, _k in items), default=0) or 1
    bars: list[ChartBar] = []
    for row, (label, value, key) in enumerate(items):
        width = round(BAR_SPACE * value / top, 2)
        bars.append({"label": label, "value": value, "y": row * (BAR_HEIGHT + GAP),
                     "width": width, "value_x": LABEL_WIDTH + width + 4, "key": key})
    return bars, len(items) * (BAR_HEIGHT + GAP) - GAP


def places_chart(chart_id: str, figures: Figures, what: str) -> Chart:
    items = [("Tổng số địa phương", figures.localities, "places"),
             ("Đã có kế hoạch", figures.with_plan, "places"),
             ("Đã báo cáo", figures.reported, "places")]
    bars, height = _bars(items)
    desc = (f"{what}: {figures.localities} địa phương, {figures.with_plan} đã có kế hoạch, "
            f"{figures.reported} đã báo cáo kết quả.")
    return {"id": chart_id, "title": "Địa phương có kế hoạch và báo cáo", "desc": desc,
            "height": height, "label_width": LABEL_WIDTH, "bars": bars}


def activities_chart(chart_id: str, figures: Figures, what: str) -> Chart:
    items = [(GROUPS[g], figures.group(g), g) for g in GROUPS]
    bars, height = _bars(items)
    parts = ", ".join(f"{label.lower()} {value}" for label, value, _k in items)
    desc = f"{what}: {figures.activities} hoạt động; {parts}."
    return {"id": chart_id, "title": "Hoạt động theo tình trạng", "desc": desc,
            "height": height, "label_width": LABEL_WIDTH, "bars": bars}
