"""The templates of overrides/ and the types of their data (kehoach/site/views) stay in step.

Each page template is checked (tests/unit/viewcheck.py) against the TypedDicts that
kehoach.site.views.TEMPLATE_VIEWS gives for it, through its aliases, loops, macros, includes
and parents: every key it reads must exist. Every key of every view type must be read by a
template or be listed in READ_ELSEWHERE. The views built from tests/fixtures/plans are checked
against the same types at run time, so that the template names of kehoach/site/pages and the
types agree.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import shutil
import typing
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypedDict

import material
import pytest
from jinja2 import Environment, nodes

import kehoach.site.views as views_package
from kehoach.site.build import build_site
from kehoach.site.pages import documents, resources
from kehoach.site.views import READ_ELSEWHERE, TEMPLATE_VIEWS, PageData
from kehoach.site.views.plan import PlanPage
from kehoach.source.catalog import load_catalog
from tests.plansdirs import FIXTURE_PLANS, ROOT
from tests.unit.viewcheck import Checker
from tests.unit.viewtypes import alternatives, describe, is_typeddict, keys_of

OVERRIDES = ROOT / "overrides"
THEME = Path(material.__file__).parent / "templates"  # Material's own, not checked
VIEWS = Path(views_package.__file__).parent


def run_checker(folder: Path = OVERRIDES) -> Checker:
    checker = Checker(folder, THEME)
    for name, view in TEMPLATE_VIEWS.items():
        checker.check_page(name, view)
    return checker


def view_types() -> list[type]:
    """Every TypedDict of kehoach/site/views."""
    found: dict[str, type] = {}
    for info in pkgutil.iter_modules([str(VIEWS)]):
        module = importlib.import_module(f"kehoach.site.views.{info.name}")
        for name, value in vars(module).items():
            if is_typeddict(value) and value.__module__ == module.__name__:
                assert name not in found, f"two view types named {name}"
                found[name] = value
    return list(found.values())


def declarations() -> dict[str, tuple[set[str], set[str]]]:
    """Class name → (the keys it declares itself, the names of its bases), from the source:
    at run time a TypedDict no longer knows its TypedDict bases."""
    found: dict[str, tuple[set[str], set[str]]] = {}
    for path in VIEWS.glob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef):
                own = {s.target.id for s in node.body
                       if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)}
                found[node.name] = (own, {b.id for b in node.bases if isinstance(b, ast.Name)})
    return found


def unread(reads: Iterable[tuple[type, str]], types: Iterable[type]) -> list[str]:
    """The keys of ``types`` that no template reads (on the type or on a type inheriting it)
    and that READ_ELSEWHERE does not list."""
    declared = declarations()

    def lineage(name: str) -> set[str]:
        bases = declared.get(name, (set(), set()))[1]
        return {name}.union(*(lineage(base) for base in bases))

    covered = {(owner, key) for tp, key in reads for owner in lineage(tp.__name__)}
    missing = []
    for tp in types:
        own = declared[tp.__name__][0] if tp.__name__ in declared else set(keys_of(tp) or ())
        missing += [f"{tp.__name__}.{key}" for key in sorted(own)
                    if (tp.__name__, key) not in covered | READ_ELSEWHERE.keys()]
    return missing


def check_source(source: str, view: tuple[type, ...] = (PlanPage,)) -> Checker:
    """A template given as a string, checked like a page template of overrides/."""
    checker = Checker(OVERRIDES, THEME)
    checker.add_source("synthetic.html", source)
    checker.check_page("synthetic.html", view)
    return checker


@pytest.fixture(scope="module")
def checked() -> Checker:
    return run_checker()


def test_every_key_a_template_reads_is_in_its_view_type(checked: Checker) -> None:
    assert checked.errors == []


def test_every_key_of_the_view_types_is_read(checked: Checker) -> None:
    assert unread(checked.reads, view_types()) == []


def test_keys_read_elsewhere_are_keys_of_the_view_types() -> None:
    types = {tp.__name__: tp for tp in view_types()}
    for (name, key), reader in READ_ELSEWHERE.items():
        assert name in types and key in (keys_of(types[name]) or {}), (name, key)
        assert reader.strip()


def test_every_page_template_has_its_view_types() -> None:
    used: set[str] = set()
    for path in (ROOT / "kehoach" / "site" / "pages").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "template":
                assert isinstance(node.value, ast.Constant), f"{path.name}: template not literal"
                used.add(node.value.value)
    assert used == set(TEMPLATE_VIEWS)
    assert all((OVERRIDES / name).is_file() for name in TEMPLATE_VIEWS)


def test_every_template_that_reads_view_is_checked(checked: Checker) -> None:
    for path in sorted(OVERRIDES.rglob("*.html")):
        tree = Environment().parse(path.read_text(encoding="utf-8"))
        if any(name.name == "view" for name in tree.find_all(nodes.Name)):
            assert path.relative_to(OVERRIDES).as_posix() in checked.visited, path


# --- the checker fails where it must -----------------------------------------------------

KH = '{% import "partials/kh.html" as kh with context %}'
MISSPELT = [  # (a template that reads right, the same misspelt, the key reported)
    ("{{ view.plan.title }}", "{{ view.plan.titel }}", "titel"),
    ('{{ view["body"]["intro"] }}', '{{ view["body"]["intro_"] }}', "intro_"),
    ('{{ view.plan.get("issuer") }}', '{{ view.plan.get("isuer") }}', "isuer"),
    ("{% set p = view.plan %}{{ p.locality.name }}",
     "{% set p = view.plan %}{{ p.locality.nam }}", "nam"),
    ("{% for a in view.activities %}{{ a.when.summary }}{% endfor %}",
     "{% for a in view.activities %}{{ a.when.sumary }}{% endfor %}", "sumary"),
    ("{% macro m(u) %}{{ u.name }}{% endmacro %}{{ m(view.units[0]) }}",
     "{% macro m(u) %}{{ u.nmae }}{% endmacro %}{{ m(view.units[0]) }}", "nmae"),
    ("{{ view.timeline.chart.width }}", "{{ view.timeline.chart.widht }}", "widht"),
    # A macro of partials/kh.html given the wrong list: references have no locality.
    (KH + "{{ kh.plan_list(view.implemented_by) }}", KH + "{{ kh.plan_list(view.references) }}",
     "locality"),
]


@pytest.mark.parametrize(("good", "bad", "key"), MISSPELT)
def test_a_misspelt_key_fails_the_check(good: str, bad: str, key: str) -> None:
    assert check_source(good).errors == []
    errors = check_source(bad).errors
    assert any(f"has no key {key!r}" in error for error in errors), errors


def test_a_mapping_given_for_a_list_fails_the_check() -> None:
    assert check_source(KH + "{{ kh.breadcrumbs(view.breadcrumbs) }}").errors == []
    errors = check_source(KH + "{{ kh.breadcrumbs(view.plan) }}").errors
    assert errors and "iterates over a mapping" in errors[0], errors


def test_a_misspelt_key_in_a_partial_fails_the_check(tmp_path: Path) -> None:
    """The real templates, one key misspelt in a partial that a page includes."""
    folder = tmp_path / "overrides"
    shutil.copytree(OVERRIDES, folder)
    partial = folder / "partials" / "locality-timeline.html"
    text = partial.read_text(encoding="utf-8")
    assert "t.year_url" in text
    partial.write_text(text.replace("t.year_url", "t.year_link"), encoding="utf-8")
    errors = run_checker(folder).errors
    assert len(errors) == 1 and errors[0].startswith("partials/locality-timeline.html:")
    assert "has no key 'year_link'" in errors[0]


class _Sample(TypedDict):
    title: str
    forgotten: int


def test_a_key_no_template_reads_is_reported() -> None:
    checker = check_source("{{ view.title }}", (_Sample,))
    assert checker.errors == []
    assert unread(checker.reads, [_Sample]) == ["_Sample.forgotten"]


# --- the views as built ------------------------------------------------------------------


def conforms(value: Any, tp: Any, where: str) -> list[str]:
    """Why ``value`` is not of type ``tp`` (a TypedDict: exactly its keys), if it is not."""
    atoms = alternatives(tp)
    if len(atoms) > 1:
        if any(not conforms(value, atom, where) for atom in atoms):
            return []
        return [f"{where}: {value!r:.60} is none of {describe(atoms)}"]
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if is_typeddict(tp):
        keys = keys_of(tp) or {}
        if not isinstance(value, dict) or set(value) != set(keys):
            got = sorted(value) if isinstance(value, dict) else type(value).__name__
            return [f"{where}: {got} is not {tp.__name__} {sorted(keys)}"]
        return [e for key, hint in keys.items()
                for e in conforms(value[key], hint, f"{where}.{key}")]
    if origin in (list, tuple):
        if not isinstance(value, origin):
            return [f"{where}: {type(value).__name__}, not {origin.__name__}"]
        return [e for i, item in enumerate(value) for e in conforms(item, args[0], f"{where}[{i}]")]
    if origin is dict:  # a look-up table (e.g. PlanTimelineBase.status_of): keys and values
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not dict"]
        return [e for k, item in value.items() for e in
                conforms(k, args[0], f"{where} key") + conforms(item, args[1], f"{where}[{k!r}]")]
    if origin is typing.Literal:
        return [] if value in args else [f"{where}: {value!r} not in {args}"]
    expected = (int, float) if tp is float else (type(None) if tp is None else tp)
    return [] if isinstance(value, expected) else [f"{where}: {value!r:.60} is not {tp}"]


def test_the_views_built_from_the_plans_have_their_templates_types(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Documents and platforms cited by two plans or more get their per-province pages too.
    monkeypatch.setattr(documents, "SPLIT_AT", 1)
    monkeypatch.setattr(resources, "SPLIT_AT", 1)
    seen: set[type] = set()
    for page in build_site(load_catalog(FIXTURE_PLANS)).pages:
        view = page.view()
        problems = {tp.__name__: conforms(view, tp, page.src_uri)
                    for tp in TEMPLATE_VIEWS[page.template]}
        matching = [tp for tp in TEMPLATE_VIEWS[page.template] if not problems[tp.__name__]]
        assert matching, problems
        seen.update(matching)
        if page.data is not None:
            assert not conforms(page.data, PageData, page.src_uri), page.src_uri
    assert seen == {tp for types in TEMPLATE_VIEWS.values() for tp in types}
