"""The one error the importer raises: a message for the clerk, in Vietnamese with a gloss."""

from __future__ import annotations


class ImportFailure(Exception):
    """The document cannot be imported; ``str()`` says where and what to do (exit 1)."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message
