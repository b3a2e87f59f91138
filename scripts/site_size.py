"""Kích thước trang web so với giới hạn của GitHub Pages. The built site against Pages' limits.

    python scripts/site_size.py [SITE_DIR] [--artifact-limit 1GB] [--site-limit 10GB]
                                [--warn-at 0.5] [--table] [--github]

Prints one line: files, bytes (and blocks on disk), the Pages artifact (the tar that
actions/upload-pages-artifact makes, deflated as actions/upload-artifact stores it) and the
unpacked tar, each against its limit. At or above --warn-at of a limit it also prints a warning
with the five largest folders; above a limit, an error with the same, and exits 1: the Pages
workflow runs it before uploading. --table adds where the bytes go (by page kind, by file kind).
The limits may also come from the environment (KEHOACH_PAGES_ARTIFACT_LIMIT,
KEHOACH_PAGES_SITE_LIMIT, KEHOACH_PAGES_WARN_AT); options win. Sizes: bytes, or with kB, MB, GB.
Exit 0: within the limits (warning or not); 1: a limit exceeded; 2: wrong usage.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from pathlib import Path

from kehoach.publish.breakdown import breakdown
from kehoach.publish.limits import (
    ARTIFACT_LIMIT,
    SITE_LIMIT,
    WARN_SHARE,
    Limits,
    Verdict,
    judge,
    report,
    summary,
)
from kehoach.publish.size import measure

_UNITS = {"": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9}


def size_value(text: str) -> int:
    """"1GB", "500 MB", "12345" → bytes (decimal units, as GitHub states its limits)."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?[bB]?)\s*", text)
    if not found or found.group(2).lower() not in _UNITS:
        raise argparse.ArgumentTypeError(f"\"{text}\": cần dạng 1GB, 500MB hoặc số byte")
    return int(float(found.group(1)) * _UNITS[found.group(2).lower()])


def share_value(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"\"{text}\": cần một số trong (0, 1], ví dụ 0.5")
    return value


def folder_value(text: str) -> Path:
    """A folder name; an empty one (an unset shell variable) is refused, not read as ".". """
    if not text.strip():
        raise argparse.ArgumentTypeError("thiếu tên thư mục trang (empty site folder name)")
    return Path(text)


def _parser() -> argparse.ArgumentParser:
    env = os.environ.get
    parser = argparse.ArgumentParser(prog="site_size.py", description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=folder_value, default=env("SITE_DIR") or "site",
                        help="thư mục trang đã dựng (built site; default $SITE_DIR or site)")
    parser.add_argument("--artifact-limit", type=size_value, metavar="SIZE",
                        default=env("KEHOACH_PAGES_ARTIFACT_LIMIT") or str(ARTIFACT_LIMIT))
    parser.add_argument("--site-limit", type=size_value, metavar="SIZE",
                        default=env("KEHOACH_PAGES_SITE_LIMIT") or str(SITE_LIMIT))
    parser.add_argument("--warn-at", type=share_value, metavar="SHARE",
                        default=env("KEHOACH_PAGES_WARN_AT") or str(WARN_SHARE))
    parser.add_argument("--table", action="store_true",
                        help="bảng dung lượng theo loại trang và loại tệp (where the bytes go)")
    parser.add_argument("--github", action="store_true",
                        help="cảnh báo/lỗi dạng chú thích GitHub Actions (annotations)")
    return parser


def table(site: Path) -> list[str]:
    """Where the bytes go, as two Markdown tables."""
    parts = breakdown(site)
    total = sum(parts.files.values()) or 1

    def rows(title: str, sizes: Counter[str], counts: Counter[str]) -> list[str]:
        out = [f"| {title} | tệp (files) | MB | % |", "| --- | ---: | ---: | ---: |"]
        for kind, size in sorted(sizes.items(), key=lambda item: (-item[1], item[0])):
            out.append(f"| {kind} | {counts[kind]} | {size / 1e6:.1f} | {size / total:.1%} |")
        return out

    return [*rows("loại trang (page kind)", parts.pages, parts.page_files), "",
            *rows("loại tệp (file kind)", parts.files, parts.file_counts)]


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        parser.error(f"\"{args.site}\" không phải thư mục (not a folder)")
    limits = Limits(args.artifact_limit, args.site_limit, args.warn_at)
    size = measure(args.site)
    verdict = judge(size, limits)
    print(summary(size, limits))
    lines = report(size, limits, verdict)
    if lines:
        print("\n".join(lines), file=sys.stderr)
    if lines and args.github:  # the same text as an annotation on the workflow run
        level = "error" if verdict is Verdict.FAIL else "warning"
        print(f"::{level} title=Kích thước GitHub Pages::" + "%0A".join(lines))
    if args.table:
        print("\n".join(table(args.site)))
    return 1 if verdict is Verdict.FAIL else 0


if __name__ == "__main__":
    sys.exit(main())
