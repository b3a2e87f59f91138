"""The last line of defence between data and the file system: every path the site writes.

Ids from the plans become folders of the site ("ha-tinh/<plan id>/", "…/don-vi/<unit id>/",
"nen-tang/<resource id>/"). The validator refuses an id that is not a slug (a-z, 0-9,
hyphens), which already keeps "../", "/", "\\" and "%2e" out; this module checks the
result again where output paths are made, so that a bug in validation, a caller that skips
it, or a future field that reaches a URL can never write outside site_dir.
"""

from __future__ import annotations

import re
from pathlib import Path

# A segment: lower-case letters, digits, ".", "_" and "-" (file names such as "lich.ics",
# "du-lieu.json", "feed.xml"), not starting with a dot (no "." or "..", no hidden files).
_SEGMENT = re.compile(r"[a-z0-9_-][a-z0-9._-]*")


class UnsafePathError(ValueError):
    """A generated page or file would be written outside the site folder."""


def check_site_uri(uri: str) -> str:
    """``uri`` unchanged if it is a safe path relative to the site root, else raise.

    Safe: segments of _SEGMENT joined by "/", with at most a trailing "/" ("" is the home
    page). Refused: absolute paths, "..", ".", empty segments ("a//b"), backslashes, drive
    letters, percent-encoding, NUL and any other character."""
    body = uri.removesuffix("/")
    if uri == "" or (body and all(_SEGMENT.fullmatch(part) for part in body.split("/"))):
        return uri
    raise UnsafePathError(
        f"Đường dẫn không an toàn, bị từ chối (unsafe output path refused): {uri[:200]!r}"
    )


def output_path(site_dir: Path, uri: str) -> Path:
    """Where the file for ``uri`` goes under ``site_dir``; raises UnsafePathError if it
    would land anywhere else, including through a symbolic link inside site_dir."""
    target = site_dir / check_site_uri(uri)
    root = site_dir.resolve()
    if not target.resolve().is_relative_to(root):
        raise UnsafePathError(
            f"Đường dẫn ra ngoài thư mục trang (path escapes the site folder): {uri[:200]!r}"
        )
    return target
