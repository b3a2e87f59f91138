"""Links in a clerk's Markdown text: only http(s), mailto and in-page (#…) targets.

A target without a scheme ("vneid.gov.vn", "../a") is refused too: on the site it would
point inside the site, to a page that does not exist.

The site's sanitiser (nh3, in kehoach.site.spec) drops any other link anyway; the validator
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
    found: dict[str, None] = {}  # each scheme once per value, in order
    for target in _targets(text):
        scheme = _scheme(target)
        if scheme is not None and scheme.lower() not in ALLOWED_SCHEMES:
            found[scheme] = None
    return list(found)


def relative_targets(text: str) -> list[str]:
    """Targets in ``text`` without a scheme that are not in-page anchors (#…), as typed."""
    found: dict[str, None] = {}
    for target in _targets(text):
        address = _address(target)
        if address and not address.startswith("#") and _scheme(target) is None:
            found[address] = None
    return list(found)


def full_address(address: str) -> str:
    """What to write instead of a target without a scheme: "https://vneid.gov.vn/" for
    "vneid.gov.vn/", an example for a path ("../a") whose site cannot be guessed."""
    host = address.split("/", 1)[0]
    if "." in host and not address.startswith((".", "/")):
        return f"https://{address}"
    return "https://binhdanhocvuso.gov.vn/"


def _targets(text: str) -> list[str]:
    targets = [m.group(1) for m in _INLINE.finditer(text)]
    targets += [m.group(1) for m in _DEFINITION.finditer(text)]
    # Only "<scheme:…>" is an autolink; "<b>" or "<đậm>" is text, shown escaped.
    targets += [m.group(1) for m in _AUTOLINK.finditer(text) if ":" in html.unescape(m.group(1))]
    return targets


def _address(target: str) -> str:
    """The address of a target without its title: 'a.vn "Tiêu đề"' → 'a.vn', '<a b>' → 'a b'."""
    read = html.unescape(target).translate(_REMOVED).strip()
    if read.startswith("<"):
        return read[1:].split(">", 1)[0]
    return read.split(maxsplit=1)[0] if read else ""


def _scheme(target: str) -> str | None:
    read = html.unescape(target).translate(_REMOVED).lstrip(_LEADING)
    match = _SCHEME.match(read)
    return match.group(1) if match else None
