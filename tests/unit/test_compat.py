"""kehoach/adapter/compat.py: the build runs only on the MkDocs and Material series its uses
of their internals were checked against, and stops with a clear message on any other; the
build state is made afresh for every build (kehoach/adapter/state.py)."""

from __future__ import annotations

import importlib.metadata
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from kehoach.adapter import state
from kehoach.adapter.compat import CHECKED, VersionError, check_versions
from tests.sitetools import ROOT


def _faking(package: str, version: str) -> Callable[[str], str]:
    """importlib.metadata.version, but ``package`` has ``version`` ("": not installed)."""
    real = importlib.metadata.version  # (before a test puts the fake in its place)

    def lookup(name: str) -> str:
        if name == package:
            if not version:
                raise importlib.metadata.PackageNotFoundError(name)
            return version
        return real(name)

    return lookup


def test_the_installed_versions_pass() -> None:
    check_versions()
    for package, series in CHECKED.items():  # the pins of requirements.txt are in the series
        pin = next(line for line in (ROOT / "requirements.txt").read_text("utf-8").splitlines()
                   if line.startswith(f"{package}=="))  # fmt: skip
        assert pin.split("==")[1].startswith(series + ".")


@pytest.mark.parametrize("version", ["1.6.0", "1.6.9", "1.6.2rc1"])
def test_other_releases_of_the_same_series_pass(version: str) -> None:
    check_versions(_faking("mkdocs", version))


@pytest.mark.parametrize(
    ("package", "version"),
    [("mkdocs", "1.7.0"), ("mkdocs", "2.0.0"), ("mkdocs", "1.60.0"),
     ("mkdocs-material", "10.0.0"), ("mkdocs-material", "8.5.11")],
)  # fmt: skip
def test_another_version_stops_the_build_saying_what_to_do(package: str, version: str) -> None:
    with pytest.raises(VersionError) as stopped:
        check_versions(_faking(package, version))
    message = str(stopped.value)
    assert f"Gói {package} có phiên bản {version}" in message  # Vietnamese
    assert f"({package} {version} is installed, {CHECKED[package]}.x expected" in message
    assert "kehoach/adapter/compat.py" in message and "make setup" in message


def test_a_missing_package_stops_the_build() -> None:
    with pytest.raises(VersionError, match="mkdocs-material không có \\(not installed\\)"):
        check_versions(_faking("mkdocs-material", ""))


def test_a_mkdocs_build_with_another_material_stops_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    monkeypatch.setattr(importlib.metadata, "version", _faking("mkdocs-material", "10.1.0"))
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build(config)
    assert any("mkdocs-material 10.1.0 is installed" in r.getMessage() for r in caplog.records)
    assert not (tmp_path / "site").exists()


def test_each_build_gets_a_new_state(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(state, "_startup", None)  # put back after the test
    monkeypatch.setattr(state, "_current", None)
    first = load_config(str(ROOT / "mkdocs.yml"))
    build_state = state.of(first)
    build_state.static_uris = frozenset({"feed.xml"})
    assert state.of(first) is build_state and state.current() is build_state
    second = state.of(load_config(str(ROOT / "mkdocs.yml")))  # a rebuild (mkdocs serve)
    assert second is not build_state and second.static_uris == frozenset()
    state.start("serve", dirty=True)  # on_startup
    assert state.current() is None
    started = state.of(first)
    assert started is not build_state and started.startup == state.Startup("serve", True)
