"""What plans/ already holds: the registry (documents, platforms, former units) and the
plans, so a draft reuses their ids instead of inventing new ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach.model.plan import FormerUnit
from kehoach.source.catalog import plan_files
from kehoach.source.convert import to_model
from kehoach.source.localities import Gazetteer
from kehoach.source.yamlread.load import load_file


@dataclass
class Known:
    documents: list[dict[str, Any]] = field(default_factory=list)
    resources: list[dict[str, Any]] = field(default_factory=list)
    former_units: list[FormerUnit] = field(default_factory=list)
    plans: list[dict[str, Any]] = field(default_factory=list)  # id, number, date, issuer
    unit_names: list[str] = field(default_factory=list)  # every plan's units, once each
    gazetteer: Gazetteer = field(default_factory=Gazetteer)

    def plan_ids(self) -> set[str]:
        return {str(p["id"]) for p in self.plans}


def load_known(plans_dir: Path | None, leave_out: Path | None = None) -> Known:
    """Read plans_dir leniently: a file that does not load is skipped (``make check`` is the
    place that reports it), so a broken plan never stops an import. ``leave_out``: a plan not
    to learn from (the benchmark's answer to the document it imports)."""
    known = Known()
    if plans_dir is None or not plans_dir.is_dir():
        return known
    registry_files, plan_paths = plan_files(plans_dir)
    for path in registry_files:
        doc, _problems = load_file(path)
        if doc is None or not isinstance(doc.data, dict):
            continue
        known.documents += [d for d in doc.data.get("documents", []) if isinstance(d, dict)]
        known.resources += [r for r in doc.data.get("resources", []) if isinstance(r, dict)]
        for entry in doc.data.get("former_units", []):
            try:
                known.former_units.append(to_model(FormerUnit, entry))
            except (TypeError, ValueError, KeyError):
                continue
    for path in plan_paths:
        if leave_out is not None and path.resolve() == leave_out.resolve():
            continue
        doc, _problems = load_file(path)
        if doc is not None and isinstance(doc.data, dict) and "id" in doc.data:
            document = doc.data.get("document") or {}
            known.plans.append({"id": doc.data["id"], "number": document.get("number"),
                                "date": document.get("date"), "issuer": doc.data.get("issuer")})
            names = (u.get("name") for u in doc.data.get("units") or [] if isinstance(u, dict))
            known.unit_names += [n for n in names if isinstance(n, str)
                                 and n not in known.unit_names]
    known.gazetteer = Gazetteer(tuple(known.former_units))
    return known
