"""External links (kehoach/authoring/linkreport.py, scripts/links_report.py) on small pages,
and the flag on http:// links of Markdown text. The https rule on the reference site (every
external link https, or an http:// link of the data, flagged) is
tests/site/test_external_links.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kehoach.authoring.linkreport import by_domain, external_links, page_links, report, site_address
from tests.sitetools import ROOT

FLAG = '<span class="kh-insecure">http – không mã hóa</span>'
PAGE = f"""<!doctype html><html><head>
<link rel="canonical" href="https://example.github.io/kehoach/ha-tinh/">
<link rel="stylesheet" href="../assets/a.css">
<script>var u = "https://script.example/";</script>
<style>a::after {{ content: "http://style.example/"; }}</style>
</head><body><!-- <a href="http://comment.example/">x</a> -->
<a href="http://flagged.example/">http://flagged.example/</a> {FLAG}
<a href="http://bare.example/">bare</a> chữ {FLAG}
<a href="https://secure.example/?a=1&amp;b=2">ok</a>
<img alt="" src="//cdn.example/i.png" srcset="i.png 1x, https://cdn.example/i2.png 2x">
<a href="mailto:ubnd@example.gov.vn">thư</a> <a href="../xa/">xã</a>
<a href="webcal://example.github.io/kehoach/ha-tinh/lich.ics">lịch</a>
<a href="https://example.github.io/other/">another site on the same host</a>
</body></html>"""


def _site(tmp_path: Path, page: str = PAGE) -> Path:
    (tmp_path / "ha-tinh").mkdir(parents=True)
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "ha-tinh" / "index.html").write_text(page, encoding="utf-8")
    return tmp_path


def test_absolute_addresses_of_tags_only() -> None:
    found = [(link.url, link.element, link.flagged) for link in page_links("p.html", PAGE)]
    assert found == [
        ("https://example.github.io/kehoach/ha-tinh/", "link", False),
        ("http://flagged.example/", "a", True),
        ("http://bare.example/", "a", False),  # text between: the mark is not the link's
        ("https://secure.example/?a=1&b=2", "a", False),
        ("//cdn.example/i.png", "img", False),
        ("https://cdn.example/i2.png", "img", False),
        ("mailto:ubnd@example.gov.vn", "a", False),
        ("webcal://example.github.io/kehoach/ha-tinh/lich.ics", "a", False),
        ("https://example.github.io/other/", "a", False),
    ]


def test_the_site_itself_and_links_without_a_domain_are_not_external(tmp_path: Path) -> None:
    assert site_address(PAGE) == "https://example.github.io/kehoach/ha-tinh/"
    links = external_links(_site(tmp_path), "https://example.github.io/kehoach/")
    urls = {link.url for link in links}
    assert "webcal://example.github.io/kehoach/ha-tinh/lich.ics" not in urls
    assert "https://example.github.io/other/" in urls
    assert not any(url.startswith("mailto:") for url in urls)
    assert {link.page for link in links} == {"index.html", "ha-tinh/index.html"}


def test_grouped_by_domain_most_linked_first(tmp_path: Path) -> None:
    domains = by_domain(external_links(_site(tmp_path), "https://example.github.io/kehoach/"))
    assert [(d.name, d.count, d.schemes) for d in domains[:1]] == [
        ("cdn.example", 4, ("//", "https"))
    ]
    assert all(len(d.pages) == 2 for d in domains)
    text = report(external_links(tmp_path, "https://example.github.io/kehoach/"), max_pages=1)
    assert "2 http:// links" not in text and "4 http:// links, 2 of them not flagged." in text
    assert "NOT FLAGGED  http://bare.example/  <a> ha-tinh/index.html" in text
    assert "flagged      http://flagged.example/  <a> index.html" in text
    assert "… and 1 more" in text


def test_script_exit_status_says_whether_every_http_link_is_flagged(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    bad = _run(_site(tmp_path / "bad"), "--out", out)
    assert bad.returncode == 1 and "2 liên kết http://" in bad.stderr
    assert "NOT FLAGGED" in out.read_text(encoding="utf-8")
    good = _run(_site(tmp_path / "good", PAGE.replace("http://bare.example/", "https://b/")))
    assert good.returncode == 0, good.stderr
    # The address comes from index.html's canonical link: /kehoach/ha-tinh/ is the site.
    assert good.stdout.startswith("12 external links to 5 domains on 2 pages; 2 http:// links")
    assert _run(tmp_path / "missing").returncode == 2


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(ROOT / "scripts" / "links_report.py"), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)


def test_http_links_in_markdown_text_are_kept_and_flagged_like_the_registry_ones() -> None:
    from kehoach.site.markdown import MarkdownRenderer

    render = MarkdownRenderer()
    html = str(render("Xem [sàn](http://hatiplaza.com/), <http://a.vn/x> và [b](https://b.vn)."))
    links = page_links("p.html", f"<html><body>{html}</body></html>")
    flagged = {link.url: link.flagged for link in links if link.element == "a"}
    assert flagged == {"http://hatiplaza.com/": True, "http://a.vn/x": True, "https://b.vn": False}
    assert 'href="http://hatiplaza.com/"' in html  # kept as written, never made https
    # A clerk cannot forge the flag (or any markup): typed HTML is shown as text.
    typed = str(render('<span class="kh-insecure">http – không mã hóa</span>'))
    assert "<span" not in typed and "&lt;span" in typed
