"""MkDocs hook: the search index, made from the pages as they are written. The work is done
in kehoach/adapter/search.py; only ``on_*`` names here."""

from __future__ import annotations

from kehoach.adapter import search as _search

on_env = _search.on_env
on_pre_build = _search.on_pre_build
on_post_page = _search.on_post_page
on_post_build = _search.on_post_build
on_build_error = _search.on_build_error
