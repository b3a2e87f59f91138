"""MkDocs hook: the public address, the repository, when each file last changed, and each
page's edit link and feeds. Listed first in mkdocs.yml: pages.py builds the site with them.
The work is done in kehoach/adapter/publish.py; only ``on_*`` names here."""

from __future__ import annotations

from kehoach.adapter import publish as _publish

on_config = _publish.on_config
on_files = _publish.on_files
on_page_context = _publish.on_page_context
