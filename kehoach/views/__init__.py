"""View data: plain dictionaries and lists that templates render, one page spec per page."""
