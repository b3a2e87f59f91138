"""What a `mkdocs serve` process keeps between rebuilds of a clerk's preview: compiled
templates (recompiled once edited), the walk of the plans tree (its watched folders walked
again). A plain build keeps nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment

from kehoach.adapter import state, templatecache
from kehoach.adapter.settings import Settings
from kehoach.adapter.state import Startup


def _env(templates: dict[str, str]) -> Environment:
    return Environment(loader=DictLoader(templates), autoescape=True)


def test_templates_compiled_once_per_serve_process_and_again_once_edited() -> None:
    first = _env({"t.html": "<p>{{ x }}</p>"})
    templatecache.keep_compiled(first, Startup("serve", dirty=False))
    assert first.get_template("t.html").render(x="<a>") == "<p>&lt;a&gt;</p>"
    edited = _env({"t.html": "<b>{{ x }}</b>"})  # the next rebuild, the template edited
    templatecache.keep_compiled(edited, Startup("serve", dirty=False))
    assert edited.bytecode_cache is first.bytecode_cache is not None
    assert edited.get_template("t.html").render(x="y") == "<b>y</b>"


@pytest.mark.parametrize("startup", [None, Startup("build", dirty=False)])
def test_a_build_keeps_no_compiled_template(startup: Startup | None) -> None:
    env = _env({})
    templatecache.keep_compiled(env, startup)
    assert env.bytecode_cache is None


def _settings(plans: Path, only: Path | None) -> Settings:
    return Settings(plans_dir=plans, site_url=None, repo_url=None, repo_branch="main",
                    workers=1, navcache=True, source_date_epoch=None, only=only)


def test_a_served_preview_walks_only_its_folder_and_the_registry_again(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    for relative in ("registry/r.yaml", "ha-tinh/xa-a/a.yaml", "ha-tinh/xa-b/b.yaml"):
        (plans / relative).parent.mkdir(parents=True, exist_ok=True)
        (plans / relative).write_text("x: 1\n", encoding="utf-8")
    serve, only = Startup("serve", dirty=False), plans / "ha-tinh" / "xa-a"
    first = state._walk_plans(_settings(plans, only), serve)
    (plans / "ha-tinh/xa-a/new.yaml").write_text("x: 1\n", encoding="utf-8")
    (plans / "ha-tinh/xa-b/new.yaml").write_text("x: 1\n", encoding="utf-8")  # not watched
    again = state._walk_plans(_settings(plans, only), serve)
    names = [p.relative_to(plans).as_posix() for p in again.plans]
    assert names == ["ha-tinh/xa-a/a.yaml", "ha-tinh/xa-a/new.yaml", "ha-tinh/xa-b/b.yaml"]
    assert len(first.plans) == 2
    # A build, or a whole site served, walks the whole tree every time.
    for settings, startup in ((_settings(plans, only), Startup("build", dirty=False)),
                              (_settings(plans, None), serve)):
        assert len(state._walk_plans(settings, startup).plans) == 4
