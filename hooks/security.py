"""MkDocs hook: the Content-Security-Policy of every page, computed from its final HTML
(listed last in mkdocs.yml). The work is done in kehoach/adapter/security.py; only ``on_*``
names here."""

from __future__ import annotations

from kehoach.adapter import security as _security

on_env = _security.on_env
on_post_page = _security.on_post_page
on_post_template = _security.on_post_template
