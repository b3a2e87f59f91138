"""The edits of a clerk's pull request, made as a clerk makes them: in the text of the files.

``fill_in`` completes a plan scaffolded by scripts/new_plan.py (document number and date, a
second unit, dated activities with a target, a second responsibility); ``retitle`` rewrites
the title of any existing plan, whatever way its title is written (plain, quoted, folded);
``removable`` picks a plan that no other plan refers to.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from kehoach.source.catalog import Catalog
from kehoach.source.yamlread.load import load_file

NEW_UNIT = "cong-an-xa"
NEW_ACTIVITY = "Tập huấn kỹ năng số cho cán bộ, công chức và người dân"
EDITED_TITLE = "Kế hoạch tổ chức các hoạt động Ngày Chuyển đổi số quốc gia (bản sửa đổi)"


def _insert_after(lines: list[str], anchor: str, new: list[str]) -> None:
    found = [i for i, line in enumerate(lines) if line == anchor]
    assert len(found) == 1, f"the scaffold has {len(found)} lines {anchor!r}, not one"
    lines[found[0] + 1 : found[0] + 1] = new


def _activity_lines(unit: str, year: int) -> list[str]:
    return [
        f"    partners: [{NEW_UNIT}]",
        "    when:",
        f'      start: "06/10/{year}"',
        f'      end: "10/10/{year}"',
        "    place: Hội trường Ủy ban nhân dân xã",
        "    targets:",
        "      - text: Ít nhất 80% hộ gia đình được hướng dẫn cài đặt ứng dụng VNeID",
        "        value: 80",
        '        unit: "%"',
        "        comparator: at_least",
        "  - id: tap-huan-ky-nang-so",
        f"    title: {NEW_ACTIVITY}",
        f"    lead: [{NEW_UNIT}]",
        f"    partners: [{unit}]",
        "    when:",
        f'      start: "10/{year}"',
        "      ongoing: true",
    ]


def fill_in(path: Path) -> None:
    """Completes the scaffold at ``path`` in place, as the transcription guide asks."""
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    unit, year = data["units"][0], data["year"]
    lines = text.split("\n")
    _insert_after(lines, f"  type: {data['document']['type']}",
                  ["  number: 25/KH-UBND", f'  date: "02/10/{year}"'])
    _insert_after(lines, f"    name: {unit['name']}",
                  [f"  - id: {NEW_UNIT}", "    name: Công an xã"])
    _insert_after(lines, f"    lead: [{unit['id']}]", _activity_lines(unit["id"], year))
    _insert_after(lines, f"      - {data['responsibilities'][0]['duties'][-1]}", [
        f"  - units: [{NEW_UNIT}]",
        "    duties:",
        "      - Bảo đảm an ninh, trật tự trong thời gian tổ chức các hoạt động.",
    ])
    path.write_text("\n".join(lines), encoding="utf-8")


def retitle(path: Path, title: str = EDITED_TITLE) -> None:
    """Replaces the plan's top-level title (the key's line and every line of its value)."""
    doc, problems = load_file(path)
    assert doc is not None and "title" in doc.data, problems
    first = doc.key_positions[("title",)][0] - 1
    lines = path.read_text(encoding="utf-8").split("\n")
    last = first + 1
    while last < len(lines) and (not lines[last] or lines[last][0] in " \t"):
        last += 1
    while last > first + 1 and not lines[last - 1].strip():
        last -= 1  # the blank lines before the next key stay
    lines[first:last] = [f"title: {json.dumps(title, ensure_ascii=False)}"]
    path.write_text("\n".join(lines), encoding="utf-8")


def removable(catalog: Catalog, keep: str) -> str:
    """The id of a plan no other plan refers to, other than ``keep`` (last by file name)."""
    cited = {r.plan for s in catalog.plans for r in s.plan.references if r.plan}
    free = sorted((s.path, s.plan.id) for s in catalog.plans
                  if s.plan.id not in cited and s.plan.id != keep)  # fmt: skip
    assert free, "every other plan is referred to: none can be removed without breaking one"
    return free[-1][1]
