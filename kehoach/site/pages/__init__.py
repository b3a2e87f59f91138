"""One module per page kind: the view data each kind's template draws."""
