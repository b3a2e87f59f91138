"""The Material files our theme overrides copy, replace or rely on are the ones they were
written against: material_upstream.json records the sha256 of each, with Material's version.
A Material upgrade that changes one of them fails here, naming the overrides to re-check
against the new upstream before the record is updated. The installed Material is also the
one requirements.txt pins."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest

from kehoach.adapter import compat

ROOT = Path(__file__).resolve().parents[2]
RECORD_PATH = Path(__file__).with_name("material_upstream.json")
RECORD: dict[str, Any] = json.loads(RECORD_PATH.read_text(encoding="utf-8"))
RECORDED = f"tests/unit/{RECORD_PATH.name}"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_installed_material_is_the_pinned_one() -> None:
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    pinned = re.search(r"^mkdocs-material==([^\s#]+)", requirements, re.M)
    assert pinned, "requirements.txt does not pin mkdocs-material"
    installed = compat.material_version()
    assert installed == pinned[1], (
        f"mkdocs-material {installed} is installed, requirements.txt pins {pinned[1]}: "
        "run make setup")


def test_the_record_is_of_the_installed_material() -> None:
    installed, recorded = compat.material_version(), RECORD["version"]
    assert RECORD["package"] == "mkdocs-material", RECORD["package"]
    assert installed == recorded, (
        f"Material {installed} is installed, {RECORDED} was made for {recorded}: re-check the "
        "overrides it names against the new upstream files, then record their sha256 and "
        "the new version there")


@pytest.mark.parametrize("name", list(RECORD["files"]))
def test_materials_file_is_the_one_our_overrides_were_written_against(name: str) -> None:
    entry = RECORD["files"][name]
    upstream = compat.material_templates() / name
    assert upstream.is_file(), (
        f"Material {compat.material_version()} has no templates/{name} ({entry['why']}): "
        f"re-check {', '.join(entry['recheck'])} and update {RECORDED}")
    found = _sha256(upstream)
    assert found == entry["sha256"], (
        f"Material {compat.material_version()}'s templates/{name} is not the one of Material "
        f"{RECORD['version']} ({entry['why']}): re-check {', '.join(entry['recheck'])} "
        f"against the new upstream {upstream}, then record its sha256 {found} in {RECORDED}")


def test_every_override_is_recorded_with_the_material_file_it_shadows() -> None:
    """A template of overrides/ with a Material template's name replaces it: each such
    upstream file is in the record, and each override the record names exists."""
    templates = compat.material_templates()
    overrides = ROOT / "overrides"
    shadowed = {path.relative_to(overrides).as_posix() for path in overrides.rglob("*.html")
                if (templates / path.relative_to(overrides)).is_file()}  # fmt: skip
    assert {"base.html", "partials/nav-item.html"} <= shadowed, shadowed
    missing = shadowed - set(RECORD["files"])
    assert not missing, f"overrides/ replaces Material's {sorted(missing)}: add it to {RECORDED}"
    for name, entry in RECORD["files"].items():
        assert entry["recheck"] and entry["why"], name
        for path in entry["recheck"]:
            assert (ROOT / path).is_file(), f"{RECORDED}: {name} names {path}, which is gone"
        if name in shadowed:
            assert f"overrides/{name}" in entry["recheck"], (name, entry["recheck"])
