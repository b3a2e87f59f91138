"""File formats the site writes, from plain data: Atom feeds, iCalendar, the model exported
as JSON-ready data, the Content-Security-Policy of a page and the visible text of HTML."""
