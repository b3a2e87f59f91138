"""MkDocs hook: most unit pages rendered by a second process, on the second core
(KEHOACH_WORKERS=1: one process). The work is done in kehoach/adapter/parallel.py; only
``on_*`` names here."""

from __future__ import annotations

from kehoach.adapter import parallel as _parallel

on_startup = _parallel.on_startup
on_files = _parallel.on_files
on_env = _parallel.on_env
on_template_context = _parallel.on_template_context
on_post_template = _parallel.on_post_template
on_post_page = _parallel.on_post_page
on_post_build = _parallel.on_post_build
on_build_error = _parallel.on_build_error
