"""A clerk's preview (KEHOACH_ONLY): its exact pages are byte for byte those of the full
reference site once the marks on links out are taken off; its other pages say they count only
the previewed plans; no link of the preview leads nowhere unmarked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kehoach.site.preview import LINK_OUT_CLASS, PARTIAL_NOTE_CLASS, link_target
from tests.plansdirs import FIXTURE_PLANS
from tests.sitetools import TEST_SITE_URL, build_reference

HREF = re.compile(r'<a\b[^>]*\bhref="([^"]*)"[^>]*>')
PARTIAL_NOTE = f'<p class="{PARTIAL_NOTE_CLASS}">'  # overrides/partials/preview-note.html
LINK_OUT_NOTE = ('<span class="kh-ngoai-xem-truoc__ghi-chu"> (không có trong bản xem trước)'
                 "</span>")  # overrides/partials/link-out.html


@pytest.fixture(scope="module", params=["dong-nai/xa-xuan-loc", "ha-tinh"])
def preview(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("preview") / "site"
    build_reference(out, KEHOACH_ONLY=str(FIXTURE_PLANS / request.param))
    return out


def _unmarked(html: str) -> str:
    return html.replace(LINK_OUT_NOTE, "").replace(f' class="{LINK_OUT_CLASS}"', "")


def test_exact_pages_equal_the_full_builds(preview: Path, site: Path) -> None:
    exact = partial = 0
    for page in sorted(preview.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        if PARTIAL_NOTE in html:
            partial += 1
            continue
        relative = page.relative_to(preview)
        assert _unmarked(html) == (site / relative).read_text(encoding="utf-8"), relative
        exact += 1
    assert exact >= 5 and partial >= 5


def test_the_preview_is_small_and_names_its_plans(preview: Path, site: Path) -> None:
    count = len(list(preview.rglob("index.html")))
    assert count < len(list(site.rglob("index.html")))
    assert (preview / "tim-kiem" / "index.html").is_file()


def test_every_link_resolves_or_is_marked(preview: Path) -> None:
    unmarked: list[str] = []
    for page in sorted(preview.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        relative = page.relative_to(preview).as_posix()
        url = relative.removesuffix("index.html")
        for found in HREF.finditer(html):
            target = link_target(url, found.group(1), TEST_SITE_URL)
            if target is None or LINK_OUT_CLASS in found.group(0):
                continue
            path = preview / target
            if not (path.is_file() or (path / "index.html").is_file()):
                unmarked.append(f"{relative}: {found.group(1)}")
    assert not unmarked, unmarked[:20]
