"""The types tests/unit/viewcheck.py works with: a type as a tuple of alternatives
("atoms"), where () is a value the checker does not know; markers for what templates make
(an imported module, a macro, a literal list); scopes of names."""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from jinja2 import nodes

Atoms = tuple[Any, ...]  # the alternatives of a type: typing objects, classes, markers below


@dataclass(frozen=True)
class Module:
    """A template imported as a namespace: ``{% import "partials/kh.html" as kh %}``."""

    template: str


@dataclass(frozen=True)
class MacroDef:
    template: str
    name: str


@dataclass(frozen=True)
class LiteralSeq:
    """A list or tuple written in the template: the types of its items, in order."""

    items: tuple[Atoms, ...]


class Scope:
    def __init__(self, parent: Scope | None = None, names: dict[str, Atoms] | None = None):
        self.parent = parent
        self.names = dict(names or {})

    def get(self, name: str) -> Atoms:
        scope: Scope | None = self
        while scope is not None:
            if name in scope.names:
                return scope.names[name]
            scope = scope.parent
        return ()


def alternatives(tp: Any) -> Atoms:
    """A type as its alternatives: ``X | None`` → (X, NoneType)."""
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        return tuple(atom for arg in typing.get_args(tp) for atom in alternatives(arg))
    return (tp,)


def is_typeddict(tp: Any) -> bool:
    return isinstance(tp, type) and typing.is_typeddict(tp)


def is_sequence(tp: Any) -> bool:
    return typing.get_origin(tp) in (list, tuple, Sequence)


@functools.cache
def keys_of(tp: Any) -> dict[str, Any] | None:
    """The keys of a TypedDict or the fields of a dataclass, with their types."""
    if is_typeddict(tp) or (isinstance(tp, type) and dataclasses.is_dataclass(tp)):
        return typing.get_type_hints(tp)
    return None


def elements(atoms: Atoms) -> tuple[Atoms, bool]:
    """What iterating a value gives, and whether that iterates over a mapping or an object."""
    found: list[Any] = []
    wrong = False
    for atom in atoms:
        if isinstance(atom, LiteralSeq):
            found.extend(a for item in atom.items for a in item)
        elif is_sequence(atom):
            args = [a for a in typing.get_args(atom) if a is not Ellipsis]
            found.extend(a for arg in args for a in alternatives(arg))
        elif keys_of(atom) is not None:
            wrong = True
    return tuple(found), wrong


def describe(atoms: Atoms) -> str:
    return " | ".join(a.__name__ if isinstance(a, type) else str(a) for a in atoms)

def const(expr: nodes.Node) -> str | None:
    if isinstance(expr, nodes.Const) and isinstance(expr.value, str):
        return expr.value
    return None


def calls_super(block: nodes.Block) -> bool:
    return any(isinstance(c.node, nodes.Name) and c.node.name == "super"
               for c in block.find_all(nodes.Call))
