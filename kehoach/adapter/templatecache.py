"""Compiled templates kept by a `mkdocs serve` process from one rebuild to the next.

MkDocs makes a new Jinja environment for every build, which parses and compiles the ~60
templates of the theme and overrides/ again: about a second of each rebuild of a clerk's
preview. Jinja's bytecode cache keeps the compiled code of each template with a checksum of
its source, so a template edited meanwhile is compiled afresh; nothing else changes.
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

from kehoach.adapter.state import Startup


class _InMemory(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored by Jinja if the source changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_SERVED = _InMemory()


def keep_compiled(env: Environment, startup: Startup | None) -> None:
    """While serving, ``env`` compiles each template once for the whole process."""
    if startup is not None and startup.command == "serve":
        env.bytecode_cache = _SERVED
