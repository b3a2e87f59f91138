"""Material's navigation partials rendered once per distinct set of links.

Material renders the sidebar navigation and the tabs again for every page: about a third
of the rendering time of a page, repeated ~70,000 times on the national site. On a page
that is not itself in the navigation (every generated page) no item is active, so what
those partials write depends only on where their links point from that page, that is, on
the relative URLs the ``url`` filter makes. The first rendering records which URLs go
through that filter; later pages whose relative URLs to those same targets are equal get
the same HTML. Pages in the navigation are rendered as Material renders them.
Material's config block (base.html: its settings and translations as JSON, ~10 % of the
time of a unit's page) is the same on every page but for the site's base address and its
links: rendered once for each (``kh_cached_block``).

Optional: overrides/main.html includes the partials itself when this hook is not loaded
or the setting is off (KEHOACH_NAVCACHE=0; tests/test_navcache.py builds the site both
ways and compares every file).
"""

from __future__ import annotations

from collections.abc import Callable

from jinja2 import Environment, Template, pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from kehoach.adapter import compat, state


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    if not state.of(config).settings.navcache:
        return env
    cache = _PartialCache(env.filters["url"])
    # One wrapper for the whole build: it records the targets during a first rendering.
    env.filters["url"] = cache.url_filter
    env.globals["kh_cached_partial"] = cache.render
    env.globals["kh_cached_block"] = cache.block
    return env


class _PartialCache:
    def __init__(self, url_filter: Callable[[Context, str], str]) -> None:
        self._url_filter = url_filter
        self._recording: list[str] | None = None
        self._targets: dict[str, tuple[str, ...]] = {}  # partial → URLs it links to
        self._html: dict[tuple[str, ...], Markup] = {}  # (partial, its links from a page)

    @pass_context
    def url_filter(self, context: Context, value: str) -> str:
        if self._recording is not None:
            self._recording.append(str(value))
        return self._url_filter(context, value)

    @pass_context
    def render(self, context: Context, name: str) -> Markup:
        template = context.environment.get_template(name)
        page = context.get("page")
        nav = context.get("nav")
        if page is None or nav is None or page in nav.pages:
            return compat.include(template, context)
        targets = self._targets.get(name)
        if targets is None:
            html, targets = self._record(template, context)
            self._targets[name] = targets
            self._html[(name, *_relative(targets, context))] = html
            return html
        key = (name, *_relative(targets, context))
        if key not in self._html:
            self._html[key] = compat.include(template, context)
        return self._html[key]

    @pass_context
    def block(self, context: Context, name: str, parent: Callable[[], Markup]) -> Markup:
        """Material's block ``name`` (``parent``: its super()), which reads nothing of the
        page but where it is (``base_url``) and the links it makes: rendered once for each."""
        targets = self._targets.get(name)
        if targets is None:
            html, targets = self._record(parent)
            self._targets[name] = targets
            self._html[(name, str(context.get("base_url")), *_relative(targets, context))] = html
            return html
        key = (name, str(context.get("base_url")), *_relative(targets, context))
        if key not in self._html:
            self._html[key] = parent()
        return self._html[key]

    def _record(self, render: Template | Callable[[], Markup],
                context: Context | None = None) -> tuple[Markup, tuple[str, ...]]:
        self._recording = []
        try:
            if isinstance(render, Template):
                assert context is not None
                html = compat.include(render, context)
            else:
                html = render()
            return html, tuple(self._recording)
        finally:
            self._recording = None


def _relative(targets: tuple[str, ...], context: Context) -> tuple[str, ...]:
    # What the url filter gives each target from this page.
    return tuple(compat.relative_url(target, context) for target in targets)
