"""What only the site layer knows, handed to the core as plain values: the public address,
the repository, when each data file last changed and its versions. No MkDocs, git or clock
here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from kehoach.source.revisions import Revision

SITE_NAME = "Kế hoạch Chuyển đổi số địa phương"


@dataclass(frozen=True)
class SiteOptions:
    site_url: str | None = None  # "https://user.github.io/repo/", ends with "/"
    repo_url: str | None = None  # "https://github.com/user/repo"
    # YAML file (absolute path) → ISO date of its last change (git, else the file's mtime).
    changed: dict[str, str] = field(default_factory=dict)
    site_name: str = SITE_NAME
    # YAML file (absolute path) → its revisions from git, oldest first (none without git).
    history: dict[str, tuple[Revision, ...]] = field(default_factory=dict)

    def revisions_of(self, source_path: str) -> tuple[Revision, ...]:
        return self.history.get(source_path) or self.history.get(
            str(Path(source_path).resolve()), ()
        )

    def changed_on(self, source_path: str) -> dt.date | None:
        found = self.changed.get(source_path) or self.changed.get(str(Path(source_path).resolve()))
        return dt.date.fromisoformat(found) if found else None

    def link(self, url: str, from_dir: str) -> str:
        """``url`` (relative to the site root) as seen from a file in ``from_dir``: absolute
        when the public address is known, else relative."""
        if self.site_url:
            return self.site_url + url
        return "../" * from_dir.count("/") + url or "./"

    def tag(self, specific: str) -> str:
        """A stable Atom id (RFC 4151 tag URI) that does not move with the plan's URL."""
        host = urlsplit(self.site_url or "").hostname or "kehoach.invalid"
        return f"tag:{host},2025:{specific}"
