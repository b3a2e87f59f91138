"""Test helper: what a JSON Schema declares."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def property_names(node: Any) -> Iterator[str]:
    """Every key of every ``properties`` object anywhere in a schema, $defs included."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                yield from value
            yield from property_names(value)
    elif isinstance(node, list):
        for value in node:
            yield from property_names(value)
