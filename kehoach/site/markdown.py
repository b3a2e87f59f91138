"""Safe rendering of the Markdown a clerk writes in a plan's text fields."""

from __future__ import annotations

import functools
import xml.etree.ElementTree as etree

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

# Tags a plan's Markdown can legitimately produce; anything else (script, style, iframe,
# raw HTML a clerk typed) is dropped by the sanitiser; links keep only http(s) and mailto
# URLs, the schemes the validator accepts.
_ALLOWED_TAGS = {"p", "ul", "ol", "li", "em", "strong", "a", "code", "br", "blockquote"}
_ALLOWED_TAGS.add("span")  # only as the http flag below: nh3 keeps no other class
_ALLOWED_ATTRIBUTES = {"a": {"href"}, "span": {"title"}}
_ALLOWED_CLASSES = {"span": {"kh-insecure"}}
_RECENT_TEXTS = 4096  # Markdown renderings kept by MarkdownRenderer
# The same flag the templates put after a registry link kept as http:// (partials/kh.html).
INSECURE_LABEL = "http – không mã hóa"
INSECURE_TITLE = "Liên kết http không mã hóa, giữ nguyên như văn bản gốc"


class _FlagInsecureLinks(Treeprocessor):
    """An http:// link a clerk wrote in Markdown text is kept as the source gives it and
    flagged like the registry's, so a reader knows the page behind it is not encrypted."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, child in reversed(list(enumerate(parent))):
                if child.tag == "a" and child.get("href", "").lower().startswith("http://"):
                    parent.insert(index + 1, _flag(child.tail))
                    child.tail = " "  # between the link and its flag, as in the templates


def _flag(tail: str | None) -> etree.Element:
    flag = etree.Element("span", {"class": "kh-insecure", "title": INSECURE_TITLE})
    flag.text = INSECURE_LABEL
    flag.tail = tail
    return flag


class MarkdownRenderer:
    """Markdown → sanitised HTML, marked safe for Jinja's autoescaping."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
        # Raw HTML in a clerk's text is shown as typed (escaped), not interpreted or dropped;
        # nh3 below remains as a second line of defence.
        self._md.preprocessors.deregister("html_block")
        self._md.inlinePatterns.deregister("html")
        # After "inline" (links exist), before "prettify".
        self._md.treeprocessors.register(_FlagInsecureLinks(self._md), "kh_insecure", 15)
        # A plan's texts are drawn on its page and again on the pages of its units, which
        # MkDocs renders soon after (same folder): recent renderings are kept, a bounded
        # number, so a national build does not hold every text of the country.
        self._recent = functools.lru_cache(maxsize=_RECENT_TEXTS)(self._render)

    def __call__(self, text: str | None) -> Markup:
        if not text:
            return Markup("")
        return self._recent(text)

    def _render(self, text: str) -> Markup:
        html = self._md.reset().convert(text)
        clean = nh3.clean(
            html,
            tags=_ALLOWED_TAGS,
            attributes=_ALLOWED_ATTRIBUTES,
            allowed_classes=_ALLOWED_CLASSES,
            url_schemes={"http", "https", "mailto"},
            link_rel="noopener",
        )
        return Markup(clean)

    def inline(self, text: str | None) -> Markup:
        """For one-line fields: the same rendering without the wrapping paragraph."""
        html = str(self(text))
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return Markup(html)
