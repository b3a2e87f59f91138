"""The theme overrides (overrides/) against the installed Material: the name of Material's
theme script is read from Material itself (kehoach.adapter.compat.theme_script), and a build
that cannot find it stops, saying why; the blocks of Material's base.html that
overrides/main.html copies differ from Material's only by our changes, and every block our
templates override is still one that Material defines."""

from __future__ import annotations

import re
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
OVERRIDES = Path(__file__).resolve().parents[2] / "overrides"


def _cached(partial: str) -> str:
    return (f'{{% if kh_cached_partial is defined %}}{{{{ kh_cached_partial("{partial}") }}}}'
            f'{{% else %}}{{% include "{partial}" %}}{{% endif %}}')


# Blocks of Material's base.html that overrides/main.html replaces with a copy, and the only
# changes (old, new) in each copy; {bundle}: the theme script, whose name changes every release.
MAIN_BLOCKS = {
    # Rendered once per distinct set of links by hooks/navcache.py (see its docstring).
    "tabs": [('{% include "partials/tabs.html" %}', _cached("partials/tabs.html"))],
    "site_nav": [('{% include "partials/nav.html" %}', _cached("partials/nav.html"))],
    # Deferred: it runs after parsing, as at the end of <body>, but no longer holds up the
    # first paint on a slow phone (Lighthouse: ~0.6 s of render-blocking time).
    "scripts": [(TAG.format("{bundle}"),
                 '<script src="{{ kh_theme_script | url }}" defer></script>')],
}
# Block tags as Material and we write them (no whitespace control, no name at the end).
TAGS = re.compile(r"\{% (?:block (\w+)|endblock) %\}")


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


def _block(text: str, name: str) -> str | None:
    """The text between ``{% block name %}`` and its own ``{% endblock %}``, blocks nested in
    it included; None when ``text`` has no such block."""
    start, depth = None, 0
    for tag in TAGS.finditer(text):
        opening = tag[1] is not None
        if start is None:
            if opening and tag[1] == name:
                start, depth = tag.end(), 1
            continue
        depth += 1 if opening else -1
        if depth == 0:
            return text[start : tag.start()]
    return None


def _names(text: str) -> set[str]:
    return set(re.findall(r"\{%-? block (\w+)", text))


@pytest.mark.parametrize("name", list(MAIN_BLOCKS))
def test_main_html_copies_materials_blocks_with_only_our_changes(name: str) -> None:
    expected = _block((compat.material_templates() / "base.html").read_text(encoding="utf-8"), name)
    assert expected is not None, f"Material's base.html has no block {name}: re-check main.html"
    for old, new in MAIN_BLOCKS[name]:
        old = old.replace("{bundle}", compat.theme_script())
        assert old in expected, f"Material's block {name} no longer has {old!r}: copy it again"
        expected = expected.replace(old, new)
    ours = _block((OVERRIDES / "main.html").read_text(encoding="utf-8"), name)
    assert ours == expected, (
        f"overrides/main.html's block {name} differs from Material's beyond the changes in "
        "MAIN_BLOCKS: copy it again from Material's base.html and re-apply them")


def test_every_block_our_templates_override_is_one_material_defines() -> None:
    """A block Material renamed or removed would be overridden in vain, without an error."""
    defined = _names((compat.material_templates() / "base.html").read_text(encoding="utf-8"))
    ours = _names((OVERRIDES / "main.html").read_text(encoding="utf-8"))
    assert {"tabs", "site_nav", "scripts", "content", "extrahead"} <= ours
    defined |= {"kh_main"}  # main.html's own slot, for the generated pages
    for template in sorted(OVERRIDES.glob("*.html")):
        if template.name == "base.html":  # the copy of Material's, which defines them
            continue
        unknown = _names(template.read_text(encoding="utf-8")) - defined
        assert not unknown, (f"overrides/{template.name} overrides blocks Material no longer "
                             f"defines: {sorted(unknown)}")
