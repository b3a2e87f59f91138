"""Load a whole plans/ tree: every file validated, every problem collected, then the model."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.model.plan import Plan, Registry, SourceFile
from kehoach.model.report import ReportFile
from kehoach.source.checks import KnownIds, check_plan_references
from kehoach.source.convert import to_model
from kehoach.source.localities import Gazetteer, Locality
from kehoach.source.problems import DataError, Problem, errors_only, shown
from kehoach.source.readmany import read_files
from kehoach.source.reports import PlanFacts, is_report_path, load_reports
from kehoach.source.schema import PLAN_SCHEMA, REGISTRY_SCHEMA
from kehoach.source.tree import REGISTRY_DIR as REGISTRY_DIR  # re-exported
from kehoach.source.tree import YAML_SUFFIXES, TreeFiles, scan_tree
from kehoach.source.yamlread.load import Document, load_file


@dataclass
class Catalog:
    """Everything the site is built from, already validated."""

    root: Path
    plans: list[SourceFile]
    registry: Registry
    gazetteer: Gazetteer
    warnings: list[Problem] = field(default_factory=list)
    reports: list[ReportFile] = field(default_factory=list)  # progress reports, bao-cao/

    def locality_of(self, plan: Plan) -> Locality:
        return self.gazetteer.resolve(plan.locality)


def plan_files(root: Path, tree: TreeFiles | None = None) -> tuple[list[Path], list[Path]]:
    """(registry files, plan files) under ``root``, in a stable order; the progress reports
    of the ``bao-cao/`` folders are not plans (report_files)."""
    tree = tree or scan_tree(root)
    return list(tree.registry), list(tree.plans)


def report_files(root: Path) -> list[Path]:
    """The progress reports under ``root`` (files in a ``bao-cao/`` folder), in order."""
    return list(scan_tree(root).reports)


def ignored_files(root: Path, tree: TreeFiles | None = None) -> list[Problem]:
    """A warning for each file under ``root`` that is not read: a plan saved as
    "ke-hoach.yaml.txt" or "KE-HOACH.YAML" would otherwise vanish without a word. Hidden
    files (".DS_Store", ".gitkeep") are the system's, not the clerk's."""
    tree = tree or scan_tree(root)
    return [Problem(_display(p), 1, 1, _ignored(p.name), "warning") for p in tree.ignored]


def _ignored(name: str) -> str:
    lower = name.lower()
    for suffix in YAML_SUFFIXES:
        at = lower.rfind(suffix)
        if at > 0:
            fix = f'đổi tên thành "{name[:at]}{suffix}"'
            break
    else:
        fix = "lưu nó thành tệp .yaml"
    return (
        "Tệp này không được đọc: chỉ tệp có đuôi .yaml hoặc .yml (chữ thường) là kế hoạch. "
        f"Nếu đây là một kế hoạch, {fix}; nếu không, chuyển tệp ra khỏi thư mục plans/. "
        "(Ignored: not a .yaml file.)"
    )


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def validate_paths(paths: Iterable[Path]) -> tuple[Catalog | None, list[Problem]]:
    """Validate plan trees or single plan files; never raises on bad data."""
    problems: list[Problem] = []
    catalogs: list[Catalog] = []
    for path in paths:
        root = path if path.is_dir() else _registry_root(path)
        catalog, found = _load_tree(root, only=None if path.is_dir() else [path])
        problems.extend(found)
        if catalog is not None:
            catalogs.append(catalog)
    return (catalogs[0] if len(catalogs) == 1 else None), sorted(set(problems))


def _registry_root(path: Path) -> Path:
    """The plans/ folder a single file belongs to (the nearest parent holding registry/)."""
    for parent in path.resolve().parents:
        if (parent / REGISTRY_DIR).is_dir():
            return parent
    return path.resolve().parent


def load_catalog(root: Path, only: Sequence[Path] | None = None,
                 ids_elsewhere: set[str] | None = None, tree: TreeFiles | None = None,
                 workers: int = 1) -> Catalog:
    """The validated catalog of ``root``; raises DataError listing every problem. ``only``:
    just these plan files (a preview), checked against the ids of all the others (read from
    the files unless the caller has them: ``ids_elsewhere``). ``tree``: the caller's walk
    of ``root``, if it has one. ``workers``: processes reading the files (readmany)."""
    chosen = None if only is None else list(only)
    catalog, problems = _load_tree(root, chosen, ids_elsewhere, tree, workers)
    if catalog is None or errors_only(problems):
        raise DataError(errors_only(problems) or problems)
    return catalog


def _load_tree(root: Path, only: list[Path] | None, ids_elsewhere: set[str] | None = None,
               tree: TreeFiles | None = None, workers: int = 1
               ) -> tuple[Catalog | None, list[Problem]]:
    if only is not None and len(only) == 1 and is_report_path(only[0], root):
        return _load_one_report(root, only[0])
    tree = tree or scan_tree(root)
    registry_paths, plan_paths = list(tree.registry), list(tree.plans)
    report_paths = list(tree.reports)
    if only is not None:
        chosen = _real(only)
        taken = [a in chosen for a in tree.absolute(plan_paths)]
        report_paths = _reports_of_chosen_folders(tree, report_paths, plan_paths, taken)
        plan_paths = [p for p, take in zip(plan_paths, taken, strict=True) if take] or only
    problems: list[Problem] = ignored_files(root, tree) if only is None else []
    registry, gazetteer = _load_registry(registry_paths, problems)
    docs = _parse_all(plan_paths, PLAN_SCHEMA, problems, workers)
    if ids_elsewhere is None:
        ids_elsewhere = _plan_ids_elsewhere(tree, only)
    all_ids = _plan_ids(docs, problems) | ids_elsewhere
    known = KnownIds(
        plans=frozenset(all_ids),
        resources=frozenset(r.id for r in registry.resources),
        documents=frozenset(d.id for d in registry.documents),
        gazetteer=gazetteer,
    )
    sources: list[SourceFile] = []
    # Each parsed document (data plus the position of every value) is released as soon as
    # its plan is checked and converted: at national scale they would not fit together.
    pending = deque(docs)
    del docs
    while pending:
        doc, schema_ok = pending.popleft()
        found = check_plan_references(doc, known)
        if found and not doc.positions:
            found = _recheck_with_positions(doc, known)
        problems.extend(found)
        if schema_ok and not errors_only(found):
            sources.append(SourceFile(path=doc.path, plan=to_model(Plan, doc.data)))
    facts = PlanFacts({s.plan.id: s.plan for s in sources}, frozenset(all_ids), gazetteer)
    display = {p: _display(p) for p in report_paths}
    reports = load_reports(report_paths, facts, problems, display, workers)
    if errors_only(problems):
        return None, problems
    catalog = Catalog(root, sources, registry, gazetteer, warnings=problems, reports=reports)
    return catalog, problems


def _reports_of_chosen_folders(
    tree: TreeFiles, report_paths: list[Path], plan_paths: list[Path], taken: list[bool]
) -> list[Path]:
    """A preview's reports: those of a locality folder whose plans are all chosen (``taken``,
    plan by plan; a report covers plans of its own folder, ``<locality>/bao-cao/``; with one
    of them left out, it would be told as naming an unknown activity)."""
    left_out = {os.path.dirname(os.fspath(p))
                for p, take in zip(plan_paths, taken, strict=True) if not take}
    return [r for r in report_paths if os.path.dirname(os.path.dirname(r)) not in left_out]


def _load_one_report(root: Path, report: Path) -> tuple[Catalog | None, list[Problem]]:
    """One report checked against the whole tree's plans; only its own problems are told
    (the plans' are told when they are checked)."""
    catalog, problems = _load_tree(root, None)
    shown_path = _display(report)
    own = [p for p in problems if p.path == shown_path]
    if catalog is None:
        return None, own
    return Catalog(root, catalog.plans, catalog.registry, catalog.gazetteer,
                   warnings=own, reports=[r for r in catalog.reports if r.path == shown_path]), own


def _with_positions(doc: Document) -> Document:
    """The document with its position table, parsing the file again if it was dropped."""
    if doc.positions:
        return doc
    full, _problems = load_file(Path(doc.path), doc.path)
    return full or doc


def _recheck_with_positions(doc: Document, known: KnownIds) -> list[Problem]:
    """Report a file's reference problems at their exact positions."""
    return check_plan_references(_with_positions(doc), known)


def _parse_all(paths: list[Path], schema: str, problems: list[Problem], workers: int
               ) -> list[tuple[Document, bool]]:
    docs: list[tuple[Document, bool]] = []
    shown = {path: _display(path) for path in paths}
    # A clean file's positions are dropped to bound memory (read_file).
    for read in read_files(paths, shown, schema, keep_positions=False, workers=workers):
        problems.extend(read.problems)
        if read.doc is not None:
            docs.append((read.doc, read.schema_ok))
    return docs


def _load_registry(paths: list[Path], problems: list[Problem]) -> tuple[Registry, Gazetteer]:
    merged: dict[str, list[dict[str, object]]] = {
        "resources": [],
        "documents": [],
        "former_units": [],
    }
    seen: dict[str, str] = {}
    for doc, ok in _parse_all(paths, REGISTRY_SCHEMA, problems, workers=1):
        if not ok:
            continue
        for section, entries in doc.data.items():
            for index, entry in enumerate(entries):
                if entry["id"] in seen:
                    line, col = _with_positions(doc).where((section, index, "id"))
                    problems.append(
                        Problem(
                            doc.path,
                            line,
                            col,
                            f'Mã "{shown(entry["id"])}" đã có trong {seen[entry["id"]]}. '
                            "Mỗi mục trong danh mục cần một mã riêng.",
                        )
                    )
                    continue
                seen[entry["id"]] = doc.path
                merged[section].append(entry)
    registry = to_model(Registry, merged)
    return registry, Gazetteer(registry.former_units)


def _plan_ids(docs: list[tuple[Document, bool]], problems: list[Problem]) -> set[str]:
    seen: dict[str, str] = {}
    for doc, _ok in docs:
        plan_id = doc.data.get("id")
        if not isinstance(plan_id, str):
            continue
        if plan_id in seen:
            line, col = _with_positions(doc).where(("id",))
            problems.append(
                Problem(
                    doc.path,
                    line,
                    col,
                    f'Mã kế hoạch "{shown(plan_id)}" đã dùng ở {seen[plan_id]}. '
                    "Đặt một mã khác, ví dụ thêm năm hoặc tên xã.",
                )
            )
        seen.setdefault(plan_id, doc.path)
    return set(seen)


def _real(paths: list[Path]) -> set[str]:
    """The chosen files as the tree's paths are compared to them: a tree path is only made
    absolute (a system call per file would cost seconds nationally); a chosen one is also
    taken with its links resolved."""
    return {os.path.abspath(p) for p in paths} | {os.path.realpath(p) for p in paths}


def _plan_ids_elsewhere(tree: TreeFiles, only: list[Path] | None) -> set[str]:
    """When some files are checked, the ids of the other plans they may reference (cheap
    scan: each file is read up to its top-level ``id:`` line)."""
    if only is None:
        return set()
    chosen = _real(only)
    ids: set[str] = set()
    for path, absolute in zip(tree.plans, tree.absolute(tree.plans), strict=True):
        if absolute in chosen:
            continue
        with path.open(encoding="utf-8", errors="replace") as lines:
            for line in lines:
                if line.startswith("id:"):
                    ids.add(line[3:].strip().strip("\"'"))
                    break
    return ids
