"""From files to the model: bytes and strict YAML (yamlread), the JSON Schemas and the checks
they cannot express, then the typed model of a whole plans/ tree (catalog.load_catalog).

Every problem is collected with its place and reported at once (problems.Problem).
"""
