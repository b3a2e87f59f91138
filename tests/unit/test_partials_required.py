"""The project's own partials are required: a page whose partial is missing fails to render
(and so the build fails) instead of leaving a slot silently empty, as `ignore missing` did.

Pages are rendered with Jinja over a copy of overrides/ and a view built from plans/.
Material's page skeleton (overrides/base.html, a copy of Material's) is replaced in the copy
by a stand-in that renders only the two blocks main.html fills: Material's own needs the
whole context MkDocs gives it. MkDocs' url filter is the identity here.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader, TemplateNotFound, nodes

from kehoach.search.text import filter_pairs
from kehoach.site.build import build_site
from kehoach.site.views import PageData
from kehoach.source.catalog import load_catalog
from tests.plansdirs import FIXTURE_PLANS, ROOT

OVERRIDES = ROOT / "overrides"
STAND_IN_BASE = "{% block extrahead %}{% endblock %}{% block content %}{% endblock %}"
PLAN = "ha-tinh/ha-tinh-2025-ngay-cds/index.md"
PROVINCE = "ha-tinh/index.md"
# (page rendered, the partial it includes through its template, what the partial draws)
SLOTS = [
    (PLAN, "partials/feeds-head.html", 'rel="alternate feed"'),  # main.html
    (PLAN, "partials/search-meta.html", 'class="kh-search-meta"'),  # main.html
    (PLAN, "partials/page-meta.html", 'class="kh-page-meta"'),  # main.html
    (PLAN, "partials/plan-timeline.html", 'id="tien-do"'),  # plan.html
    (PLAN, "partials/plan-tracking.html", 'id="tinh-hinh"'),  # plan.html
    (PLAN, "partials/activity-tracking.html", 'class="kh-activity-status"'),  # plan.html
    (PROVINCE, "partials/locality-timeline.html", 'id="lich-hoat-dong"'),  # locality.html
    (PROVINCE, "partials/locality-embed.html", 'id="nhung"'),  # locality.html
]


@pytest.fixture(scope="module")
def views() -> dict[str, tuple[str, PageData]]:
    pages = {p.src_uri: p for p in build_site(load_catalog(FIXTURE_PLANS)).pages}
    return {uri: (pages[uri].template, pages[uri].view()) for uri in (PLAN, PROVINCE)}


def render(folder: Path, template: str, view: PageData) -> str:
    env = Environment(loader=FileSystemLoader(folder))
    # MkDocs' url and script_tag filters: Jinja needs every filter main.html names to compile
    # it, even those of blocks the stand-in base.html does not draw.
    env.filters.update(url=lambda value: value, script_tag=str, search_filters=filter_pairs)
    return env.get_template(template).render(
        view=view,
        page={"title": "Trang", "meta": {}},
        config={"site_url": "https://example.org/", "site_name": "Kế hoạch"},
        facets={"kind": "Kế hoạch", "province": "Tỉnh Hà Tĩnh"},
        kh_meta={"kind": "data", "source": "plans/x.yaml", "edit_url": None,
                 "changed": "06/10/2025", "changed_iso": "2025-10-06", "changed_source": "git",
                 "data_url": None},
        kh_feeds=[{"title": "Kế hoạch mới và cập nhật", "url": "feed.xml"}],
        kh_search_url="tim-kiem/",
    )


@pytest.mark.parametrize(("uri", "partial", "drawn"), SLOTS, ids=[s[1] for s in SLOTS])
def test_a_missing_partial_fails_the_page(
    tmp_path: Path, views: dict[str, tuple[str, PageData]], uri: str, partial: str, drawn: str
) -> None:
    folder = tmp_path / "overrides"
    shutil.copytree(OVERRIDES, folder)
    (folder / "base.html").write_text(STAND_IN_BASE, encoding="utf-8")
    template, view = views[uri]
    assert drawn in render(folder, template, view)  # all partials there: the slot is drawn
    (folder / partial).unlink()
    with pytest.raises(TemplateNotFound, match=partial):
        render(folder, template, view)


def test_no_partial_of_ours_is_included_as_optional() -> None:
    for path in sorted(OVERRIDES.rglob("*.html")):
        tree = Environment().parse(path.read_text(encoding="utf-8"))
        for include in tree.find_all(nodes.Include):
            name = include.template.value if isinstance(include.template, nodes.Const) else None
            if name is not None and (OVERRIDES / name).is_file():
                assert not include.ignore_missing, f"{path.name}:{include.lineno}: {name}"
