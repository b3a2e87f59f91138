"""scripts/new_plan.py: a new plan file that validates as written and shows every field.

Every test works in its own folder (``work``: the frozen fixture registry, no plan), never in
the repository's plans/: localities are the gazetteer's (vietnam-provinces), a former unit
is the fixture registry's, so a clerk adding or removing a plan changes nothing here."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kehoach.authoring.scaffold import plan_id, scaffold_data
from kehoach.source.localities import Gazetteer
from kehoach.source.schema import PLAN_SCHEMA, load_schema
from kehoach.source.schemacheck import check_schema
from kehoach.source.yamlread.load import load_text
from tests.plansdirs import FIXTURE_PLANS, ROOT
from tests.schematools import property_names

NEW_PLAN = ROOT / "scripts" / "new_plan.py"
VALIDATE = ROOT / "scripts" / "validate.py"
SCHEMA_LINE = "# yaml-language-server: $schema="


def _run(script: Path, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(script), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, check=False)


def _new(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return _run(NEW_PLAN, "--plans-dir", "plans", *args, cwd=tmp_path)


def _valid(tmp_path: Path, target: str | Path) -> None:
    result = _run(VALIDATE, target, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "cảnh báo" not in result.stdout, result.stdout


# A district of the fixture registry, dissolved in 2025 (tests/fixtures/plans/registry/).
FORMER_UNIT = yaml.safe_load(
    (FIXTURE_PLANS / "registry" / "registry.yaml").read_text(encoding="utf-8"))["former_units"][0]


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A working folder whose plans/ holds the fixture registry and no plan."""
    shutil.copytree(FIXTURE_PLANS / "registry", tmp_path / "plans" / "registry")
    return tmp_path


def test_commune(work: Path) -> None:
    result = _new(work, "--province", "42", "--commune", "18562", "--year", "2026")
    assert result.returncode == 0, result.stderr
    path = Path("plans/ha-tinh/xa-thach-ha/2026-ngay-chuyen-doi-so.yaml")
    assert result.stdout.strip() == str(path)
    _valid(work, path)
    text = (work / path).read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith(SCHEMA_LINE)
    schema = (work / path).parent / first.removeprefix(SCHEMA_LINE)
    assert schema.resolve() == (ROOT / "schema" / "plan.schema.json").resolve()
    data = yaml.safe_load(text)
    assert data["issuer"] == "Ủy ban nhân dân xã Thạch Hà"
    assert data["locality"] == {"province": "42", "commune": "18562"}
    assert data["id"] == "ha-tinh-thach-ha-2026-ngay-cds" and data["year"] == 2026
    assert len(data["units"]) == len(data["activities"]) == len(data["responsibilities"]) == 1


def test_province(work: Path) -> None:
    result = _new(work, "--province", "42", "--year", "2026")
    assert result.returncode == 0, result.stderr
    path = work / "plans" / "ha-tinh" / "2026-ngay-chuyen-doi-so.yaml"
    _valid(work, path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["issuer"] == "Ủy ban nhân dân tỉnh Hà Tĩnh"
    assert data["locality"] == {"province": "42"}


def test_former_unit(work: Path) -> None:
    unit, province = FORMER_UNIT["id"], FORMER_UNIT["province"]
    result = _new(work, "--province", province, "--former-unit", unit, "--year", "2024")
    assert result.returncode == 0, result.stderr
    path = work / Path(result.stdout.strip())
    assert path.relative_to(work / "plans").parts[1:] == (unit, "2024-ngay-chuyen-doi-so.yaml")
    _valid(work, path)
    _valid(work, "plans")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    kind, name = FORMER_UNIT["name"].split(" ", 1)  # "Huyện Đức Thọ"
    assert data["issuer"] == f"Ủy ban nhân dân {kind.lower()} {name}"
    assert data["locality"] == {"province": province, "former_unit": unit}


def test_explicit_output_and_unique_id(work: Path) -> None:
    args = ("--province", "75", "--commune", "26425", "--year", "2026")
    assert _new(work, *args).returncode == 0
    second = _new(work, *args, "--output", "plans/dong-nai/xa-xuan-loc/khac.yaml")
    assert second.returncode == 0, second.stderr
    text = (work / "plans/dong-nai/xa-xuan-loc/khac.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["id"] == "dong-nai-xuan-loc-2026-ngay-cds-2"
    _valid(work, "plans")


def test_refuses_to_overwrite(work: Path) -> None:
    args = ("--province", "42", "--commune", "18562", "--year", "2026")
    assert _new(work, *args).returncode == 0
    path = work / "plans" / "ha-tinh" / "xa-thach-ha" / "2026-ngay-chuyen-doi-so.yaml"
    path.write_text("# bản đang soạn\n", encoding="utf-8")
    again = _new(work, *args)
    assert again.returncode == 1 and "--force" in again.stderr
    assert path.read_text(encoding="utf-8") == "# bản đang soạn\n"
    assert _new(work, *args, "--force").returncode == 0
    _valid(work, path)


Y = ("--year", "2026")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--province", "99", *Y), ['"99"', "--list-provinces"]),
        (("--province", "42", "--commune", "99999", *Y), ['"99999"', "--list-communes"]),
        (("--province", "75", "--commune", "18562", *Y), ["Tỉnh Hà Tĩnh", "(mã tỉnh 42)"]),
        (("--province", "42", "--former-unit", "huyen-khong-co", *Y), ["huyen-khong-co"]),
        (("--province", "42", "--year", "1990"), ["1990"]),
        (("--province", "42"), ["--year"]),
        (("--province", "42", "--commune", "18562", "--former-unit", "x", *Y), ["not allowed"]),
    ],
)
def test_bad_usage_exits_2(tmp_path: Path, args: tuple[str, ...], words: list[str]) -> None:
    result = _new(tmp_path, *args)
    assert result.returncode == 2
    for word in words:
        assert word in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "plans").exists()


