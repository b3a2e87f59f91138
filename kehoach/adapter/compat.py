"""Everything that relies on MkDocs' or Material's internals, in one place.

The hooks use a few things that are not MkDocs' public plugin API (private caches, log
messages, how a page or an include is made), and the search page loads Material's script by
its hashed file name: each sits here, with what it relies on, so an upgrade has one file to
re-check. ``check_versions`` stops the build when the installed versions are not those these
were checked against (requirements.txt pins them); the Material section fails the build with
a message naming the installed version when what it reads is not found.
tests/unit/test_compat.py and test_theme_overrides.py cover them.
"""

from __future__ import annotations

import ctypes
import importlib.metadata
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

import material
import mkdocs.utils
from jinja2 import Environment, Template
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from kehoach.site.routes import nav_pages

# --- Internals used by the hooks (kehoach/adapter/*.py) -----------------------------------

# Package → the release series everything below was checked against (requirements.txt).
CHECKED = {"mkdocs": "1.6", "mkdocs-material": "9"}
_URL_PARTS_KEPT = 20_000  # entries of MkDocs' URL cache (bound_url_cache)
_NO_ANCHORS: set[str] = set()  # shared by the generated pages once written; never changed


class VersionError(PluginError):
    """MkDocs or Material is not the version this module was checked against."""


def check_versions(version: Callable[[str], str] | None = None) -> None:
    """Stops the build when an installed package (``version``: how to find its version,
    importlib.metadata's by default) is not of the series in CHECKED."""
    lookup = version or importlib.metadata.version
    for package, series in CHECKED.items():
        try:
            found = lookup(package)
        except importlib.metadata.PackageNotFoundError:
            found = "không có (not installed)"
        if found.split(".")[: series.count(".") + 1] != series.split("."):
            raise VersionError(
                f"Gói {package} có phiên bản {found}, nhưng mã dựng trang được kiểm với {series}.x "
                f"(requirements.txt). Cài đúng bản (make setup), hoặc kiểm lại từng chỗ trong "
                f"kehoach/adapter/compat.py với bản mới rồi sửa CHECKED. ({package} {found} is "
                f"installed, {series}.x expected: reinstall with `make setup`, or re-check each "
                f"use of internals in kehoach/adapter/compat.py against it and update CHECKED.)"
            )


def is_skipped(output: str) -> bool:
    """MkDocs writes no file for a page or template whose output is blank (in
    mkdocs/commands/build.py, ``if output.strip()``): how the processes of a parallel build
    leave a page to each other."""
    return not output.strip()


def hide_skipped_messages() -> None:
    """MkDocs logs each page or template it skips ("Page skipped: …", "Template skipped: …",
    at info level, from the logger of mkdocs/commands/build.py); in the second process of a
    parallel build, those it leaves to the build are no news to anyone."""
    logging.getLogger("mkdocs.commands.build").addFilter(_not_skipped)


def _not_skipped(record: logging.LogRecord) -> bool:
    return not str(record.msg).startswith(("Page skipped", "Template skipped"))


class MarkdownSource(Protocol):
    def markdown(self) -> str: ...  # front matter only

    def front_matter(self) -> dict[str, str]: ...  # the same, as MkDocs reads it


def generated_page(config: MkDocsConfig, src_uri: str, source: MarkdownSource) -> File:
    """A generated page whose Markdown is made by ``source`` when MkDocs reads it (File's
    ``content_string``, a property since MkDocs 1.6, is overridden): held as text, the front
    matter of every page would stay in memory from on_files to the end (~35 MB nationally),
    in both processes of a parallel build."""
    file = _LazyFile.generated(config, src_uri, content="")
    assert isinstance(file, _LazyFile)  # made by the subclass
    file._source = source
    return file


def release_source(file: File) -> None:
    """Drops what a generated page's Markdown is made from (its PageSpec, which holds the
    page's view data and, for some, the whole site's) once MkDocs has read it (on_env):
    MkDocs keeps every File to the end of the build, and the site data is freed at
    post_build (pages.py) only if no File holds it."""
    if isinstance(file, _LazyFile):
        file._source = None


