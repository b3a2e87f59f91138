"""Links in a clerk's Markdown text: only http(s), mailto and in-page (#…) targets.

The site's sanitiser (nh3, in kehoach.views.base) drops any other link anyway; the validator
refuses them so that nothing the clerk wrote disappears silently. A browser reads a link
target loosely, and so must this check, or "JaVaScRiPt:", " javascript:",
"&#106;avascript:", "java&Tab;script:" or "javascript&colon;" would slip through:

- character references are decoded (the browser decodes them in the href attribute);
- tabs and line breaks anywhere are removed, and spaces and control characters in front
  are skipped (the URL standard does both);
- the scheme is compared without regard to case.
"""

from __future__ import annotations

import html
import re

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})

# Targets of inline links and images "[text](target)", reference definitions
# "[1]: target" and autolinks "<scheme:…>". The target runs to the closing bracket: the
# check then reads it as a browser would.
_INLINE = re.compile(r"\]\(([^)]*)")
_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]]+\]:(.*)$", re.MULTILINE)
_AUTOLINK = re.compile(r"<([^<>\s]*)>")  # no spaces: "<Lưu ý: …>" is text
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_REMOVED = str.maketrans("", "", "\t\n\r")
_LEADING = "".join(chr(c) for c in range(0x21)) + "<"


def might_hold_links(text: str) -> bool:
    """Cheap test first: most values hold no bracket at all."""
    return "](" in text or "]:" in text or "<" in text


def refused_schemes(text: str) -> list[str]:
    """The schemes of every link target in ``text`` that is not allowed, as typed."""
    targets = [m.group(1) for m in _INLINE.finditer(text)]
    targets += [m.group(1) for m in _DEFINITION.finditer(text)]
    # Only "<scheme:…>" is an autolink; "<b>" or "<đậm>" is text, shown escaped.
    targets += [m.group(1) for m in _AUTOLINK.finditer(text) if ":" in html.unescape(m.group(1))]
    found: dict[str, None] = {}  # each scheme once per value, in order
    for target in targets:
        scheme = _scheme(target)
        if scheme is not None and scheme.lower() not in ALLOWED_SCHEMES:
            found[scheme] = None
    return list(found)


def _scheme(target: str) -> str | None:
    read = html.unescape(target).translate(_REMOVED).lstrip(_LEADING)
    match = _SCHEME.match(read)
    return match.group(1) if match else None
