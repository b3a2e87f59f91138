"""A git repository in a test's folder, with commits at chosen dates (kehoach.source.revisions
and the plan page's history read them): ``GitRepo(folder).commit("msg", "2025-10-12")``."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


class GitRepo:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, date: str = "2025-10-06") -> str:
        """``git args…`` in the repository, author and committer dated ``date`` (noon, UTC+7),
        with no user configuration read from the machine."""
        stamp = f"{date}T12:00:00+07:00"
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "Cán bộ", "GIT_AUTHOR_EMAIL": "canbo@example.invalid",
            "GIT_COMMITTER_NAME": "Cán bộ", "GIT_COMMITTER_EMAIL": "canbo@example.invalid",
            "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp,
            "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        }  # fmt: skip
        command = ["git", "-C", str(self.folder), *args]
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        return result.stdout

    def commit(self, message: str, date: str) -> None:
        """Commits every change of the working tree (new, changed, moved, deleted files)."""
        self.git("add", "-A", date=date)
        self.git("commit", "-q", "-m", message, date=date)
