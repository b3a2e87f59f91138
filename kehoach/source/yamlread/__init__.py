"""Strict YAML: a file's bytes checked, every scalar read as text unless plainly otherwise,
each value keeping the line and column it came from (load.load_yaml)."""