def attach_generated_pages(files: Iterable[File], config: MkDocsConfig) -> None:
    """Gives each generated page of ``files`` the Page MkDocs' get_navigation would make, but
    read and rendered faster (_GeneratedPage), but those the navigation lists: it makes
    their pages itself, with the titles it gives them. Called by the last on_files hook: in a
    parallel build, after the fork, so that each process holds only its own pages."""
    in_nav = frozenset(nav_pages(config.nav))
    for file in files:
        if isinstance(file, _LazyFile) and file.page is None and file.src_uri not in in_nav:
            _GeneratedPage(None, file, config)


class _LazyFile(File):
    _source: MarkdownSource | None  # None once released (release_source)

    @property  # type: ignore[misc]  # read-only: nothing sets a generated page's text
    def content_string(self) -> str:
        return self.source().markdown()

    def source(self) -> MarkdownSource:
        if self._source is None:  # MkDocs has read it once (release_source): a bug
            raise RuntimeError("a generated page's Markdown is read again after its release")
        return self._source


class _GeneratedPage(Page):
    """A generated page: its Markdown is front matter alone, so its body is empty. MkDocs
    makes a Markdown converter with every extension for each page it renders (~5 % of a
    national build's time) to turn that nothing into nothing: here the result is set as
    Page.render (mkdocs/structure/pages.py) sets it for an empty text. Made in on_files, so
    MkDocs no longer lists these pages as missing from the navigation, which they are on
    purpose (thousands of lines of "not in nav" in every build's log): they get their page
    before MkDocs looks for pages without one (attach_generated_pages). Its front matter is
    taken as it was made, not parsed again as YAML (~2 % of the build)."""

    def read_source(self, config: MkDocsConfig) -> None:
        source = config.plugins.on_page_read_source(page=self, config=config)
        if source is not None or not isinstance(self.file, _LazyFile):
            self.markdown, self.meta = get_data(source or self.file.content_string)
            return
        self.markdown, self.meta = "", dict(self.file.source().front_matter())

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None or self.markdown.strip():
            super().render(config, files)
            return
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()


def fast_view_attributes(env: Environment) -> None:
    """``view.title`` in a template: Jinja tries the attribute first and the key second, so
    every read of a view (a plain dict) raises and catches an AttributeError (~5 % of a
    national build). A plain dict has no attribute beside dict's own: for any other name the
    key is read first, with the same result as Jinja's Environment.getattr."""
    jinja_getattr = env.getattr

    def getattr_(obj: object, attribute: str) -> object:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return env.undefined(obj=obj, name=attribute)
        return jinja_getattr(obj, attribute)

    env.getattr = getattr_  # type: ignore[method-assign]  # the compiled templates call it


_DICT_ATTRIBUTES = frozenset(dir(dict))


def forget_anchors(page: Page) -> None:
    """A written page keeps ``present_anchor_ids`` (MkDocs' anchor validation reads it after
    rendering) until the end of the build: an empty set each for tens of thousands of
    generated pages, whose Markdown has no headings. They share one instead."""
    if not page.present_anchor_ids:
        page.present_anchor_ids = _NO_ANCHORS


def bound_url_cache() -> None:
    """MkDocs caches, without limit, the parts of every URL it makes relative (the url filter,
    mkdocs.utils._norm_parts): ~10 a page, ~40 MB nationally by the end. Emptied now and then,
    it holds what the next pages need (the same few links on every page) and no more."""
    norm_parts = getattr(mkdocs.utils, "_norm_parts", None)  # private: may go away
    info = getattr(norm_parts, "cache_info", None)
    if info is not None and info().currsize > _URL_PARTS_KEPT:
        norm_parts.cache_clear()  # type: ignore[union-attr]


def release_free_memory() -> None:
    """Hands memory freed by Python back to the system (glibc's malloc_trim; glibc keeps it
    for the process otherwise). Elsewhere than glibc, nothing to do."""
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    trim = getattr(libc, "malloc_trim", None)
    if trim is not None:
        trim(0)


