"""Kế hoạch: plan YAML in, a static site out, in stages (ARCHITECTURE.md has the picture):

source (files → checked plain data → typed model) → model (dataclasses) → site (a PageSpec
per page and a StaticFile per file, from page generators) → adapter (MkDocs renders them).
formats, search and timeline are the stages' tools; authoring serves the people who write
plans. Only kehoach.adapter imports MkDocs; hooks/ (listed in mkdocs.yml) call into it
(tests/unit/test_layers.py and test_adapter_boundary.py keep it so).
"""
