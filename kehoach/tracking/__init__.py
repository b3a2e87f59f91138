"""Implementation tracking: the status of every activity at a moment, from the progress
reports and the dates (status), and what those statuses add up to for a plan, a unit, a
locality or a parent plan (rollup), and for a province or the country (coverage). Plain data,
no MkDocs: the pages are kehoach.site's."""