def test_lists_codes(tmp_path: Path) -> None:
    provinces = _new(tmp_path, "--list-provinces")
    assert provinces.returncode == 0 and "42  Tỉnh Hà Tĩnh" in provinces.stdout.splitlines()
    communes = _new(tmp_path, "--list-communes", "42")
    assert communes.returncode == 0 and "18562  Xã Thạch Hà" in communes.stdout.splitlines()


@pytest.fixture(scope="module")
def scaffold(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp_path = tmp_path_factory.mktemp("scaffold")
    _new(tmp_path, "--province", "42", "--commune", "18562", "--year", "2026", "--output", "x.yaml")
    return (tmp_path / "x.yaml").read_text(encoding="utf-8")


def test_every_schema_property_is_in_the_scaffold(scaffold: str) -> None:
    for name in set(property_names(load_schema(PLAN_SCHEMA))):
        line = re.compile(rf"^[ #]*(- )?{re.escape(name)}:", re.MULTILINE)
        assert line.search(scaffold), f"field {name!r} missing from the scaffold"


def test_every_field_has_a_comment_above(scaffold: str) -> None:
    lines = scaffold.splitlines()
    for index, line in enumerate(lines):
        if re.match(r"^ *(- )?[a-z_]+:", line):  # an active key
            above = lines[index - 1].strip()
            assert above.startswith("#"), f"no comment above {line!r}"


def test_active_values_are_the_scaffold_data(scaffold: str) -> None:
    locality = Gazetteer().commune("18562")
    schema = load_schema(PLAN_SCHEMA)
    expected = scaffold_data(locality, 2026, plan_id(locality, 2026), schema)
    assert yaml.safe_load(scaffold) == expected


def _uncomment(text: str, pad: str) -> str:
    """Turn on every commented-out field at indentation ``pad`` (as Ctrl+/ in an editor)."""
    out, inside = [], False
    for line in text.splitlines():
        rest = line[len(pad) + 2 :]
        if line.startswith(pad + "# ") and re.match(r"[a-z_]+:", rest):
            out.append(pad + rest)
            inside = True
        elif inside and line.startswith(pad + "#  "):
            out.append(pad + rest)
        else:
            out.append(line)
            inside = False
    return "\n".join(out) + "\n"


def test_commented_fields_are_valid_once_uncommented(scaffold: str) -> None:
    text = scaffold
    for pad in ("    ", "  ", ""):
        text = _uncomment(text, pad)
    doc, problems = load_text("x.yaml", text.encode("utf-8"))
    assert doc is not None and not problems, problems
    assert check_schema(doc, PLAN_SCHEMA) == []
    for key in ("references", "period", "signer", "appendix", "sections", "footnotes"):
        assert key in doc.data
    activity = doc.data["activities"][0]
    for key in ("when", "targets", "details", "assignments", "items", "appendix", "label"):
        assert key in activity
