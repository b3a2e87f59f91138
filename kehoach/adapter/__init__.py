"""The MkDocs adapter: the only package of kehoach that imports MkDocs or Material.

hooks/*.py (listed in mkdocs.yml) are a few lines each that call into this package; the
rest of kehoach (model, source, site, formats, search, timeline) never imports MkDocs.
"""
