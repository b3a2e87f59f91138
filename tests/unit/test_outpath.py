"""The site never writes outside site_dir, whatever ids reach the core (kehoach.site.outpath).

The validator refuses ids that are not slugs (golden cases id-path-traversal-*); these tests
bypass it on purpose, to show the second line of defence holds on its own.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kehoach.site.build import build_site
from kehoach.site.outpath import UnsafePathError, check_site_uri, output_path
from kehoach.source.catalog import load_catalog
from tests.plansdirs import CASES_DIR

SAFE = [
    "",
    "index.md",
    "ha-tinh/xa-thach-ha/ha-tinh-thach-ha-2025-ngay-cds/index.md",
    "ha-tinh/xa-thach-ha/lich.ics",
    "du-lieu/ke-hoach.csv",
    "lich/2024/",
    "feed.xml",
]
UNSAFE = [
    "../index.md",
    "ha-tinh/../../etc/passwd",
    "ha-tinh/..",
    "./index.md",
    "/etc/passwd",
    "//server/share/x",
    "..\\..\\windows\\win.ini",
    "ha-tinh\\x",
    "C:/Windows/x",
    "%2e%2e/index.md",
    "%2e%2e%2f%2e%2e%2fetc",
    "ha-tinh//x",
    "ha-tinh/.hidden",
    "ha-tinh/x\x00.md",
    "ha-tinh/x\n/index.md",
    "Ha-Tinh/index.md",
    "ha-tỉnh/index.md",
]


@pytest.mark.parametrize("uri", SAFE)
def test_site_paths_the_build_makes_are_accepted(uri: str) -> None:
    assert check_site_uri(uri) == uri


@pytest.mark.parametrize("uri", UNSAFE)
def test_traversal_and_odd_paths_are_refused(uri: str) -> None:
    with pytest.raises(UnsafePathError):
        check_site_uri(uri)


def test_output_path_stays_under_the_site_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    assert output_path(site, "ha-tinh/lich.ics") == site / "ha-tinh/lich.ics"
    with pytest.raises(UnsafePathError):
        output_path(site, "../outside.txt")


def test_a_symbolic_link_inside_the_site_folder_cannot_lead_out(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    site = tmp_path / "site"
    site.mkdir()
    (site / "ha-tinh").symlink_to(outside, target_is_directory=True)
    with pytest.raises(UnsafePathError, match="ra ngoài"):
        output_path(site, "ha-tinh/lich.ics")


@pytest.mark.parametrize("bad_id", ["../../../tmp/kh-evil", "..", "%2e%2e", "a/../../b"])
def test_the_core_refuses_a_traversal_id_that_skipped_validation(bad_id: str) -> None:
    catalog = load_catalog(CASES_DIR / "accepted-minimal-plan" / "plans")
    source = catalog.plans[0]
    plan = dataclasses.replace(source.plan, id=bad_id)
    catalog.plans = [dataclasses.replace(source, plan=plan)]
    with pytest.raises(UnsafePathError):
        build_site(catalog)

