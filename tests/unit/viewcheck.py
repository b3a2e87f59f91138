"""A small type checker for the project's Jinja templates: what a template reads from ``view``
against the TypedDicts of kehoach/site/views.

It walks the Jinja AST with the type of each name in scope: ``view`` is the page's data type;
``{% set t = view.timeline %}`` and ``{% for a in view.activities %}`` bind the types of what
they read; a macro call (``kh.breadcrumbs(view.breadcrumbs)``, or a macro of the template
itself) checks the macro's body with its parameters bound to the types of the arguments;
includes, imports and the templates a page extends are followed within the templates folder.
Every ``x.key``, ``x["key"]`` and ``x.get("key")`` on a TypedDict must name one of its keys
(on a union, a key of one of its members), every attribute of a dataclass (kehoach.timeline's
Chart…) one of its fields. The keys read are recorded, so that unread keys can be listed.
Types are tuples of alternatives (tests/unit/viewtypes.py); () is a value the checker does
not know (a constant, a filter's result, ``loop``, the theme's variables): never an error.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, nodes

from tests.unit.viewtypes import (
    Atoms,
    LiteralSeq,
    MacroDef,
    Module,
    Scope,
    alternatives,
    calls_super,
    const,
    describe,
    elements,
    is_sequence,
    is_typeddict,
    keys_of,
)

_METHODS = ("get", "items", "keys", "values")


@dataclass
class Checker:
    """Checks the templates of ``folder`` (overrides/ or a copy); ``fallback``: the theme's
    own templates, which may be included or extended but are not checked."""

    folder: Path
    fallback: Path | None = None
    errors: list[str] = field(default_factory=list)
    reads: set[tuple[type, str]] = field(default_factory=set)  # (TypedDict, key)
    visited: set[str] = field(default_factory=set)  # templates walked
    _env: Environment = field(default_factory=Environment)
    _trees: dict[str, nodes.Template] = field(default_factory=dict)
    _macros: dict[tuple[str, str], tuple[nodes.Macro, Scope]] = field(default_factory=dict)
    _calls: set[tuple[object, ...]] = field(default_factory=set)

    # --- templates ------------------------------------------------------------------------

    def add_source(self, name: str, source: str) -> None:
        """A template given as a string; it hides a file of the same name."""
        self._trees[name] = self._env.parse(source, name=name)

    def tree(self, name: str) -> nodes.Template | None:
        if name not in self._trees:
            path = self.folder / name
            if not path.is_file():
                return None
            self.add_source(name, path.read_text(encoding="utf-8"))
        return self._trees[name]

    def exists(self, name: str) -> bool:
        theirs = self.fallback is not None and (self.fallback / name).is_file()
        return self.tree(name) is not None or theirs

    def check_page(self, name: str, view: Sequence[type]) -> None:
        """A page template, the templates it extends and all they include, with ``view``
        one of the ``view`` types."""
        overridden: set[str] = set()  # blocks a child replaces without calling super()
        current: str | None = name
        while current is not None:
            tree = self.tree(current)
            if tree is None:
                self.errors.append(f"{name}: template {current!r} not found")
                return
            self.visited.add(current)
            self.visit_all(tree.body, Scope(None, {"view": tuple(view)}), current, overridden)
            overridden.update(b.name for b in tree.find_all(nodes.Block) if not calls_super(b))
            parent = next(tree.find_all(nodes.Extends), None)
            current = const(parent.template) if parent is not None else None
            if current is not None and self.tree(current) is None:
                if not self.exists(current):
                    self.errors.append(f"{name}: extends {current!r}, which is not found")
                current = None  # the theme's own template: not checked

    # --- statements -----------------------------------------------------------------------

    def visit_all(self, body: Iterable[nodes.Node], scope: Scope, where: str,
                  overridden: Collection[str] = ()) -> None:
        for node in body:
            if not (isinstance(node, nodes.Block) and node.name in overridden):
                self.visit(node, scope, where)

    def visit(self, node: nodes.Node, scope: Scope, where: str) -> None:
        method = getattr(self, f"visit_{type(node).__name__}", None)
        if method is not None:
            method(node, scope, where)
        elif isinstance(node, nodes.Expr):
            self.typeof(node, scope, where)
        else:
            for child in node.iter_child_nodes():
                self.visit(child, scope, where)

    def visit_For(self, node: nodes.For, scope: Scope, where: str) -> None:
        items, wrong = elements(self.typeof(node.iter, scope, where))
        if wrong:
            self.errors.append(f"{where}:{node.lineno}: iterates over a mapping or an object")
        inner = Scope(scope, {"loop": ()})
        self.bind(node.target, items, inner)
        if node.test is not None:
            self.typeof(node.test, inner, where)
        self.visit_all(node.body, inner, where)
        self.visit_all(node.else_, scope, where)

    def visit_Assign(self, node: nodes.Assign, scope: Scope, where: str) -> None:
        self.bind(node.target, self.typeof(node.node, scope, where), scope)

    def visit_AssignBlock(self, node: nodes.AssignBlock, scope: Scope, where: str) -> None:
        self.visit_all(node.body, scope, where)
        self.bind(node.target, (), scope)

    def visit_With(self, node: nodes.With, scope: Scope, where: str) -> None:
        inner = Scope(scope)
        for target, value in zip(node.targets, node.values, strict=True):
            self.bind(target, self.typeof(value, scope, where), inner)
        self.visit_all(node.body, inner, where)

    def visit_Import(self, node: nodes.Import, scope: Scope, where: str) -> None:
        name = self.template_name(node.template, node.lineno, where)
        scope.names[node.target] = (Module(name),) if name else ()

    def visit_FromImport(self, node: nodes.FromImport, scope: Scope, where: str) -> None:
        name = self.template_name(node.template, node.lineno, where)
        for item in node.names:
            macro, alias = item if isinstance(item, tuple) else (item, item)
            scope.names[alias] = (MacroDef(name, macro),) if name else ()

    def visit_Include(self, node: nodes.Include, scope: Scope, where: str) -> None:
        name = self.template_name(node.template, node.lineno, where, node.ignore_missing)
        tree = self.tree(name) if name else None
        if name and tree is not None:
            self.visited.add(name)
            self.visit_all(tree.body, Scope(scope), name)

    def visit_Macro(self, node: nodes.Macro, scope: Scope, where: str) -> None:
        self._macros[(where, node.name)] = (node, scope)
        scope.names[node.name] = (MacroDef(where, node.name),)
        # Its body once as written, parameters unknown: what it reads from the context.
        self.call(MacroDef(where, node.name), [], {}, scope, node.lineno, where)

    def template_name(self, expr: nodes.Expr, line: int, where: str,
                      ignore_missing: bool = False) -> str | None:
        name = const(expr)
        if name is None:
            return None  # a name made at run time (the theme's icons): not followed
        if not ignore_missing and not self.exists(name):
            self.errors.append(f"{where}:{line}: template {name!r} not found")
        return name

    def bind(self, target: nodes.Node, atoms: Atoms, scope: Scope) -> None:
        if isinstance(target, nodes.Name):
            scope.names[target.name] = atoms
        elif isinstance(target, nodes.Tuple):
            size = len(target.items)
            seqs = [a for a in atoms if isinstance(a, LiteralSeq) and len(a.items) == size]
            for position, item in enumerate(target.items):
                self.bind(item, tuple(a for seq in seqs for a in seq.items[position]), scope)

    # --- macros ---------------------------------------------------------------------------

    def call(self, macro: MacroDef, args: list[Atoms], kwargs: dict[str, Atoms],
             caller: Scope, line: int, where: str) -> None:
        if (macro.template, macro.name) not in self._macros:
            tree = self.tree(macro.template)
            if tree is None:
                return  # a macro of the theme's
            self.visited.add(macro.template)
            self.visit_all(tree.body, Scope(), macro.template)
        found = self._macros.get((macro.template, macro.name))
        if found is None:
            self.errors.append(f"{where}:{line}: no macro {macro.name!r} in {macro.template}")
            return
        node, defined_in = found
        params = [arg.name for arg in node.args]
        bound = dict(zip(params, args, strict=False)) | kwargs
        # Imported "with context", a macro sees the caller's view.
        view = defined_in.get("view") or caller.get("view")
        key = (macro, view, tuple(bound.get(p, ()) for p in params))
        if key in self._calls:
            return  # checked already (and so a recursive macro ends)
        self._calls.add(key)
        inner = Scope(defined_in, {p: bound.get(p, ()) for p in params})
        inner.names.update(view=view, caller=(), varargs=(), kwargs=())
        self.visit_all(node.body, inner, macro.template)

    # --- expressions ----------------------------------------------------------------------

    def typeof(self, node: nodes.Node, scope: Scope, where: str) -> Atoms:
        method = getattr(self, f"type_{type(node).__name__}", None)
        if method is not None:
            result: Atoms = method(node, scope, where)
            return result
        for child in node.iter_child_nodes():
            self.typeof(child, scope, where)
        return ()

    def type_Name(self, node: nodes.Name, scope: Scope, where: str) -> Atoms:
        return scope.get(node.name)

    def type_Getattr(self, node: nodes.Getattr, scope: Scope, where: str) -> Atoms:
        base = self.typeof(node.node, scope, where)
        modules = [a for a in base if isinstance(a, Module)]
        if modules:
            return tuple(MacroDef(m.template, node.attr) for m in modules)
        return self.access(base, node.attr, node.lineno, where)

    def type_Getitem(self, node: nodes.Getitem, scope: Scope, where: str) -> Atoms:
        base = self.typeof(node.node, scope, where)
        key = const(node.arg)
        if key is not None:
            return self.access(base, key, node.lineno, where)
        self.typeof(node.arg, scope, where)
        return () if isinstance(node.arg, nodes.Slice) else elements(base)[0]

    def type_Call(self, node: nodes.Call, scope: Scope, where: str) -> Atoms:
        args = [self.typeof(a, scope, where) for a in node.args]
        kwargs = {k.key: self.typeof(k.value, scope, where) for k in node.kwargs}
        for extra in (node.dyn_args, node.dyn_kwargs):
            if extra is not None:
                self.typeof(extra, scope, where)
        callee = node.node
        if isinstance(callee, nodes.Getattr) and callee.attr in _METHODS:
            base = self.typeof(callee.node, scope, where)
            if any(is_typeddict(a) for a in base):
                return self.method(base, callee.attr, node, where)
        for target in self.typeof(callee, scope, where):
            if isinstance(target, MacroDef):
                self.call(target, args, kwargs, scope, node.lineno, where)
        return ()

    def method(self, base: Atoms, name: str, node: nodes.Call, where: str) -> Atoms:
        """``x.get("key")`` reads a key; ``x.items()`` and the like read every key."""
        key = const(node.args[0]) if node.args else None
        if name == "get" and key is not None:
            return self.access(base, key, node.lineno, where)
        for atom in base:
            if is_typeddict(atom):
                self.reads.update((atom, k) for k in keys_of(atom) or ())
        return ()

    def type_CondExpr(self, node: nodes.CondExpr, scope: Scope, where: str) -> Atoms:
        self.typeof(node.test, scope, where)
        second = self.typeof(node.expr2, scope, where) if node.expr2 is not None else ()
        return self.typeof(node.expr1, scope, where) + second

    def type_Or(self, node: nodes.Or, scope: Scope, where: str) -> Atoms:
        return self.typeof(node.left, scope, where) + self.typeof(node.right, scope, where)

    type_And = type_Or

    def type_List(self, node: nodes.List, scope: Scope, where: str) -> Atoms:
        return (LiteralSeq(tuple(self.typeof(i, scope, where) for i in node.items)),)

    type_Tuple = type_List

    def type_Filter(self, node: nodes.Filter, scope: Scope, where: str) -> Atoms:
        for child in node.iter_child_nodes():
            self.typeof(child, scope, where)
        return ()  # | length, | join, | url…: no longer view data

    # --- keys -----------------------------------------------------------------------------

    def access(self, base: Atoms, key: str, line: int, where: str) -> Atoms:
        """The type of ``base.key``; an error if no alternative of ``base`` has the key."""
        found: list[Any] = []
        checked = False  # some alternative has known keys (or has none: a list)
        for atom in base:
            if atom is type(None):
                continue
            keys = keys_of(atom)
            if keys is None and not (isinstance(atom, LiteralSeq) or is_sequence(atom)):
                return ()  # a string, a number, Markup, an unknown value: nothing to check
            checked = True
            if keys is not None and key in keys:
                found.extend(alternatives(keys[key]))
                if is_typeddict(atom):
                    self.reads.add((atom, key))
        message = f"{where}:{line}: {describe(base)} has no key {key!r}"
        # Told once per line: a preview's link mark reads a link's URL three times there.
        if checked and not found and message not in self.errors:
            self.errors.append(message)
        return tuple(found)


