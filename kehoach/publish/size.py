"""What a built site weighs: its files, bytes, blocks on disk, and the GitHub Pages artifact.

actions/upload-pages-artifact packs the folder with
``tar --dereference --hard-dereference --exclude=.git --exclude=.github -cf artifact.tar .``
and actions/upload-artifact stores that tar deflated (zip, compression level 6 by default).
``measure`` streams the same tar (GNU format, links followed) through zlib at level 6 and
counts the bytes, so nothing is written to disk and the figure is the artifact's to within the
zip's few dozen bytes of headers.
"""

from __future__ import annotations

import tarfile
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

__all__ = ["EXCLUDED", "SiteSize", "measure"]

EXCLUDED = frozenset({".git", ".github"})  # the folders upload-pages-artifact leaves out
DEFLATE_LEVEL = 6  # actions/upload-artifact's default compression-level


@dataclass(frozen=True)
class SiteSize:
    """The figures of one built folder (bytes)."""

    files: int
    content_bytes: int  # the files' own sizes
    disk_bytes: int  # blocks allocated on this file system (what `du` counts)
    tar_bytes: int  # the uncompressed tar Pages unpacks (≤ 10 GB)
    artifact_bytes: int  # the tar deflated as upload-artifact stores it (≤ 1 GB)
    folders: tuple[tuple[str, int], ...]  # top-level folders (and "." for files at the root),
    # largest first, by content bytes


class _DeflateCounter:
    """A write-only file that counts what it is given and what zlib makes of it."""

    def __init__(self) -> None:
        self.raw = 0
        self.deflated = 0
        self._zlib = zlib.compressobj(DEFLATE_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)

    def write(self, data: bytes) -> int:
        self.raw += len(data)
        self.deflated += len(self._zlib.compress(data))
        return len(data)

    def close(self) -> None:
        self.deflated += len(self._zlib.flush())


def _excluded(info: tarfile.TarInfo) -> tarfile.TarInfo | None:
    return None if EXCLUDED & set(Path(info.name).parts) else info


def _walk(root: Path) -> tuple[int, int, int, Counter[str]]:
    files = content = disk = 0
    by_folder: Counter[str] = Counter()
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if EXCLUDED & set(relative.parts) or not path.is_file():
            continue
        stat = path.stat()  # follows links, as --dereference does
        files += 1
        content += stat.st_size
        disk += stat.st_blocks * 512
        by_folder[relative.parts[0] if len(relative.parts) > 1 else "."] += stat.st_size
    return files, content, disk, by_folder


def measure(root: Path) -> SiteSize:
    """Measure the built site in ``root`` (one pass to count, one to pack)."""
    files, content, disk, by_folder = _walk(root)
    sink = _DeflateCounter()
    # The same archive as upload-pages-artifact: every entry under "./", links followed.
    with tarfile.open(fileobj=sink, mode="w|", format=tarfile.GNU_FORMAT,  # type: ignore[call-overload]
                      dereference=True) as archive:
        archive.add(root, arcname=".", filter=_excluded)
    sink.close()
    folders = tuple(sorted(by_folder.items(), key=lambda item: (-item[1], item[0])))
    return SiteSize(files, content, disk, sink.raw, sink.deflated, folders)
