"""Kế hoạch: the pure core that turns plan YAML into a typed model and view data.

Nothing in this package imports MkDocs: the site layer (hooks/) adapts it.
"""
