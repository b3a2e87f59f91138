"""Progress reports (schema/report.schema.json): read, checked against the plans they speak
of, and turned into the model.

A report lives in a ``bao-cao/`` folder beside the plans of its locality
(``plans/ha-tinh/xa-thach-ha/bao-cao/2025-11-05.yaml``): a folder and not a file per plan,
because one signed report often covers several plans of the locality; the folder keeps the
locality's reports together and out of the plans' way. Activities are named by the plan's id
and the activity's id, the two ids a clerk already reads in the plan file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kehoach.model.dates import DateFormatError, PartialDate
from kehoach.model.plan import LocalityRef, Plan
from kehoach.model.report import ProgressReport, ReportFile
from kehoach.source.checks import check_locality
from kehoach.source.convert import to_model
from kehoach.source.localities import Gazetteer
from kehoach.source.problems import Problem, errors_only, shown
from kehoach.source.readmany import read_files
from kehoach.source.reportchecks import UpdateCheck, check_update
from kehoach.source.schema import REPORT_SCHEMA
from kehoach.source.tree import REPORT_DIR
from kehoach.source.yamlread.load import Document


def is_report_path(path: Path, root: Path) -> bool:
    """True for a file inside a ``bao-cao/`` folder of the plans tree."""
    try:
        parts = path.resolve().relative_to(root.resolve()).parts
    except ValueError:
        parts = path.parts
    return REPORT_DIR in parts[:-1]


@dataclass(frozen=True)
class PlanFacts:
    """What a report is checked against: the plans of the tree, by id."""

    plans: Mapping[str, Plan]  # every plan that loaded
    all_ids: frozenset[str]  # every plan id, also of plans that failed their own checks
    gazetteer: Gazetteer


def load_reports(
    paths: list[Path], facts: PlanFacts, problems: list[Problem], display: dict[Path, str],
    workers: int = 1,
) -> list[ReportFile]:
    """Every report of ``paths`` that is valid; the problems of the others go to
    ``problems``. ``workers``: processes reading the files (kehoach.source.readmany)."""
    reports: list[ReportFile] = []
    seen: dict[str, str] = {}
    for read in read_files(paths, display, REPORT_SCHEMA, workers=workers):
        problems.extend(read.problems)
        if read.doc is None:
            continue
        own = _check_id(read.doc, seen) + _check_content(read.doc, facts)
        problems.extend(own)
        if read.schema_ok and not errors_only(own):
            reports.append(ReportFile(read.doc.path, to_model(ProgressReport, read.doc.data)))
    return reports


def _check_id(doc: Document, seen: dict[str, str]) -> list[Problem]:
    report_id = doc.data.get("id") if isinstance(doc.data, dict) else None
    if not isinstance(report_id, str):
        return []
    if report_id in seen:
        line, col = doc.where(("id",))
        return [Problem(doc.path, line, col,
                        f'Mã báo cáo "{shown(report_id)}" đã dùng ở {seen[report_id]}. Đặt một '
                        "mã khác, ví dụ thêm ngày của báo cáo.")]
    seen[report_id] = doc.path
    return []


def _check_content(doc: Document, facts: PlanFacts) -> list[Problem]:
    """The checks that need the plans; each part runs on its own, so a report with a wrong
    shape in one place still gets its other problems reported."""
    data = doc.data
    if not isinstance(data, dict):
        return []
    problems: list[Problem] = []
    # A locality of the wrong shape is the schema check's to report.
    with contextlib.suppress(KeyError, TypeError, AttributeError):
        problems.extend(check_locality(doc, facts.gazetteer))
    locality = _locality(data.get("locality"), facts.gazetteer)
    document = data.get("document")
    date = _day(document.get("date") if isinstance(document, dict) else None)
    seen: set[tuple[str, str]] = set()
    for index, update in enumerate(data.get("activities") or []):
        if not isinstance(update, dict):
            continue
        check = UpdateCheck(doc, index, update, date, locality)
        problems.extend(check_update(check, facts.plans, facts.all_ids, facts.gazetteer, seen))
    return problems


def _locality(value: object, gazetteer: Gazetteer) -> LocalityRef | None:
    """The report's locality when it is one the gazetteer knows, else None (its codes are
    reported by check_locality; comparing plans with it would only add noise)."""
    if not isinstance(value, dict) or not isinstance(value.get("province"), str):
        return None
    if not all(isinstance(value.get(k, ""), str) for k in ("commune", "former_unit")):
        return None
    ref = LocalityRef(value["province"], value.get("commune"), value.get("former_unit"))
    known = gazetteer.has_province(ref.province) and (
        ref.commune is None or gazetteer.ward_province(ref.commune) == ref.province
    ) and (ref.former_unit is None or gazetteer.has_former(ref.former_unit))
    return ref if known and not (ref.commune and ref.former_unit) else None


def _day(value: object) -> PartialDate | None:
    if not isinstance(value, str):
        return None
    try:
        date = PartialDate.parse(value)
    except DateFormatError:
        return None
    return date if date.precision == "day" else None
