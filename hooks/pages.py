"""MkDocs hook: one generated page per spec of the pure core (kehoach.site), and the static
files beside them. The work is done in kehoach/adapter/pages.py; only ``on_*`` names here."""

from __future__ import annotations

from kehoach.adapter import pages as _pages

on_config = _pages.on_config
on_files = _pages.on_files
on_nav = _pages.on_nav
on_env = _pages.on_env
on_page_markdown = _pages.on_page_markdown
on_page_context = _pages.on_page_context
on_post_page = _pages.on_post_page
on_post_build = _pages.on_post_build
on_serve = _pages.on_serve
