"""The theme overrides (overrides/) against the installed Material: the name of Material's
theme script is read from Material itself (kehoach.adapter.compat.theme_script), and a build
that cannot find it stops, saying why."""

from __future__ import annotations

from fnmatch import fnmatch
from importlib import metadata
from pathlib import Path

import pytest
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from hooks import search as search_hook
from kehoach.adapter import compat

BUNDLE = "assets/javascripts/bundle.{}.min.js"
TAG = "<script src=\"{{{{ '{}' | url }}}}\"></script>"  # as Material's base.html loads it


def _material(folder: Path, *, bundles: tuple[str, ...], files: tuple[str, ...]) -> Path:
    """A fake Material templates folder: a base.html loading ``bundles``, and ``files``."""
    folder.mkdir()
    scripts = "\n".join(TAG.format(BUNDLE.format(b)) for b in bundles)
    (folder / "base.html").write_text(f"<body>\n{scripts}\n</body>\n", encoding="utf-8")
    for name in files:
        (folder / BUNDLE.format(name)).parent.mkdir(parents=True, exist_ok=True)
        (folder / BUNDLE.format(name)).write_text("// theme\n", encoding="utf-8")
    return folder


def test_the_theme_script_is_the_one_materials_base_html_loads() -> None:
    name = compat.theme_script()
    templates = compat.material_templates()
    assert fnmatch(name, BUNDLE.format("*")), name
    assert (templates / name).is_file(), name
    base = (templates / "base.html").read_text(encoding="utf-8")
    assert TAG.format(name) in base, f"Material's base.html does not load {name}"


def test_a_fake_material_with_its_bundle_gives_that_bundle(tmp_path: Path) -> None:
    folder = _material(tmp_path / "t", bundles=("0123abcd",), files=("0123abcd",))
    assert compat.theme_script(folder) == BUNDLE.format("0123abcd")


@pytest.mark.parametrize(
    ("bundles", "files", "detail"),
    [
        ((), ("0123abcd",), "base.html loads none"),
        (("0123abcd",), (), f"{BUNDLE.format('0123abcd')} is missing"),
        (("0123abcd",), ("feedbeef",), f"{BUNDLE.format('0123abcd')} is missing"),
        (("0123abcd", "feedbeef"), ("0123abcd", "feedbeef"),
         f"base.html loads {BUNDLE.format('0123abcd')}, {BUNDLE.format('feedbeef')}"),
    ],
    ids=["not-loaded", "no-file", "other-file", "two-loaded"],
)
def test_a_fake_material_without_its_bundle_fails_clearly(
    tmp_path: Path, bundles: tuple[str, ...], files: tuple[str, ...], detail: str
) -> None:
    folder = _material(tmp_path / "t", bundles=bundles, files=files)
    with pytest.raises(PluginError) as raised:
        compat.theme_script(folder)
    _assert_clear(str(raised.value), folder, detail)


def test_a_material_without_base_html_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(PluginError) as raised:
        compat.theme_script(tmp_path)
    _assert_clear(str(raised.value), tmp_path, "there is no base.html")


def test_the_build_stops_when_materials_bundle_is_not_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hook sets the name on the templates' environment, before any page is rendered: a
    PluginError there is how MkDocs aborts a build with its message."""
    env = search_hook.on_env(Environment(), MkDocsConfig(), Files([]))
    assert env.globals["kh_theme_script"] == compat.theme_script()
    folder = _material(tmp_path / "t", bundles=(), files=())
    monkeypatch.setattr(compat, "material_templates", lambda: folder)
    with pytest.raises(PluginError) as raised:
        search_hook.on_env(Environment(), MkDocsConfig(), Files([]))
    _assert_clear(str(raised.value), folder, "base.html loads none")


def _assert_clear(message: str, folder: Path, detail: str) -> None:
    """Both languages, the installed Material's version, where it looked and what it missed."""
    version = metadata.version("mkdocs-material")
    assert f"Không tìm thấy tệp JavaScript của giao diện Material {version}" in message, message
    assert f"Material {version}'s theme script" in message, message
    assert str(folder) in message and detail in message, message
