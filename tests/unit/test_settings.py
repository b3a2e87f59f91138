"""The build's settings (kehoach/adapter/settings.py): mkdocs.yml's values, overridden by the
environment, checked once; a wrong value stops the build saying what is allowed; the README
documents every one of them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config

from kehoach.adapter.settings import (
    DECLARED,
    NAVCACHE,
    PLANS_DIR,
    WORKERS,
    Setting,
    SettingError,
    parse_settings,
    read_settings,
)
from tests.sitetools import ROOT


def _parse(environ: dict[str, str], extra: dict[str, Any] | None = None, **kw: Any) -> Any:
    return parse_settings(extra or {}, environ, project=ROOT, **kw)


def test_mkdocs_yml_states_the_defaults() -> None:
    """mkdocs.yml's extra: keys hold the same values as the defaults of the code."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    declared = [s.extra_key for s in DECLARED if s.extra_key and s.extra_key != "repo_url"]
    assert set(declared) <= set(config.extra)
    assert read_settings(config, {}) == _parse({}, site_url=config.site_url)


def test_defaults_without_mkdocs_yml_or_environment(tmp_path: Path) -> None:
    settings = parse_settings({}, {}, project=tmp_path)
    assert settings.plans_dir == tmp_path / PLANS_DIR.default
    assert (settings.repo_branch, settings.workers, settings.navcache) == ("main", 2, True)
    assert (settings.site_url, settings.repo_url, settings.source_date_epoch) == (None,) * 3


def test_the_environment_overrides_mkdocs_yml(tmp_path: Path) -> None:
    extra = {"plans_dir": "du-lieu", "repo_branch": "chinh", "workers": 1, "navcache": False}
    from_yml = parse_settings(extra, {}, project=tmp_path)
    assert from_yml.plans_dir == tmp_path / "du-lieu"
    assert (from_yml.repo_branch, from_yml.workers, from_yml.navcache) == ("chinh", 1, False)
    environ = {"PLANS_DIR": str(tmp_path / "abs"), "REPO_BRANCH": "nhanh-khac",
               "KEHOACH_WORKERS": "2", "KEHOACH_NAVCACHE": "1"}  # fmt: skip
    both = parse_settings(extra, environ, project=tmp_path)
    assert both.plans_dir == tmp_path / "abs"  # absolute: as given
    assert (both.repo_branch, both.workers, both.navcache) == ("nhanh-khac", 2, True)
    # An empty variable counts as unset, as a shell's `VAR= make site` means.
    blank = {"PLANS_DIR": "", "KEHOACH_WORKERS": "", "KEHOACH_NAVCACHE": ""}
    assert parse_settings(extra, blank, project=tmp_path) == from_yml
    assert _parse({"KEHOACH_NAVCACHE": "0"}).navcache is False


def test_site_address_and_source_date_epoch() -> None:
    assert _parse({}, site_url="https://u.github.io/kh").site_url == "https://u.github.io/kh/"
    assert _parse({}, site_url="https://u.github.io/kh/").site_url == "https://u.github.io/kh/"
    assert _parse({"SOURCE_DATE_EPOCH": " 1760054400\n"}).source_date_epoch == 1760054400


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({"KEHOACH_WORKERS": "abc"}, WORKERS),
        ({"KEHOACH_WORKERS": "0"}, WORKERS),
        ({"KEHOACH_WORKERS": "3"}, WORKERS),
        ({"KEHOACH_NAVCACHE": "off"}, NAVCACHE),
        ({"SOURCE_DATE_EPOCH": "-5"}, None),
        ({"SOURCE_DATE_EPOCH": "1.5e9"}, None),
        ({"REPO_BRANCH": "nhánh chính"}, None),
        ({"REPO_URL": "github.com/user/kehoach"}, None),
        ({"GITHUB_REPOSITORY": "kehoach"}, None),
        ({"GITHUB_REPOSITORY": "u/kehoach", "GITHUB_SERVER_URL": "ftp://ghe"}, None),
    ],
)
def test_a_wrong_environment_value_is_refused_saying_what_is_allowed(
    environ: dict[str, str], named: Setting | None
) -> None:
    name, value = list(environ.items())[-1]
    setting = named or next(s for s in DECLARED if s.env == name)
    with pytest.raises(SettingError) as refused:
        _parse(environ)
    message = str(refused.value)
    assert f"environment variable) {name} = {value!r}" in message
    assert setting.allowed in message and "Cài đặt không hợp lệ (invalid setting)" in message


@pytest.mark.parametrize(
    ("extra", "key"),
    [
        ({"workers": True}, "extra.workers"),
        ({"workers": "hai"}, "extra.workers"),
        ({"navcache": "yes"}, "extra.navcache"),
        ({"plans_dir": ""}, "extra.plans_dir"),
        ({"repo_branch": 3}, "extra.repo_branch"),
        ({"repo_url": "ssh://git@host/repo"}, "extra.repo_url"),
    ],
)
def test_a_wrong_mkdocs_yml_value_is_refused(extra: dict[str, Any], key: str) -> None:
    with pytest.raises(SettingError, match=re.escape(f"mkdocs.yml {key} = ")):
        _parse({}, extra)


def test_the_build_stops_on_a_wrong_setting_before_writing(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "KEHOACH_WORKERS": "abc"},
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"KEHOACH_WORKERS = 'abc'. Cần (allowed): {WORKERS.allowed}" in output
    assert "Traceback" not in output
    assert not site.exists()


def _readme_section(heading: str) -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end]


@pytest.mark.parametrize("heading", ["Cài đặt khi dựng trang", "Build settings"])
def test_the_readme_documents_every_setting(heading: str) -> None:
    section = _readme_section(heading)
    for setting in DECLARED:
        row = next((line for line in section.splitlines() if f"`{setting.env}`" in line), "")
        assert row, setting.env
        if setting.key:
            assert f"`{setting.key}`" in row, setting.env
        if setting.default:
            assert f"`{setting.default}`" in row, setting.env


def test_only_names_a_folder_inside_plans_and_renders_in_one_process(tmp_path: Path) -> None:
    (tmp_path / "plans" / "ha-tinh" / "xa-a").mkdir(parents=True)
    settings = parse_settings({}, {"KEHOACH_ONLY": "plans/ha-tinh/xa-a"}, project=tmp_path)
    assert settings.only == tmp_path / "plans" / "ha-tinh" / "xa-a"
    assert settings.workers == 1
    assert parse_settings({"only": ""}, {}, project=tmp_path).only is None
    for wrong in ("plans/ha-tinh/xa-khong-co", str(tmp_path)):
        with pytest.raises(SettingError, match="KEHOACH_ONLY"):
            parse_settings({}, {"KEHOACH_ONLY": wrong}, project=tmp_path)
