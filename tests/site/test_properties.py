"""Property-based tests (hypothesis): any valid plan is accepted, and every text in it is
shown on its page exactly as typed, escaped, never as markup.

Plans come from tests/plan_strategies.py (the schema's own constraints). Runs are
deterministic (derandomize, no example database), so CI sees the same examples every time.
"""

from __future__ import annotations

import json
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, given, settings

from kehoach.model.plan import LocalityRef
from kehoach.site import routes
from kehoach.site.pages.opendata import PLAN_JSON
from kehoach.source.catalog import validate_paths
from kehoach.source.localities import default_gazetteer
from kehoach.source.problems import Problem
from tests.plan_strategies import Generated, plans
from tests.sitetools import build_site, page_text, squash

COMMON: dict[str, Any] = {
    "deadline": None,
    "derandomize": True,
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}


class _Dumper(yaml.SafeDumper):
    """The validator refuses anchors and aliases: never emit them, even for equal objects."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _write(root: Path, generated: Generated) -> Path:
    plans_dir = root / "plans"
    (plans_dir / "registry").mkdir(parents=True)
    for name, data in (("registry/registry.yaml", generated.registry),
                       ("ke-hoach.yaml", generated.plan)):
        text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**9)
        (plans_dir / name).write_text(text, encoding="utf-8")
    return plans_dir


def _json(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _errors(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


@settings(max_examples=60, **COMMON)
@given(plans())
def test_every_generated_plan_is_accepted(generated: Generated) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        plans_dir = _write(Path(scratch), generated)
        catalog, problems = validate_paths([plans_dir])
    assert problems == [], _errors(problems)
    assert catalog is not None and len(catalog.plans) == 1


class _Markup(HTMLParser):
    """Elements and attributes that only data escaping badly could create."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._script = tag == "script"
        if tag.startswith("kh-"):
            self.found.append(f"<{tag}>")
        self.found.extend(f"<{tag} {name}>" for name, _v in attrs if name.startswith("on"))

    def handle_data(self, data: str) -> None:
        if self._script and "khxss" in data:
            self.found.append(f"<script>{data[:40]}")

    def handle_comment(self, data: str) -> None:
        # A "<!--" typed by a clerk must not open a comment that swallows the page.
        if "khxss" in data or "kh-tag" in data:
            self.found.append(f"<!--{data[:40]}")

    def handle_endtag(self, tag: str) -> None:
        self._script = False


def _plan_page(site: Path, plan: dict[str, Any]) -> Path:
    loc = plan["locality"]
    place = default_gazetteer().resolve(LocalityRef(province=loc["province"],
                                                    commune=loc.get("commune")))
    return site / routes.plan(place, plan["id"]) / "index.html"


def test_the_markup_check_sees_live_markup() -> None:
    parser = _Markup()
    parser.feed('<p><kh-tag x="1"><img src=x onerror=khxss()><script>khxss()</script></p>')
    assert len(parser.found) == 3


# Each example is a whole site build (~3 s): no shrinking, which would build hundreds more;
# a failure is reported with the example as generated.
@settings(max_examples=8, phases=[Phase.explicit, Phase.generate], **COMMON)
@given(plans())
def test_every_text_is_on_its_page_as_typed_and_never_markup(generated: Generated) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        plans_dir = _write(root, generated)
        build_site(root / "site", plans_dir=plans_dir)
        page = _plan_page(root / "site", generated.plan)
        html = page.read_text(encoding="utf-8")
        data = json.loads((page.parent / PLAN_JSON).read_text(encoding="utf-8"))
    shown = page_text(html)
    missing = [value for value in generated.texts if squash(value) not in shown]
    assert not missing, f"not shown as typed: {missing}"
    published = json.dumps(data, ensure_ascii=False)
    unpublished = [v for v in generated.data_only if _json(v) not in published]
    assert not unpublished, f"not in {PLAN_JSON}: {unpublished}"
    parser = _Markup()
    parser.feed(html)
    assert not parser.found, parser.found
