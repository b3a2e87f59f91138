"""The site as data: every page (a PageSpec: where, which template, what data) and every
file, built from a validated catalog. No MkDocs here: hooks/ hand these to MkDocs."""
