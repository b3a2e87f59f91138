"""When each source file last changed: from ONE ``git log`` per folder (not one process per
file, so it scales to thousands of plans), else from the file's modification date.

Without git history (a tarball, a generated data set outside the repository) the file's date
is used and labelled as such; given a SOURCE_DATE_EPOCH (``epoch``), that date is clamped to
it, so a rebuild gives the same bytes. No MkDocs here: kehoach/adapter/publish.py calls it.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LastChanged:
    date: dt.date | None
    source: str  # "git", "mtime" (no git history) or "unknown"


def git_dates(folder: Path) -> tuple[Path | None, dict[Path, dt.date]]:
    """(repository root, {file: date of the last commit touching it}) for files under
    ``folder``, from a single ``git log``; (None, {}) when there is no git history."""
    try:
        top = run_git(folder, "rev-parse", "--show-toplevel").strip()
        if not top:
            return None, {}
        log = run_git(folder, "log", "-z", "--format=%x1e%cs", "--name-only", "--", ".")
    except (OSError, subprocess.CalledProcessError):
        return None, {}
    root = Path(top).resolve()
    return root, parse_log(log, root)


def run_git(folder: Path, *args: str) -> str:
    """The output of ``git -C folder args…``; raises OSError or CalledProcessError."""
    result = subprocess.run(
        ["git", "-C", str(folder), *args],
        capture_output=True,
        check=True,
        text=True,
        encoding="utf-8",
    )
    return result.stdout


def parse_log(log: str, root: Path) -> dict[Path, dt.date]:
    """Newest commits come first, so the first date seen for a file is its last change."""
    dates: dict[Path, dt.date] = {}
    for commit in log.split("\x1e")[1:]:
        date_text, *names = commit.split("\0")
        date = dt.date.fromisoformat(date_text.strip())
        for name in names:
            name = name.strip("\n")
            if name:
                dates.setdefault(root / name, date)
    return dates


def last_changed(path: Path, git: dict[Path, dt.date], epoch: int | None) -> LastChanged:
    """The git date of ``path`` when it has one, else its modification date, no later than
    ``epoch`` (seconds since 1970, SOURCE_DATE_EPOCH) when given."""
    if path in git:
        return LastChanged(git[path], "git")
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return LastChanged(None, "unknown")
    if epoch is not None:
        stamp = min(stamp, epoch)
    return LastChanged(dt.datetime.fromtimestamp(stamp, dt.UTC).date(), "mtime")
