"""No text a clerk writes can inject markup or script into any generated page."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from kehoach.source.schema import PLAN_SCHEMA, iter_schema_values
from tests.sitetools import FIXTURE_PLANS, build_site

PAYLOADS = (
    "<script>alert('kh-xss-1')</script>",
    '"><img src=x onerror=alert("kh-xss-2")>',
    "<b onmouseover=alert('kh-xss-3')>đậm</b>",
)
SOURCE = FIXTURE_PLANS / "ha-tinh/xa-thach-ha/2025-ngay-chuyen-doi-so.yaml"


def _poison(data: Any) -> int:
    """Append a payload to every free-text value of a plan; returns how many were changed."""
    targets = [
        path
        for path, value, node in iter_schema_values(PLAN_SCHEMA, data)
        if isinstance(value, str)
        and "pattern" not in node
        and "enum" not in node
        and node.get("maxLength", 1000) >= 200  # short labels cannot hold a payload
    ]
    for count, path in enumerate(targets):
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = f"{parent[path[-1]]} {PAYLOADS[count % len(PAYLOADS)]}"
    return len(targets)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("hostile")
    plans = work / "plans"
    shutil.copytree(FIXTURE_PLANS / "registry", plans / "registry")
    data = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    data["references"] = [r for r in data.get("references", []) if "plan" not in r]
    assert _poison(data) > 100
    target = plans / "ha-tinh/xa-thach-ha/plan.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    out = work / "site"
    build_site(out, plans_dir=plans)
    return out


class _LiveMarkup(HTMLParser):
    """Elements and attributes a payload would create if it were not escaped."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        # Payload text inside a quoted attribute value is escaped text and harmless; an
        # injection shows up as an event-handler attribute or as script content.
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_data(self, data: str) -> None:
        if self._in_script and "kh-xss" in data:
            self.found.append(f"<script>{data[:40]}")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


def test_no_payload_reaches_any_page_as_markup(hostile_site: Path) -> None:
    pages = list(hostile_site.rglob("*.html"))
    assert len(pages) > 10
    live = []
    for page in pages:
        parser = _LiveMarkup()
        parser.feed(page.read_text(encoding="utf-8"))
        live.extend(f"{page.relative_to(hostile_site)}: {f}" for f in parser.found)
    assert not live, "\n".join(live)


def test_the_check_itself_sees_live_markup() -> None:
    parser = _LiveMarkup()
    parser.feed(f"<p>{PAYLOADS[0]}{PAYLOADS[1]}</p>")
    assert len(parser.found) == 2


def test_payloads_are_shown_as_text(hostile_site: Path) -> None:
    """Escaped, not dropped: the reader sees exactly what the clerk typed."""
    plan_pages = [p for p in hostile_site.rglob("index.html") if "ha-tinh-thach-ha" in str(p)]
    text = plan_pages[0].read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in text
