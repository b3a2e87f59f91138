"""`make site` is atomic: a build that fails, early or late, leaves the previous site/
byte-identical and no staging folder behind; the clerk sees the validator's messages.

Each test runs the real `make site` (validation, MkDocs, the search index) into a folder of
its own (SITE_DIR), never the repository's site/, which other builds may be using.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kehoach.search.index import MANIFEST
from kehoach.site.routes import SEARCH_INDEX
from tests.plansdirs import CASES_DIR
from tests.sitetools import FIXED_EPOCH, ROOT, tree_bytes

GOOD_PLANS = CASES_DIR / "accepted-minimal-plan" / "plans"
PLAN_FILE = "ke-hoach.yaml"
# Python writes no .pyc while a file size limit is set (a .pyc over it would fail first).
_ENV = {
    "NO_MKDOCS_2_WARNING": "1",
    "SOURCE_DATE_EPOCH": FIXED_EPOCH,
    "PYTHONDONTWRITEBYTECODE": "1",
}
MESSAGE = re.compile(r"^\S+\.yaml:\d+:\d+: ", re.MULTILINE)


def _make_site(
    site: Path, plans: Path, *extra: str, preexec: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    command = ["make", "--no-print-directory", "site", f"SITE_DIR={site}", f"PLANS_DIR={plans}"]
    return subprocess.run(
        [*command, *extra],
        cwd=ROOT,
        env={**os.environ, **_ENV},
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=preexec,
        check=False,
    )


def _leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name != site.name and
                  p.name.startswith(site.name))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A good site, built once; each test works on its own copy."""
    work = tmp_path_factory.mktemp("atomic")
    plans = work / "plans"
    shutil.copytree(GOOD_PLANS, plans)
    site = work / "site"
    result = _make_site(site, plans)
    assert result.returncode == 0, result.stdout + result.stderr
    snapshot = tree_bytes(site)
    assert any(name.endswith(".html") for name in snapshot)
    assert f"{SEARCH_INDEX}/{MANIFEST}" in snapshot
    assert _leftovers(site) == []
    return site, snapshot


@pytest.fixture
def previous(built: tuple[Path, dict[str, bytes]], tmp_path: Path) -> tuple[Path, Path]:
    """(site, plans): a copy of the good site and of its plans, in a folder of the test's own."""
    site = tmp_path / "site"
    shutil.copytree(built[0], site, symlinks=True)
    plans = tmp_path / "plans"
    shutil.copytree(GOOD_PLANS, plans)
    return site, plans


def _assert_untouched(site: Path, built: tuple[Path, dict[str, bytes]]) -> None:
    assert tree_bytes(site) == built[1], "the previous site changed"
    assert _leftovers(site) == [], "a staging folder was left behind"


def test_invalid_data_stops_the_build_with_the_validator_messages(
    previous: tuple[Path, Path], built: tuple[Path, dict[str, bytes]]
) -> None:
    site, plans = previous
    (plans / PLAN_FILE).write_text(
        (plans / PLAN_FILE).read_text(encoding="utf-8").replace("year: 2025", "year: hai"),
        encoding="utf-8",
    )
    result = _make_site(site, plans)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert MESSAGE.search(output), output
    assert 'ke-hoach.yaml:9:7: "year" (Năm) phải là số nguyên' in output
    assert "Traceback" not in output
    _assert_untouched(site, built)


def test_a_failing_step_after_mkdocs_keeps_the_previous_site(
    previous: tuple[Path, Path], built: tuple[Path, dict[str, bytes]]
) -> None:
    """POST_BUILD (the Makefile's post-build hook point) fails after MkDocs wrote everything."""
    site, plans = previous
    result = _make_site(site, plans, "POST_BUILD=false")
    assert result.returncode != 0
    assert "Documentation built" in result.stdout + result.stderr  # MkDocs itself finished
    _assert_untouched(site, built)


def _file_size_limit() -> None:
    # A disk that fills up during the build: no file over 8 KB can be written (the theme's
    # JavaScript and CSS are larger); the default action of SIGXFSZ kills MkDocs mid-build.
    resource.setrlimit(resource.RLIMIT_FSIZE, (8 * 1024, 8 * 1024))


def test_a_disk_error_in_the_middle_of_mkdocs_keeps_the_previous_site(
    previous: tuple[Path, Path], built: tuple[Path, dict[str, bytes]]
) -> None:
    site, plans = previous
    result = _make_site(site, plans, preexec=_file_size_limit)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Building documentation" in output or "Cleaning site" in output, output
    assert "Documentation built" not in output
    # The hook writes the calendars and open data first, and says what went wrong.
    assert "Không ghi được tệp" in output and "Traceback" not in output, output
    _assert_untouched(site, built)


def _signal_while_building(site: Path, plans: Path, sig: int) -> subprocess.Popen[str]:
    """Runs `make site` and sends ``sig`` to its whole process group (as a terminal or the
    kernel would) once MkDocs has started writing; returns the finished process."""
    command = ["make", "--no-print-directory", "site", f"SITE_DIR={site}", f"PLANS_DIR={plans}"]
    proc = subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, **_ENV}, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, start_new_session=True,
        preexec_fn=_as_from_a_terminal,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if "Building documentation" in line or "Cleaning site" in line:
            os.killpg(proc.pid, sig)
            break
    proc.communicate(timeout=120)
    return proc


