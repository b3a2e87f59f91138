"""The field reference page is generated from the schemas and documents every field."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach.authoring.fielddocs import SCHEMAS, code, field_docs, md, walk, yaml_value
from kehoach.source.schema import load_schema
from tests.plansdirs import ROOT
from tests.schematools import property_names

DOCS = ROOT / "docs" / "tham-chieu-truong.md"
SCRIPT = ROOT / "scripts" / "gen_field_docs.py"


def _fresh() -> str:
    return field_docs({name: load_schema(name) for _p, name, _h, _w in SCHEMAS})




def test_committed_page_is_up_to_date() -> None:
    assert DOCS.read_text(encoding="utf-8") == _fresh(), (
        "docs/tham-chieu-truong.md is stale: run python scripts/gen_field_docs.py"
    )


def test_page_says_it_is_generated() -> None:
    first = DOCS.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("<!--") and "scripts/gen_field_docs.py" in first


@pytest.mark.parametrize("schema_name", [name for _p, name, _h, _w in SCHEMAS])
def test_every_property_is_documented(schema_name: str) -> None:
    page = _fresh()
    names = set(property_names(load_schema(schema_name)))
    assert names, schema_name
    missing = sorted(n for n in names if f"#### {code(n)} — " not in page)
    assert not missing, f"undocumented properties of {schema_name}: {missing}"


@pytest.mark.parametrize(("prefix", "schema_name"), [(p, n) for p, n, _h, _w in SCHEMAS])
def test_every_object_and_property_has_an_anchor(prefix: str, schema_name: str) -> None:
    page = _fresh()
    for section in walk(load_schema(schema_name), prefix):
        assert f"{{#{section.anchor}}}" in page
        for name in section.node.get("properties", {}):
            assert f"{{#{section.anchor}.{name}}}" in page


def test_every_in_page_link_has_a_target() -> None:
    page = _fresh()
    anchors = set(re.findall(r"\{#([^}\s]+)\}", page))
    links = set(re.findall(r"\]\(#([^)\s]+)\)", page))
    assert links and links <= anchors, sorted(links - anchors)
    assert len(re.findall(r"\{#([^}\s]+)\}", page)) == len(anchors), "duplicate anchors"


def test_words_for_dates_codes_enums_and_examples() -> None:
    page = _fresh()
    date = page.split("{#plan-document.date}", 1)[1].split("####", 1)[0]
    assert "Kiểu: ngày" in date and '"DD/MM/YYYY"' in date and '`date: "06/10/2025"`' in date
    province = page.split("{#plan-locality.province}", 1)[1].split("####", 1)[0]
    assert "**Bắt buộc.**" in province and "đúng 2 chữ số" in province
    kind = page.split("{#plan-reference.kind}", 1)[1].split("####", 1)[0]
    assert '"implements", "basis", "cites"' in kind
    assert "Ghi đúng một trong các trường" in page


def test_markdown_and_yaml_helpers() -> None:
    assert md("in nghiêng *…* <b>") == "in nghiêng \\*…\\* &lt;b>"
    assert code("a`b") == "`` a`b ``"
    assert yaml_value("06/10/2025") == '"06/10/2025"'
    assert yaml_value("42") == '"42"'
    assert yaml_value("no") == '"no"'
    assert yaml_value("Chuyển đổi số: nhanh hơn") == '"Chuyển đổi số: nhanh hơn"'
    assert yaml_value("541/KH-UBND") == "541/KH-UBND"
    assert yaml_value(2025) == "2025"
    assert yaml_value(["a", "2.1"]) == '[a, "2.1"]'


def test_check_flag(tmp_path: Path) -> None:
    run = [sys.executable, str(SCRIPT), "--check"]
    assert subprocess.run(run, capture_output=True, cwd=ROOT).returncode == 0
    stale = tmp_path / "page.md"
    stale.write_text(_fresh() + "\nsửa tay\n", encoding="utf-8")
    result = subprocess.run([*run, "--output", str(stale)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "gen_field_docs.py" in result.stderr
    written = subprocess.run([sys.executable, str(SCRIPT), "--output", str(stale)])
    assert written.returncode == 0
    assert stale.read_text(encoding="utf-8") == _fresh()
