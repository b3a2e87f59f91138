"""Activity weights (the plan's progress roll-up) are given on every activity or on none."""

from __future__ import annotations

from kehoach.source.problems import Problem, shown
from kehoach.source.yamlread.load import Document, JsonPath


def check_weights(doc: Document, known: object) -> list[Problem]:
    """Weights are on every activity or on none: a roll-up mixing weighted and unweighted
    activities would say a progress nobody chose."""
    activities = doc.data.get("activities", [])
    missing = [i for i, a in enumerate(activities) if "weight" not in a]
    if not missing or len(missing) == len(activities):
        return []
    first = missing[0]
    more = f" ({len(missing)} hoạt động chưa có trọng số)" if len(missing) > 1 else ""
    message = (
        f'Hoạt động "{shown(activities[first].get("id", ""))}" thiếu trọng số (weight){more}: '
        "khi một hoạt động có trọng số thì mọi hoạt động của kế hoạch đều phải có. Thêm "
        "dòng weight: 1 (số nguyên từ 1 đến 100), hoặc xóa weight ở mọi hoạt động. "
        "(Weights go on every activity or on none.)"
    )
    return [_at_key(doc, ("activities", first, "id"), message)]


def _at_key(doc: Document, json_path: JsonPath, message: str) -> Problem:
    line, column = doc.where(json_path, key=True)
    return Problem(doc.path, line, column, message)
