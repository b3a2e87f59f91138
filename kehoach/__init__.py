"""Kế hoạch: the pure core that turns plan YAML into a typed model and view data.

Nothing in this package imports MkDocs but kehoach.adapter, which hooks/ (listed in mkdocs.yml)
call into (tests/unit/test_adapter_boundary.py checks it).
"""
