"""Schema-valid plain data → typed model, driven by the dataclasses' own type hints.

Converting generically (rather than by hand per class) means a field added to the schema and
to a dataclass needs no third edit here, and the two cannot drift in how values are read.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, TypeVar

from kehoach.dates import PartialDate

T = TypeVar("T")


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def to_model(cls: type[T], data: dict[str, Any]) -> T:
    """Build ``cls`` from a mapping whose keys are the schema's (``from`` → ``from_``)."""
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for fld in dataclasses.fields(cls):  # type: ignore[arg-type]
        key = fld.name.rstrip("_")
        if key in data and data[key] is not None:
            kwargs[fld.name] = _convert(hints[fld.name], data[key])
    return cls(**kwargs)


def _convert(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _convert(inner[0], value)
    if origin is tuple:
        (item_hint, _ellipsis) = typing.get_args(hint)
        return tuple(_convert(item_hint, v) for v in value)
    if origin is typing.Literal:
        return value
    if hint is PartialDate:
        return PartialDate.parse(value)
    if dataclasses.is_dataclass(hint):
        return to_model(hint, value)  # type: ignore[arg-type]
    if hint is float and isinstance(value, int):
        return float(value)
    return value
