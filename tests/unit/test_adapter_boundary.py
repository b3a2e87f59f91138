"""The MkDocs boundary: hooks/*.py only name the ``on_*`` functions of kehoach/adapter/, only
kehoach/adapter/ imports MkDocs or Material, and only kehoach/adapter/compat.py touches their
internals (so an upgrade has one file to re-check)."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from tests.sitetools import ROOT

HOOKS = sorted((ROOT / "hooks").glob("*.py"))
ADAPTER = ROOT / "kehoach" / "adapter"
COMPAT = ADAPTER / "compat.py"
HOOK_LINES = 40
MODULE_LINES = 300
# What only compat.py may use: MkDocs' private URL cache, its log messages and internal
# logger, glibc's malloc_trim, Jinja's compiled-template entry points (include), how MkDocs
# makes a page, relative URLs and anchor ids.
INTERNALS = ("_norm_parts", "malloc_trim", "ctypes", "root_render_func", "new_context",
             "Page skipped", "Template skipped", "mkdocs.commands", "Page(None",
             "present_anchor_ids", "normalize_url")  # fmt: skip


def _python_files(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders for p in folder.rglob("*.py"))


def _imported_roots(source: str) -> set[str]:
    """The top-level packages a module imports, anywhere in it (functions too)."""
    roots: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            roots.add(node.module.split(".")[0])
    return roots


def _bound_names(source: str) -> list[str]:
    """The names a module binds at its top level (``from __future__`` aside)."""
    names: list[str] = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            names += [alias.asname or alias.name.split(".")[0] for alias in node.names]
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names += [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]
    return names


def _load_hook(path: Path) -> ModuleType:
    """A hook file loaded as MkDocs loads it (a file, not a module of a package)."""
    name = f"kehoach_test_hook_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_hook_file_is_listed_in_mkdocs_yml() -> None:
    listed = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8").replace("!ENV", ""))["hooks"]
    assert sorted(listed) == [f"hooks/{p.name}" for p in HOOKS]
    # publish.py's options are needed by pages.py; security.py hashes the final HTML.
    assert listed[0] == "hooks/publish.py" and listed[-1] == "hooks/security.py"


@pytest.mark.parametrize("path", HOOKS, ids=lambda p: p.name)
def test_hook_files_only_name_adapter_functions(path: Path) -> None:
    source = path.read_text("utf-8")
    assert len(source.splitlines()) <= HOOK_LINES
    public = [n for n in _bound_names(source) if not n.startswith("_")]
    assert public and all(n.startswith("on_") for n in public), public
    # Nothing but the adapter is imported (MkDocs comes in through it alone).
    tree = ast.parse(source)
    modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert modules <= {"__future__", "kehoach.adapter"}
    assert not any(isinstance(n, ast.Import) for n in ast.walk(tree))
    hook = _load_hook(path)
    for name in public:
        function = getattr(hook, name)
        assert callable(function) and function.__module__.startswith("kehoach.adapter."), name


def test_only_the_adapter_imports_mkdocs_or_material() -> None:
    outside = [p for p in _python_files(ROOT / "kehoach") if ADAPTER not in p.parents]
    theme = {"mkdocs", "material"}
    found = {str(p.relative_to(ROOT)): _imported_roots(p.read_text("utf-8")) & theme
             for p in outside}  # fmt: skip
    assert {path: roots for path, roots in found.items() if roots} == {}
    # The check sees imports (the adapter's, inside functions too):
    assert "mkdocs" in _imported_roots(COMPAT.read_text("utf-8"))
    assert _imported_roots("def f():\n    from material.plugins import x\n") == {"material"}


def test_only_compat_touches_internals() -> None:
    files = [p for p in _python_files(ROOT / "kehoach", ROOT / "hooks") if p != COMPAT]
    used = {(str(p.relative_to(ROOT)), name) for p in files for name in INTERNALS
            if name in p.read_text("utf-8")}  # fmt: skip
    assert used == set()
    # Each name on the list is one compat.py really uses (the list is not stale).
    compat = COMPAT.read_text("utf-8")
    assert [name for name in INTERNALS if name not in compat] == []


def test_adapter_modules_are_short() -> None:
    sizes = {p.name: len(p.read_text("utf-8").splitlines()) for p in ADAPTER.glob("*.py")}
    assert {name: size for name, size in sizes.items() if size > MODULE_LINES} == {}
    assert "compat.py" in sizes and "state.py" in sizes

