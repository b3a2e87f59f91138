"""Schema-valid plain data → typed model, driven by the dataclasses' own type hints.

Converting generically (rather than by hand per class) means a field added to the schema and
to a dataclass needs no third edit here, and the two cannot drift in how values are read.
One converter function is compiled per type hint and reused: the national data set converts
hundreds of thousands of values.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from kehoach.model.dates import PartialDate

T = TypeVar("T")
Converter = Callable[[Any], Any]

_CONVERTERS: dict[Any, Converter] = {}


def to_model(cls: type[T], data: dict[str, Any]) -> T:
    """Build ``cls`` from a mapping whose keys are the schema's (``from`` → ``from_``)."""
    result: T = _converter(cls)(data)
    return result


def _converter(hint: Any) -> Converter:
    if hint not in _CONVERTERS:
        # Register a forwarder first, so that recursive types (an Item holds Items) resolve.
        _CONVERTERS[hint] = lambda value: _CONVERTERS[hint](value)
        _CONVERTERS[hint] = _compile(hint)
    return _CONVERTERS[hint]


def _identity(value: Any) -> Any:
    return value


def _compile(hint: Any) -> Converter:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _converter(inner[0])
    if origin is tuple:
        item = _converter(typing.get_args(hint)[0])
        return lambda value: tuple(item(v) for v in value)
    if hint is PartialDate:
        return PartialDate.parse
    if dataclasses.is_dataclass(hint):
        return _dataclass_converter(hint)  # type: ignore[arg-type]
    if hint is float:
        return lambda value: float(value) if isinstance(value, int) else value
    return _identity  # str, int, bool and Literal values are already what the schema says


def _dataclass_converter(cls: type[Any]) -> Converter:
    hints = typing.get_type_hints(cls)
    fields = [
        (field.name, field.name.rstrip("_"), hints[field.name]) for field in dataclasses.fields(cls)
    ]

    def convert(data: dict[str, Any]) -> Any:
        kwargs = {
            name: _converter(hint)(data[key])
            for name, key, hint in fields
            if data.get(key) is not None
        }
        return cls(**kwargs)

    return convert
