"""The files of a plans/ tree, found by ONE walk of its folders (file names only, nothing
read): the registry, the plans, the progress reports and the files no one reads.

Nationally the tree holds ~20,000 files; each extra walk, or a path resolved per file, cost
seconds (the clerk's preview waited for it on every save), so every reader of the tree takes
its lists from one ``TreeFiles``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

REGISTRY_DIR = "registry"
REPORT_DIR = "bao-cao"  # a locality's progress reports (kehoach/source/reports.py)
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class TreeFiles:
    """The files under ``root``, each list in the order of their paths (Path order)."""

    root: Path
    registry: tuple[Path, ...]  # under registry/
    plans: tuple[Path, ...]  # every other .yaml file, but reports
    reports: tuple[Path, ...]  # .yaml files in a bao-cao/ folder
    ignored: tuple[Path, ...]  # not .yaml, not hidden, in the walk's order (ignored_files;
    # after a rescan, the folders walked again come last)

    def absolute(self, paths: Iterable[Path]) -> list[str]:
        """``paths`` (files of this tree) as os.path.abspath gives them, by text: one
        abspath for the root rather than one per file (a second nationally)."""
        top = os.fspath(self.root)
        start = 0 if top == os.curdir else len(top) + 1  # Path("./a") is spelt "a"
        whole = os.path.abspath(top)
        return [os.path.join(whole, os.fspath(p)[start:]) for p in paths]


def scan_tree(root: Path) -> TreeFiles:
    """The files of ``root`` (symbolic links to folders are not followed, as os.walk)."""
    return _sorted(root, _walk(os.fspath(root), os.fspath(root)))


def rescan(tree: TreeFiles, folders: Iterable[Path]) -> TreeFiles:
    """``tree`` with the files under each of ``folders`` (inside its root) found again, the
    rest as they were: what a preview's rebuild needs after a save in the folders it
    watches, without walking the country again."""
    top = os.fspath(tree.root)
    # Each folder spelt as the walk of the root spells its files (the root may be relative).
    starts = [os.path.normpath(os.path.join(top, os.path.relpath(os.path.abspath(f),
                                                                  os.path.abspath(top))))
              for f in folders]
    prefixes = tuple(os.path.join(start, "") for start in starts)
    kept = [[p for p in found if not os.fspath(p).startswith(prefixes)]
            for found in (tree.registry, tree.plans, tree.reports, tree.ignored)]
    for start in starts:
        if os.path.isdir(start):
            for found, more in zip(kept, _walk(top, start), strict=True):
                found.extend(more)
    return _sorted(tree.root, (kept[0], kept[1], kept[2], kept[3]))


_Found = tuple[list[Path], list[Path], list[Path], list[Path]]


def _walk(top: str, start: str) -> _Found:
    """(registry, plans, reports, ignored) under ``start``, classified by their place below
    ``top``, the tree's root."""
    found: _Found = ([], [], [], [])
    registry, plans, reports, ignored = found
    for folder, dirs, names in os.walk(start):
        dirs.sort()
        # The folder's own parts below the root, from the walk itself: no path is resolved.
        inner = os.path.relpath(folder, top).split(os.sep) if folder != top else []
        in_registry = inner[:1] == [REGISTRY_DIR]
        target = registry if in_registry else reports if REPORT_DIR in inner else plans
        for name in sorted(names):
            if name.endswith(YAML_SUFFIXES):
                target.append(Path(folder, name))
            elif not name.startswith("."):
                ignored.append(Path(folder, name))
    return found


def _sorted(root: Path, found: _Found) -> TreeFiles:
    registry, plans, reports, ignored = found
    return TreeFiles(root, tuple(sorted(registry)), tuple(sorted(plans)),
                     tuple(sorted(reports)), tuple(ignored))
