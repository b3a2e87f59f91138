"""From a signed plan (.txt/.md, .docx, text .pdf) to a draft plan YAML, the registry entries
it needs and a review list. Used by scripts/import_plan.py and scripts/bench_import.py.

The package is a pipeline of small recognisers: reading (one module per format) → outline
(header, intro, sections, closing, recipients, signature, appendix) → header, references,
sections (purposes, activities, responsibilities…), appendix rows, units, locality →
assemble (the draft's data) → yamlout (the YAML with its "# KIỂM TRA:" comments)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kehoach.authoring.importer.assemble import Result, build
from kehoach.authoring.importer.known import Known
from kehoach.authoring.importer.reading import read_document
from kehoach.authoring.importer.review import review_lines
from kehoach.authoring.importer.yamlout import to_yaml
from kehoach.source.schema import PLAN_SCHEMA, REGISTRY_SCHEMA, SCHEMA_DIR, load_schema

__all__ = ["Imported", "import_document"]


@dataclass
class Imported:
    result: Result
    yaml: str
    review: list[str]
    registry_yaml: str | None

    @property
    def data(self) -> dict[str, Any]:
        return self.result.data


def schema_line(out: Path | None, commune_level: bool) -> str:
    """The yaml-language-server line, relative to where the draft goes (plans/<province>/
    [<commune>/] when written to standard output)."""
    if out is not None:
        rel = os.path.relpath(SCHEMA_DIR / PLAN_SCHEMA, out.resolve().parent)
    else:
        rel = ("../../../" if commune_level else "../../") + f"schema/{PLAN_SCHEMA}"
    return f"# yaml-language-server: $schema={Path(rel).as_posix()}"


def import_document(path: Path, known: Known, *, province: str | None = None,
                    commune: str | None = None, out: Path | None = None) -> Imported:
    source = read_document(path)
    result = build(source, known, province, commune)
    locality = result.data["locality"]
    line = schema_line(out, "commune" in locality or "former_unit" in locality)
    text, where = to_yaml(result.data, load_schema(PLAN_SCHEMA), result.review.notes, line)
    shown = str(out) if out is not None else "-"
    review = review_lines(result.review.notes, where, shown, str(path))
    registry = None
    if result.registry:
        registry_line = f"# yaml-language-server: $schema=../../schema/{REGISTRY_SCHEMA}"
        registry, _where = to_yaml(result.registry, load_schema(REGISTRY_SCHEMA), [],
                                   registry_line)
    return Imported(result, text, review, registry)
