"""kehoach/adapter/compat.py's two shortcuts give what MkDocs and Jinja give without them: a
view's keys read first (fast_view_attributes) and a generated page's empty body set without a
Markdown converter (generated_page)."""

from __future__ import annotations

import pytest
from jinja2 import Environment, StrictUndefined, UndefinedError
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kehoach.adapter.compat import fast_view_attributes, generated_page
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


class _Source:
    def __init__(self, text: str) -> None:
        self.text = text

    def markdown(self) -> str:
        return self.text


@pytest.mark.parametrize("markdown", [
    '---\ntemplate: "unit.html"\ntitle: "Công an xã"\n---\n',  # a generated page: no body
    '---\ntitle: "Có nội dung"\n---\n# Tiêu đề {#muc-1}\n\nMột đoạn [liên kết](#muc-1).\n',
])
def test_a_generated_page_renders_as_mkdocs_renders_it(markdown: str) -> None:
    config = _config()
    files = Files([])
    fast_file = generated_page(config, "a/index.md", _Source(markdown))
    fast = fast_file.page
    assert fast is not None and type(fast) is not Page  # made with the file
    plain = Page(None, generated_page(config, "a/index.md", _Source(markdown), in_nav=True),
                 config)
    for page in (fast, plain):
        page.read_source(config)
        page.render(config, files)
    assert (fast.content, fast.meta, fast.title) == (plain.content, plain.meta, plain.title)
    assert str(fast.toc) == str(plain.toc) and len(fast.toc) == len(plain.toc)
    assert fast.present_anchor_ids == plain.present_anchor_ids


def test_pages_of_the_navigation_are_left_to_it() -> None:
    config = _config()
    assert generated_page(config, "dia-phuong/index.md", _Source(""), in_nav=True).page is None
