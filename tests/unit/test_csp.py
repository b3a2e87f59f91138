"""Content-Security-Policy (kehoach/formats/csp.py, hooks/security.py): the pure function
(tests/site/test_csp_pages.py: every page of the built site; tests/browser/test_csp_browser.py:
the site in chromium, the policy enforced)."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest

from kehoach.formats.csp import (
    DIRECTIVES,
    TemplateScripts,
    content_security_policy,
    inline_scripts,
    script_hash,
    secure_page,
)

PAGE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Thử</title>
<link rel="stylesheet" href="a.css">
<script>var a = 1;</script>
<script id="__config" type="application/json">{"a": 1}</script>
</head>
<body><!-- <script>commented()</script> -->
<script src="b.js"></script>
<script type="module">import "./c.js";</script>
</body>
</html>
"""


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


class _Page(HTMLParser):
    """An independent reading of a page (the stdlib parser, not kehoach.formats.csp's expressions):
    start tags in order, policies, inline scripts, inline styles and handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.policies: list[tuple[int, str]] = []  # (index in tags, content)
        self.scripts: list[str] = []  # inline scripts the browser runs
        self.data_blocks: list[str] = []  # inline scripts of another type: never run
        self.inline_styles: list[str] = []
        self._text: list[str] | None = None  # the inline script being read
        self._runs = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.policies.append((len(self.tags) - 1, values.get("content", "")))
        if tag == "script" and "src" not in values:
            self._text = []
            self._runs = values.get("type", "") in ("", "module", "text/javascript")
        if tag == "style":
            self.inline_styles.append("<style>")
        for name, value in values.items():
            if name == "style" or name.startswith("on") or value.startswith("javascript:"):
                self.inline_styles.append(f"<{tag} {name}>")

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._text is not None:
            (self.scripts if self._runs else self.data_blocks).append("".join(self._text))
        self._text = None


def _read(html: str) -> _Page:
    parsed = _Page()
    parsed.feed(html)
    parsed.close()
    return parsed


# --- the pure function ----------------------------------------------------------------------


def test_hash_matches_the_csp_specification_example() -> None:
    # The example of the CSP Level 3 specification (hash-source).
    assert script_hash("alert('Hello, world.');") == (
        "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    )
    assert script_hash("var đ = 'Hà Tĩnh';") == _sha256("var đ = 'Hà Tĩnh';")  # UTF-8
    # The browser hashes the parsed text, whose line breaks are LF.
    assert script_hash("a();\r\nb();\rc();") == _sha256("a();\nb();\nc();")


def test_policy_goes_right_after_the_charset_before_any_script_or_stylesheet() -> None:
    secured = secure_page(PAGE)
    assert '<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"' in secured.html
    parsed = _read(secured.html)
    assert parsed.tags[:4] == ["html", "head", "meta", "meta"]
    assert [i for i, _ in parsed.policies] == [3]
    assert re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", secured.html) == PAGE


def test_without_charset_the_policy_opens_head() -> None:
    page = "<html><head><title>x</title><script>go()</script></head></html>"
    assert secure_page(page).html.startswith('<html><head><meta http-equiv="Content-')


def test_pages_the_policy_cannot_cover_are_refused() -> None:
    with pytest.raises(ValueError, match="before <head>"):
        secure_page("<html><script>early()</script><head></head></html>")
    with pytest.raises(ValueError, match="no <head>"):
        secure_page("<p>fragment</p>")


def test_executable_inline_scripts_are_hashed_and_nothing_else() -> None:
    policy = secure_page(PAGE).policy
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src "))
    assert script_src == " ".join(
        ["script-src", "'self'", _sha256("var a = 1;"), _sha256('import "./c.js";')]
    )
    assert _sha256('{"a": 1}') not in policy  # a data block is never executed
    assert _sha256("commented()") not in policy
    assert inline_scripts('<script type="text/plain">x</script><script language="javascript">'
                          "y</script><script type=' TEXT/JavaScript '>z</script>") == ["y", "z"]


def test_idempotent_and_a_stale_policy_is_replaced() -> None:
    once = secure_page(PAGE).html
    assert secure_page(once).html == once
    old = '<meta http-equiv="content-security-policy" content="x">'
    stale = PAGE.replace("<title>", old + "<title>")
    again = secure_page(stale).html
    assert again == once and len(_read(again).policies) == 1


def test_policy_is_escaped_for_its_attribute() -> None:
    directives = (*DIRECTIVES, ("report-to", ('"a"&<b>',)))
    secured = secure_page(PAGE, directives=directives)
    assert 'report-to &quot;a&quot;&amp;&lt;b&gt;"' in secured.html
    assert _read(secured.html).policies[0][1] == secured.policy
    assert secured.policy.endswith('report-to "a"&<b>')


def test_same_sources_once_in_document_order() -> None:
    assert content_security_policy(["'b'", "'a'", "'b'"]).split("; ")[1] == (
        "script-src 'self' 'b' 'a'"
    )


def test_only_scripts_written_in_templates_are_trusted() -> None:
    trusted = TemplateScripts([
        '<script>s=new URL("{{ base_url }}",location)</script><script src="{{ x }}"></script>',
        "{# x #}<script>fixed()</script><script>{% if a %}a(){% endif %}</script>",
        "<script>t='{{- name -}}' ;</script>",
    ])
    assert trusted('s=new URL("../..",location)') and trusted('s=new URL("/kehoach/",location)')
    assert not trusted('s=new URL("",alert(1),"",location)')  # a value cannot end the string
    assert trusted("fixed()") and not trusted("a()") and not trusted("evil()")
    assert trusted("t='x' ;")  # "{{-" and "-}}" trim the white space around them
    secured = secure_page(PAGE, trusted=lambda s: s == "var a = 1;")
    assert secured.untrusted == ('import "./c.js";',)
    assert _sha256('import "./c.js";') not in secured.policy
