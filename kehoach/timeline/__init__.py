"""Time as the plans state it: the days an activity covers (span), Gantt geometry (gantt) and
activities counted by week (weeks). Plain data; the pages are kehoach.site.pages."""
