"""MkDocs hook: Material's navigation rendered once per distinct set of links, not per page
(optional: KEHOACH_NAVCACHE=0 switches it off). The work is done in
kehoach/adapter/navcache.py; only ``on_*`` names here."""

from __future__ import annotations

from kehoach.adapter import navcache as _navcache

on_env = _navcache.on_env
