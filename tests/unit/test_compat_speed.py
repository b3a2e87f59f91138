"""kehoach/adapter/compat.py's two shortcuts give what MkDocs and Jinja give without them: a
view's keys read first (fast_view_attributes) and a generated page's empty body set without a
Markdown converter (generated_page)."""

from __future__ import annotations

import gc
import weakref

import pytest
from jinja2 import Environment, StrictUndefined, UndefinedError
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kehoach.adapter.compat import (
    attach_generated_pages,
    fast_view_attributes,
    generated_page,
    release_source,
)
from kehoach.site.spec import PageSpec
from tests.sitetools import ROOT


@pytest.mark.parametrize("template", [
    "{{ view.title }}", "{{ view.get('title') }}", "{{ view.nested.name }}",
    "{{ view.missing is defined }}", "{{ view.keys is callable }}", "{{ text.upper() }}",
    "{{ obj.real }}", "{{ view.items is callable }}", "{{ view['items'] | length }}",
])
def test_each_kind_of_read_is_unchanged(template: str) -> None:
    view = {"title": "Kế hoạch <541>", "items": [1, 2, 3], "nested": {"name": "Xã Đức Thọ"}}
    results = []
    for fast in (False, True):
        env = Environment(autoescape=True)
        if fast:
            fast_view_attributes(env)
        results.append(env.from_string(template).render(view=view, text="ab", obj=3))
    assert results[0] == results[1]
    assert results[1] != ""


def test_a_missing_key_is_undefined_as_before() -> None:
    env = Environment(undefined=StrictUndefined)
    fast_view_attributes(env)
    with pytest.raises(UndefinedError, match="has no attribute 'missing'"):
        env.from_string("{{ view.missing }}").render(view={"title": "x"})


def _config() -> MkDocsConfig:
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins._current_plugin = "test"  # File.generated names the hook making the file
    return config


SPECS = [
    PageSpec("ha-tinh/don-vi/cong-an/index.md", "unit.html", "Công an xã"),
    PageSpec("a/index.md", "plan.html", 'Kế hoạch "số 541" \\ <b>&amp; 10/10</b>: a\tb',
             description="Mô tả: dấu “ngoặc”, dòng\nmới, 50% và #1"),
]


@pytest.mark.parametrize("spec", SPECS, ids=["unit", "quotes"])
def test_a_generated_page_reads_and_renders_as_mkdocs_does(spec: PageSpec) -> None:
    config = _config()
    files = Files([])
    fast_file = generated_page(config, spec.src_uri, spec)
    assert fast_file.page is None  # made once the files are split between the processes
    attach_generated_pages([fast_file], config)
    fast = fast_file.page
    assert fast is not None and type(fast) is not Page
    plain = Page(None, generated_page(config, spec.src_uri, spec), config)
    for page in (fast, plain):
        page.read_source(config)
        page.render(config, files)
    assert (fast.markdown, fast.meta, fast.title) == (plain.markdown, plain.meta, plain.title)
    assert fast.meta == {"template": spec.template, "title": spec.title,
                         **({"description": spec.description} if spec.description else {})}
    assert (fast.content, str(fast.toc), len(fast.toc)) == (plain.content, str(plain.toc), 0)
    assert fast.present_anchor_ids == plain.present_anchor_ids == set()


def test_pages_of_the_navigation_are_left_to_it() -> None:
    config = _config()
    listed = generated_page(config, "dia-phuong/index.md", SPECS[0])
    attach_generated_pages([listed], config)
    assert listed.page is None


def test_a_written_pages_spec_is_released() -> None:
    # MkDocs keeps every File to the end of the build: once its page is read (pages.on_env),
    # a File no longer holds the spec and its view data.
    config = _config()
    spec = PageSpec("ha-tinh/kh/index.md", "plan.html", "Kế hoạch", description="Mô tả")
    file = generated_page(config, spec.src_uri, spec)
    attach_generated_pages([file], config)
    assert file.page is not None
    file.page.read_source(config)
    held = weakref.ref(spec)
    release_source(file)
    del spec
    gc.collect()
    assert held() is None
    assert file.page.meta["title"] == "Kế hoạch"  # what was read stays
    with pytest.raises(RuntimeError, match="read again after its release"):
        file.content_string  # noqa: B018  # the property reads the released source
