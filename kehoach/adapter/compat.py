"""MkDocs and Material internals the site relies on, read from the installed packages.

None of what is read here is a public API: a new release of MkDocs or Material may change
it. Each section reads one such internal where the package itself defines it, and fails the
build with a message naming the installed version when it is not found, rather than let the
site go wrong silently. tests/unit/test_theme_overrides.py covers the Material section.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

import material
from mkdocs.exceptions import PluginError

# --- Material: the theme's script ------------------------------------------------------------
# Material's JavaScript is one file whose name carries a hash of its content, so it changes
# with every Material release (assets/javascripts/bundle.<hash>.min.js). Material's base.html
# loads it by that literal name; our templates that load it themselves (overrides/main.html
# for every page, overrides/search.html later, from docs/assets/search.js) get the name from
# theme_script(), through the Jinja global set by hooks/search.py.

# The bundle as base.html names it, in a Jinja string: '…' or "…".
_BUNDLE = re.compile(r"""['"](assets/javascripts/bundle\.[\w.-]+\.min\.js)['"]""")


def material_templates() -> Path:
    """The installed Material's templates folder (its theme: base.html, partials/, assets/)."""
    return Path(material.__file__).parent / "templates"


def material_version() -> str:
    """The installed mkdocs-material's version, e.g. ``9.8.1``."""
    return metadata.version("mkdocs-material")


def theme_script(templates: Path | None = None) -> str:
    """The path of Material's theme script from the site's root, the one Material's base.html
    loads, e.g. ``assets/javascripts/bundle.a5f9d56c.min.js``. ``templates``: Material's
    templates folder (default: the installed one; another one for tests).

    Raises PluginError, which stops the build, when base.html names no bundle or several, or
    when the one it names is not among Material's files."""
    folder = material_templates() if templates is None else templates
    name = _named_bundle(folder)
    if not (folder / name).is_file():
        raise _bundle_error(folder, f"thiếu tệp {name}", f"{name} is missing")
    return name


def _named_bundle(folder: Path) -> str:
    base = folder / "base.html"
    if not base.is_file():
        raise _bundle_error(folder, "không có base.html", "there is no base.html")
    names: list[str] = sorted(set(_BUNDLE.findall(base.read_text(encoding="utf-8"))))
    if not names:
        raise _bundle_error(folder, "base.html không nạp tệp nào", "base.html loads none")
    if len(names) > 1:
        listed = ", ".join(names)
        raise _bundle_error(folder, f"base.html nạp {listed}", f"base.html loads {listed}")
    return names[0]


def _bundle_error(folder: Path, vietnamese: str, english: str) -> PluginError:
    version = material_version()
    return PluginError(
        f"Không tìm thấy tệp JavaScript của giao diện Material {version} "
        f"(assets/javascripts/bundle.*.min.js) trong {folder}: {vietnamese}. "
        f"Cần xem lại overrides/main.html và overrides/search.html cho phiên bản này.\n"
        f"Material {version}'s theme script (assets/javascripts/bundle.*.min.js) was not "
        f"found in {folder}: {english}. Re-check overrides/main.html and overrides/search.html "
        f"against this version."
    )
