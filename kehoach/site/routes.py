"""The site's URL scheme, in one place. Every URL is a directory path relative to the root.

Province and commune paths nest ("ha-tinh/xa-thach-ha/") so that same-named communes in
different provinces never collide; slugs come from the official codenames.
"""

from __future__ import annotations

from typing import Any

from kehoach.source.localities import Locality

NATIONAL_PATH = "toan-quoc"
DOCUMENTS = "van-ban/"
RESOURCES = "nen-tang/"
LOCALITIES = "dia-phuong/"
CALENDAR = "lich/"


def home() -> str:
    return ""


def locality(place: Locality) -> str:
    return f"{place.path}/"


def plan(place: Locality, plan_id: str) -> str:
    return f"{place.path}/{plan_id}/"


def unit(locality_path: str, unit_id: str) -> str:
    return f"{locality_path}/don-vi/{unit_id}/"


def document(document_id: str) -> str:
    return f"{DOCUMENTS}{document_id}/"


def resource(resource_id: str) -> str:
    return f"{RESOURCES}{resource_id}/"


def src_uri(url: str) -> str:
    """The generated Markdown file behind a directory URL."""
    return f"{url}index.md"


def nav_pages(nav: Any) -> list[str]:
    """The Markdown pages a MkDocs ``nav`` setting lists (nested lists of {title: page or
    section}), in order: for the build's second process and the benchmark's baseline."""
    if isinstance(nav, list):
        return [page for item in nav for page in nav_pages(item)]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in nav_pages(value)]
    return [str(nav)]
