"""Runs one golden case of the importer (tests/fixtures/import/cases/<name>/): input.txt,
with the command-line options of args.txt if there is one, against the small plans folder of
tests/fixtures/import/plans. Gives the texts its expected-* files hold."""

from __future__ import annotations

import shlex
from pathlib import Path

from kehoach.authoring.importer import import_document
from kehoach.authoring.importer.known import Known, load_known

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
CASES = FIXTURES / "cases"
KNOWN_PLANS = FIXTURES / "plans"


def known() -> Known:
    return load_known(KNOWN_PLANS)


def case_options(case: Path) -> dict[str, str]:
    args_file = case / "args.txt"
    words = shlex.split(args_file.read_text(encoding="utf-8")) if args_file.exists() else []
    return {words[i].removeprefix("--"): words[i + 1] for i in range(0, len(words), 2)}


def run_case(case: Path, plans: Known | None = None) -> dict[str, str]:
    """{"expected.yaml": draft, "expected-review.txt": review list[, "expected-registry.yaml"]}."""
    source = case / "input.txt"
    options = case_options(case)
    imported = import_document(source, plans or known(), province=options.get("province"),
                               commune=options.get("commune"))
    review = "".join(line.replace(str(source), "input.txt") + "\n" for line in imported.review)
    found = {"expected.yaml": imported.yaml, "expected-review.txt": review}
    if imported.registry_yaml is not None:
        found["expected-registry.yaml"] = imported.registry_yaml
    return found
