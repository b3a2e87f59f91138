"""Content-Security-Policy of the built pages, as a ``<meta http-equiv>`` element.

GitHub Pages cannot send response headers, so the policy travels in each page, computed from
the page itself: inline scripts are allowed by their SHA-256 hash (CSP Level 3), everything
else must come from the site's own origin. ``secure_page`` takes a page's HTML and returns it
with the policy inserted first in <head> (after ``<meta charset>``), before any script or
stylesheet, which it would not govern otherwise.

The pages are the site's own templated output: text and attribute values are escaped, so
``<`` only appears as markup. That lets a few regular expressions find the scripts instead of
a full HTML parser, which would add minutes to a national build (70,000 pages).

Which inline scripts get a hash is the caller's decision (``trusted``): hashing every script
found in a page would also allow one that reached it from the data by an escaping bug, the
very injection the policy is there to stop. ``TemplateScripts`` trusts the scripts written
in the templates, with any ``{{ expression }}`` in them standing for a value without quotes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from kehoach.formats.htmltext import tag_attributes

# Each directive and why (a directive left out falls back to default-src 'none'):
DIRECTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default-src", ("'none'",)),  # fonts, frames, objects, media, manifests: none used
    ("script-src", ("'self'",)),  # the theme's and the site's scripts, no inline code
    ("style-src", ("'self'",)),  # stylesheets only: no <style> element, no style="…"
    ("img-src", ("'self'", "data:")),  # the favicon; the theme's icons are data: SVG in CSS
    ("connect-src", ("'self'",)),  # search-engine.js fetches the index
    ("base-uri", ("'none'",)),  # no page has a <base>: none may be injected
    ("form-action", ("'self'",)),  # the search forms submit to tim-kiem/
)

# HTML's JavaScript MIME types (a script with one of these types, or none, runs as a classic
# script); "module", "importmap" and "speculationrules" are executed too and need a hash.
# Any other type, e.g. application/json, is a data block the browser never runs: CSP ignores it.
_JS_TYPES = frozenset(
    [f"{base}/{name}" for base in ("application", "text")
     for name in ("ecmascript", "javascript", "x-ecmascript", "x-javascript")]
    + [f"text/javascript1.{n}" for n in range(6)]
    + ["text/jscript", "text/livescript", "module", "importmap", "speculationrules"]
)
# Attributes of a start tag; possessive quantifiers, so a tag without ">" cannot backtrack.
_ATTRS = r"""(?P<{name}>(?:[^>"']++|"[^"]*+"|'[^']*+')*+)"""
_TOKENS = re.compile(
    r"<!--.*?-->"
    r"|<(?P<raw>script|style)(?=[\s/>])" + _ATTRS.format(name="attrs") + r">(?P<body>.*?)"
    r"</(?P=raw)\s*>"
    r"|<(?P<tag>head|meta)(?=[\s/>])" + _ATTRS.format(name="tag_attrs") + r">",
    re.S | re.I,
)
_CHARSET = re.compile(r"\s*<meta(?=[\s/>])" + _ATTRS.format(name="attrs") + r">", re.I)
_EXPRESSION = re.compile(r"\{\{(-?).*?(-?)\}\}", re.S)
_TEMPLATE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.S | re.I)
# What an expression in a template's script may render to: no quote, backslash, angle
# bracket or space, so a value cannot end the string literal it is written in.
_VALUE = r"""[^"'`\\<>\s]*"""


@dataclass(frozen=True)
class Secured:
    html: str  # the page with its policy
    policy: str
    untrusted: tuple[str, ...]  # inline scripts left without a hash: the browser blocks them


def script_hash(text: str) -> str:
    """The CSP source allowing an inline script whose text is ``text``."""
    # The browser hashes the text as parsed: line breaks are normalised to LF before.
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalised.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(
    hashes: Iterable[str] = (),
    directives: Sequence[tuple[str, tuple[str, ...]]] = DIRECTIVES,
) -> str:
    """The policy text, with ``hashes`` added to script-src (once each, in the given order)."""
    extra = tuple(dict.fromkeys(hashes))
    return "; ".join(
        " ".join((name, *sources, *(extra if name == "script-src" else ())))
        for name, sources in directives
    )


def meta_element(policy: str) -> str:
    # One fixed element with one attribute value, escaped for a double-quoted attribute.
    content = html.escape(policy, quote=False).replace('"', "&quot;")
    return f'<meta http-equiv="Content-Security-Policy" content="{content}">'


def inline_scripts(page: str) -> list[str]:
    """The text of every inline script the browser would execute, in document order."""
    return [
        match["body"]
        for match in _TOKENS.finditer(page)
        if match["raw"] and match["raw"].lower() == "script" and _executable(match["attrs"])
    ]


def secure_page(
    page: str,
    *,
    trusted: Callable[[str], bool] | None = None,
    directives: Sequence[tuple[str, tuple[str, ...]]] = DIRECTIVES,
) -> Secured:
    """``page`` with its policy inserted (replacing any policy it has: idempotent).

    ``trusted(text)`` says which inline scripts get a hash (None: all). Raises ValueError
    when the page has no <head>, or a script before it, which the policy could not cover.
    """
    page = _without_policy(page)
    scripts = inline_scripts(page)
    allowed = [s for s in scripts if trusted is None or trusted(s)]
    untrusted = tuple(s for s in scripts if trusted is not None and not trusted(s))
    policy = content_security_policy(map(script_hash, allowed), directives)
    at = _insertion_point(page)
    return Secured(page[:at] + meta_element(policy) + page[at:], policy, untrusted)


class TemplateScripts:
    """Trusts an inline script when it is one written in a template: its text, with each
    ``{{ expression }}`` matching a value without quotes (see _VALUE). Scripts holding a
    ``{% statement %}`` or ``{# comment #}`` are never trusted: their text is not knowable."""

    def __init__(self, sources: Iterable[str]) -> None:
        shapes = {
            body for source in sources for body in _TEMPLATE_SCRIPT.findall(source)
            if body.strip() and "{%" not in body and "{#" not in body
        }
        self._exact = {s for s in shapes if "{{" not in s}
        self._patterns = [_pattern(s) for s in sorted(shapes - self._exact)]

    def __call__(self, text: str) -> bool:
        return text in self._exact or any(p.fullmatch(text) for p in self._patterns)


def _pattern(template_body: str) -> re.Pattern[str]:
    parts: list[str] = []
    start, trim_next = 0, False
    for match in _EXPRESSION.finditer(template_body):
        part = template_body[start : match.start()]
        # "{{- x -}}" removes the white space before / after it from the output.
        part = part.lstrip() if trim_next else part
        parts.append(re.escape(part.rstrip() if match[1] else part))
        start, trim_next = match.end(), bool(match[2])
    last = template_body[start:]
    parts.append(re.escape(last.lstrip() if trim_next else last))
    return re.compile(_VALUE.join(parts), re.S)


def _executable(attrs: str) -> bool:
    values = tag_attributes(attrs)
    if "src" in values:
        return False  # an external script: its text is ignored, 'self' governs its source
    kind = values.get("type")
    if kind is None and values.get("language"):
        kind = "text/" + values["language"]
    kind = (kind or "").strip().lower()
    return kind == "" or kind in _JS_TYPES


def _is_policy(match: re.Match[str]) -> bool:
    if not match["tag"] or match["tag"].lower() != "meta":
        return False
    equiv = tag_attributes(match["tag_attrs"]).get("http-equiv", "")
    return equiv.strip().lower() == "content-security-policy"


def _without_policy(page: str) -> str:
    if "content-security-policy" not in page.lower():
        return page  # the usual case: no second scan of the page
    spans = [m.span() for m in _TOKENS.finditer(page) if _is_policy(m)]
    for start, end in reversed(spans):
        page = page[:start] + page[end:]
    return page


def _insertion_point(page: str) -> int:
    """Just after <head> or, when <head> opens with it, after ``<meta charset>`` (which
    should come first, within the page's first 1024 bytes)."""
    for match in _TOKENS.finditer(page):
        if match["raw"]:
            raise ValueError(f"<{match['raw']}> before <head>: the policy would not cover it")
        if match["tag"] and match["tag"].lower() == "head":
            charset = _CHARSET.match(page, match.end())
            if charset and "charset" in tag_attributes(charset["attrs"]):
                return charset.end()
            return match.end()
    raise ValueError("the page has no <head>: nowhere to put its Content-Security-Policy")
