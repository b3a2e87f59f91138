"""Tools for the people who write plans and keep the site: the new-plan scaffold, the field
reference generated from the schemas, and the report of external links."""
