"""The Content-Security-Policy: every HTML page written gets its policy (kehoach.formats.csp)
as the first element of <head>, with the hashes of its inline scripts.

hooks/security.py is listed last in mkdocs.yml and runs at the lowest priority, so the policy
is computed from the final HTML of each page. Pages come through on_post_page; the theme's
own pages (the 404 page) through on_post_template. Only inline scripts written in the
templates are hashed; any other one (which could only come from the data through an escaping
bug) is left blocked and logged as a warning, which fails the strict build.
"""

from __future__ import annotations

import logging

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kehoach.adapter import compat, state
from kehoach.formats.csp import TemplateScripts, secure_page

_log = logging.getLogger("mkdocs.hooks.security")


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    loader = env.loader
    assert loader is not None
    # The templates as MkDocs resolves them: overrides/ shadow the theme's files.
    names = [n for n in loader.list_templates() if n.endswith(".html")]
    state.of(config).trusted = TemplateScripts(loader.get_source(env, n)[0] for n in names)
    return env


@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _secure(config, output, page.file.dest_uri)


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content  # sitemap.xml
    return _secure(config, output_content, template_name)


def _secure(config: MkDocsConfig, html: str, name: str) -> str:
    if compat.is_skipped(html):
        return html  # not written here (see kehoach/adapter/parallel.py)
    trusted = state.of(config).trusted
    if trusted is None:
        raise RuntimeError("the templates' scripts are not known yet (on_env)")
    secured = secure_page(html, trusted=trusted)
    for script in secured.untrusted:
        _log.warning(
            "%s: đoạn mã <script> không có trong mẫu giao diện bị chặn (an inline script that no "
            "template wrote is blocked by the Content-Security-Policy): %.120r", name, script
        )
    return secured.html
