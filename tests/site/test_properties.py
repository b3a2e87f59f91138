"""Property-based tests (hypothesis) on small built sites: every text of any valid plan is
shown on its page exactly as typed, escaped, never as markup (that any valid plan is
accepted: tests/unit/test_plan_properties.py).

Plans come from tests/plan_strategies.py (the schema's own constraints). Runs are
deterministic (derandomize, no example database), so CI sees the same examples every time.
"""

from __future__ import annotations

import json
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from hypothesis import Phase, given, settings

from kehoach.model.plan import LocalityRef
from kehoach.site import routes
from kehoach.site.routes import PLAN_JSON
from kehoach.source.localities import default_gazetteer
from tests.plan_strategies import COMMON_SETTINGS, Generated, plans, write_plans_dir
from tests.sitetools import build_site, page_text, squash


def _json(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


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
@settings(max_examples=8, phases=[Phase.explicit, Phase.generate], **COMMON_SETTINGS)
@given(plans())
def test_every_text_is_on_its_page_as_typed_and_never_markup(generated: Generated) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        plans_dir = write_plans_dir(root, generated)
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