def sitemap_pages(files: Sequence[File], config: MkDocsConfig) -> Iterator[File]:
    """Each file with a page, as MkDocs would set its address and date, for sitemap.xml (its
    template only iterates). A page made here (``Page(None, file, config)`` sets
    ``file.page``) is dropped once listed: held all at once, the pages of the second process
    made the build's peak of memory (~40,000 such pages nationally)."""
    for file in files:
        made = file.page is None
        if made:
            Page(None, file, config)
        yield file
        if made:
            file.page = None


def relative_url(target: str, context: Context) -> str:
    """What MkDocs' ``url`` template filter gives ``target`` on the page being rendered
    (mkdocs/utils/templates.py: normalize_url from the page, or from base_url)."""
    return mkdocs.utils.normalize_url(target, page=context["page"], base=context["base_url"])


def include(template: Template, context: Context) -> Markup:
    """What Jinja's ``{% include %}`` does (its compiled code): the partial is rendered with
    the including template's variables (root_render_func on a shared new_context)."""
    rendered = template.root_render_func(template.new_context(context.get_all(), shared=True))
    return Markup("".join(rendered))


# --- Material: the theme's script ------------------------------------------------------------
# Material's JavaScript is one file whose name carries a hash of its content, so it changes
# with every Material release (assets/javascripts/bundle.<hash>.min.js). Material's base.html
# loads it by that literal name; our templates that load it themselves (overrides/main.html
# for every page, overrides/search.html later, from docs/assets/search.js) get the name from
# theme_script(), through the Jinja global set by hooks/search.py.

# The bundle as base.html names it, in a Jinja string: '…' or "…".
_BUNDLE = re.compile(r"""['"](assets/javascripts/bundle\.[\w.-]+\.min\.js)['"]""")


def material_templates() -> Path:
    """The installed Material's templates folder (its theme: base.html, partials/, assets/)."""
    return Path(material.__file__).parent / "templates"


def material_version() -> str:
    """The installed mkdocs-material's version, e.g. ``9.8.1``."""
    return importlib.metadata.version("mkdocs-material")


def theme_script(templates: Path | None = None) -> str:
    """The path of Material's theme script from the site's root, the one Material's base.html
    loads, e.g. ``assets/javascripts/bundle.a5f9d56c.min.js``. ``templates``: Material's
    templates folder (default: the installed one; another one for tests).

    Raises PluginError, which stops the build, when base.html names no bundle or several, or
    when the one it names is not among Material's files."""
    folder = material_templates() if templates is None else templates
    name = _named_bundle(folder)
    if not (folder / name).is_file():
        raise _bundle_error(folder, f"thiếu tệp {name}", f"{name} is missing")
    return name


def _named_bundle(folder: Path) -> str:
    base = folder / "base.html"
    if not base.is_file():
        raise _bundle_error(folder, "không có base.html", "there is no base.html")
    names: list[str] = sorted(set(_BUNDLE.findall(base.read_text(encoding="utf-8"))))
    if not names:
        raise _bundle_error(folder, "base.html không nạp tệp nào", "base.html loads none")
    if len(names) > 1:
        listed = ", ".join(names)
        raise _bundle_error(folder, f"base.html nạp {listed}", f"base.html loads {listed}")
    return names[0]


def _bundle_error(folder: Path, vietnamese: str, english: str) -> PluginError:
    version = material_version()
    return PluginError(
        f"Không tìm thấy tệp JavaScript của giao diện Material {version} "
        f"(assets/javascripts/bundle.*.min.js) trong {folder}: {vietnamese}. "
        f"Cần xem lại overrides/main.html và overrides/search.html cho phiên bản này.\n"
        f"Material {version}'s theme script (assets/javascripts/bundle.*.min.js) was not "
        f"found in {folder}: {english}. Re-check overrides/main.html and overrides/search.html "
        f"against this version."
    )
