"""Where the bytes of a built site go: by page kind and by file kind.

A page's kind is read from the shape of the folder it lives in (routes.py names them): a folder
with a ``du-lieu.json`` is a plan, one with an ``nhung/`` (embeddable page) a locality, one under
a ``don-vi/`` a unit, and the site-wide sections by their first segment. Every file of a folder
counts for that folder's page (a plan's ``lich.ics`` and ``du-lieu.json`` with its page).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from kehoach.publish.size import EXCLUDED
from kehoach.site import routes

__all__ = ["Breakdown", "breakdown", "file_kind", "page_kind"]

_SECTIONS = {
    "assets": "tài nguyên (assets)", routes.SEARCH_INDEX: "chỉ mục tìm kiếm (search index)",
    routes.DOCUMENTS.strip("/"): "văn bản (documents)",
    routes.RESOURCES.strip("/"): "nền tảng (platforms)",
    routes.CALENDAR.strip("/"): "lịch năm (calendar)", routes.SEARCH.strip("/"): "tìm kiếm",
    routes.OPENDATA.strip("/"): "dữ liệu mở (open data)",
    routes.LOCALITIES.strip("/"): "danh sách địa phương", routes.SCHEMA_FOLDER.strip("/"): "schema",
}
_PLAN, _UNIT, _EMBED = "kế hoạch (plan)", "đơn vị (unit)", "trang nhúng (embed)"
_DOCS = "hướng dẫn (guides)"  # docs/*.md: the only other pages one level down
_PROVINCE, _COMMUNE, _OTHER = "tỉnh (province)", "xã, phường (commune)", "khác (other)"
_COVERAGE = "tình hình thực hiện (coverage)"
_FILE_KINDS = {".html": "HTML", ".json": "JSON", ".xml": "Atom/XML", ".ics": "iCalendar",
               ".csv": "CSV", ".js": "JavaScript", ".css": "CSS", ".svg": "ảnh (images)",
               ".png": "ảnh (images)", ".ico": "ảnh (images)", ".woff2": "phông (fonts)"}


def page_kind(folder: PurePosixPath, children: set[str]) -> str:
    """The kind of the page in ``folder`` (relative to the site), given the names in it."""
    parts = folder.parts
    if not parts:
        return "trang chủ (home)"
    if parts[0] in _SECTIONS:
        return _SECTIONS[parts[0]]
    if routes.EMBED.strip("/") == parts[-1]:
        return _EMBED
    if routes.COVERAGE.strip("/") in parts:  # tinh-hinh/<year>/, <province>/tinh-hinh/<year>/
        return _COVERAGE
    if "don-vi" in parts or parts == (routes.NATIONAL_PATH,):
        return _UNIT
    if len(parts) == 1 and routes.FEED_FILE in children:
        return _PROVINCE  # a province without plans has no embeddable page
    if routes.PLAN_JSON in children:
        return _PLAN
    if routes.EMBED.strip("/") in children:
        return _PROVINCE if len(parts) == 1 else _COMMUNE
    return _DOCS if len(parts) == 1 else _OTHER


def file_kind(name: str) -> str:
    return _FILE_KINDS.get(PurePosixPath(name).suffix.lower(), "khác (other)")


@dataclass
class Breakdown:
    """Files and bytes per page kind and per file kind."""

    pages: Counter[str] = field(default_factory=Counter)  # kind → bytes
    page_files: Counter[str] = field(default_factory=Counter)  # kind → files
    files: Counter[str] = field(default_factory=Counter)
    file_counts: Counter[str] = field(default_factory=Counter)


def breakdown(root: Path) -> Breakdown:
    out = Breakdown()
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in EXCLUDED)
        relative = PurePosixPath(Path(folder).relative_to(root).as_posix())
        kind = page_kind(PurePosixPath() if relative == PurePosixPath(".") else relative,
                         {*dirs, *names})
        for name in names:
            size = os.stat(os.path.join(folder, name)).st_size
            out.pages[kind] += size
            out.page_files[kind] += 1
            out.files[file_kind(name)] += size
            out.file_counts[file_kind(name)] += 1
    return out