def _as_from_a_terminal() -> None:
    # A suite started in the background by a non-interactive shell (`make test &`, nohup)
    # inherits SIGINT ignored, and so would the build: Ctrl-C could then never reach it and
    # the interrupted build ran to its end. A build typed in a terminal has the default.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_an_interrupted_build_keeps_the_previous_site(
    previous: tuple[Path, Path], built: tuple[Path, dict[str, bytes]]
) -> None:
    """Ctrl-C while MkDocs writes: the whole process group gets SIGINT, as from a terminal."""
    site, plans = previous
    proc = _signal_while_building(site, plans, signal.SIGINT)
    assert proc.returncode != 0
    _assert_untouched(site, built)


def test_the_build_after_a_killed_one_removes_what_it_left(previous: tuple[Path, Path]) -> None:
    """SIGKILL to the whole build (the out-of-memory killer, a CI timeout): no trap runs, so
    its staging folder stays; the next `make site` removes it and builds as usual."""
    site, plans = previous
    proc = _signal_while_building(site, plans, signal.SIGKILL)
    _wait_until_gone(proc.pid)  # as after a real kill: the next build comes later
    left = _leftovers(site)
    assert len(left) == 1 and ".staging-" in left[0], left  # what the fix is for
    result = _make_site(site, plans)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _leftovers(site) == []


def _wait_until_gone(group: int, timeout: float = 60.0) -> None:
    """Until every process of ``group`` has been reaped (a killed one is a zombie until then,
    and a zombie still answers `kill -0`)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    raise AssertionError(f"process group {group} still there after {timeout} s")


def test_a_site_set_aside_by_a_killed_build_is_put_back(
    previous: tuple[Path, Path], built: tuple[Path, dict[str, bytes]]
) -> None:
    """Killed between its two renames, a build leaves no site/, only site.previous-<pid>:
    the next build puts it back first, so that even a failing build leaves the last good
    site in place. A folder of a build still running (this test's own pid) is left alone."""
    site, plans = previous
    site.rename(site.with_name(f"{site.name}.previous-4194399"))  # above any possible pid
    running = site.with_name(f"{site.name}.staging-{os.getpid()}")
    running.mkdir()
    result = _make_site(site, plans, "POST_BUILD=false")  # fails after MkDocs
    assert result.returncode != 0
    assert tree_bytes(site) == built[1], "the previous site was not put back"
    assert _leftovers(site) == [running.name]
    running.rmdir()


def test_a_good_build_replaces_the_site_and_leaves_nothing_behind(
    previous: tuple[Path, Path], built: tuple[Path, dict[str, bytes]]
) -> None:
    site, plans = previous
    (site / "stale-page.html").write_text("left over from an older build", encoding="utf-8")
    text = (plans / PLAN_FILE).read_text(encoding="utf-8")
    (plans / PLAN_FILE).write_text(text.replace("title: Kế hoạch thử", "title: Kế hoạch mới"),
                                   encoding="utf-8")
    result = _make_site(site, plans)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = tree_bytes(site)
    assert "stale-page.html" not in pages
    assert any("Kế hoạch mới".encode() in content for content in pages.values())
    assert _leftovers(site) == []


def test_mkdocs_alone_stops_on_invalid_data_with_the_validator_messages(tmp_path: Path) -> None:
    """Without make (mkdocs build, mkdocs serve): hooks/pages.py stops in on_config, before
    anything is written, and prints the same path:line:col messages, no traceback."""
    plans = tmp_path / "plans"
    shutil.copytree(GOOD_PLANS, plans)
    (plans / "hai.yaml").write_text('id: hai\ntitle: "chưa đóng\n', encoding="utf-8")
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=ROOT, env={**os.environ, **_ENV, "PLANS_DIR": str(plans)},
        capture_output=True, text=True, timeout=300, check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{plans / 'hai.yaml'}:2:8: Lỗi cú pháp YAML. Dấu ngoặc kép mở ở đây" in output
    assert "Traceback" not in output
    assert not site.exists()


def test_make_site_ends_with_the_size_line(previous: tuple[Path, Path]) -> None:
    site, plans = previous
    result = _make_site(site, plans)
    assert result.returncode == 0, result.stdout + result.stderr
    last = result.stdout.splitlines()[-1]
    assert last.startswith("kích thước: ") and "gói Pages" in last and "trên đĩa" in last


def test_make_site_fails_above_a_pages_limit_naming_it(previous: tuple[Path, Path]) -> None:
    site, plans = previous
    result = _make_site(site, plans, "SIZE_FLAGS=--artifact-limit 10kB")
    assert result.returncode != 0
    assert "LỖI: trang web vượt giới hạn của GitHub Pages" in result.stderr
    assert "giới hạn 0,0 MB (artifact, compressed)" in result.stderr
