"""Content-Security-Policy on every page of the reference site: one policy, first in <head>;
every inline script hashed in it; no inline style or handler it would block (the pure
function: tests/unit/test_csp.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from tests.unit.test_csp import _Page, _read, _sha256


def _pages(site: Path) -> Iterator[tuple[str, _Page]]:
    for path in sorted(site.rglob("*.html")):
        yield path.relative_to(site).as_posix(), _read(path.read_text(encoding="utf-8"))


def test_every_page_has_one_policy_first_in_head(site: Path) -> None:
    names = []
    for name, page in _pages(site):
        names.append(name)
        assert len(page.policies) == 1, name
        at, _policy = page.policies[0]
        # Only <html>, <head> and <meta charset> may come before it.
        assert page.tags[:at] in (["html", "head"], ["html", "head", "meta"]), name
    for expected in ("index.html", "404.html", "tim-kiem/index.html", "ha-tinh/index.html",
                     "ha-tinh/xa-thach-ha/nhung/index.html", "huong-dan-nhap-lieu/index.html"):
        assert expected in names


def test_every_inline_script_is_hashed_in_its_page_policy(site: Path) -> None:
    checked = data_blocks = 0
    for name, page in _pages(site):
        policy = page.policies[0][1]
        script_src = next(d for d in policy.split("; ") if d.startswith("script-src ")).split()
        for script in page.scripts:
            checked += 1
            assert _sha256(script) in script_src, f"{name}: {script[:80]!r}"
        hashes = [source for source in script_src if source.startswith("'sha256-")]
        assert len(hashes) == len(set(page.scripts)), f"{name}: a hash of nothing"
        data_blocks += len(page.data_blocks)
        assert all(_sha256(d) not in policy for d in page.data_blocks)
    assert checked > 100 and data_blocks > 50  # the walk found what it checks


def test_no_inline_style_or_handler_that_the_policy_would_block(site: Path) -> None:
    found = [f"{name}: {what}" for name, page in _pages(site) for what in page.inline_styles]
    assert not found, found[:20]
    policy = _read((site / "index.html").read_text(encoding="utf-8")).policies[0][1]
    assert re.search(r"(^|; )style-src 'self'(;|$)", policy)

