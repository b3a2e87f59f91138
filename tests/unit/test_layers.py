"""The import rule that keeps the pipeline readable: source → model → site is never crossed
backwards, and only the MkDocs adapter knows MkDocs.

Each package of kehoach may import only the packages listed for it below (and itself);
``kehoach.vietnamese`` (language helpers) is open to all. A new package must be added here,
so its place in the pipeline is a decision, not an accident.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "kehoach"
SHARED = {"kehoach.vietnamese"}
# package → the packages of kehoach it may import (besides itself and SHARED)
ALLOWED: dict[str, set[str]] = {
    "kehoach.vietnamese": set(),
    "kehoach.model": set(),
    "kehoach.source": {"kehoach.model"},
    "kehoach.formats": {"kehoach.model", "kehoach.source"},
    "kehoach.search": set(),
    "kehoach.timeline": {"kehoach.model"},
    "kehoach.tracking": {"kehoach.model"},
    "kehoach.authoring": {"kehoach.model", "kehoach.source", "kehoach.formats",
                          "kehoach.tracking"},
    "kehoach.site": {"kehoach.model", "kehoach.source", "kehoach.formats", "kehoach.search",
                     "kehoach.timeline", "kehoach.tracking"},
    "kehoach.adapter": {"kehoach.model", "kehoach.source", "kehoach.formats", "kehoach.search",
                        "kehoach.timeline", "kehoach.tracking", "kehoach.site"},
    # the built folder as a deployment (size, Pages limits); reads route names, no MkDocs
    "kehoach.publish": {"kehoach.site"},
}
MKDOCS = ("mkdocs", "material")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, module: str | None = None) -> set[str]:
    """Absolute names of everything ``path`` (the module ``module``) imports, relative
    imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = (module or _module_name(path)).split(".")
    if path.name != "__init__.py":
        here = here[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _package_of(module: str) -> str | None:
    """The entry of ALLOWED that ``module`` belongs to (None: outside kehoach)."""
    if module == "kehoach":
        return "kehoach"
    for package in ALLOWED:
        if module == package or module.startswith(package + "."):
            return package
    return None


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p != PACKAGE / "__init__.py")


def test_every_package_of_kehoach_has_a_place_in_the_rule() -> None:
    for path in MODULES:
        assert _package_of(_module_name(path)), f"{path}: add its package to ALLOWED"


def _violations(path: Path, module: str) -> list[str]:
    own = _package_of(module)
    assert own is not None, f"{module}: add its package to ALLOWED"
    allowed = ALLOWED[own] | SHARED | {own, "kehoach"}
    return sorted(name for name in _imports(path, module)
                  if _package_of(name) is not None and _package_of(name) not in allowed)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_follow_the_pipeline(path: Path) -> None:
    assert _violations(path, _module_name(path)) == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_adapter_imports_mkdocs(path: Path) -> None:
    if _package_of(_module_name(path)) == "kehoach.adapter":
        return
    for name in _imports(path):
        assert name.split(".")[0] not in MKDOCS, f"{path.relative_to(ROOT)} imports {name}"


def test_the_rule_catches_backward_imports(tmp_path: Path) -> None:
    """The checker itself: the model importing the site, absolutely or relatively, and the
    source layer importing the adapter are reported; allowed imports are not."""
    module = tmp_path / "plan.py"
    module.write_text("from kehoach.site import routes\nfrom ..source import catalog\n"
                      "from . import dates\nimport kehoach.vietnamese\n", encoding="utf-8")
    assert _violations(module, "kehoach.model.plan") == [
        "kehoach.site", "kehoach.site.routes", "kehoach.source", "kehoach.source.catalog"]
    module.write_text("import kehoach.adapter.compat\nfrom kehoach.model import plan\n",
                      encoding="utf-8")
    assert _violations(module, "kehoach.source.catalog") == ["kehoach.adapter.compat"]
