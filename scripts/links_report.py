"""Liệt kê liên kết ra ngoài của trang đã dựng. List the external links of a built site.

    python scripts/links_report.py SITE_DIR [--out FILE] [--site-url URL] [--pages N]

Every external link of SITE_DIR's pages, grouped by domain (links, pages, schemes), then
every http:// link, flagged or not (kehoach/authoring/linkreport.py). The site's own address
(--site-url, by default the home page's canonical address) is not external.

Exit 0 when every http:// link is flagged on its page, 1 when one is not, 2 on wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kehoach.authoring.linkreport import external_links, report


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="links_report.py",
        description="Liệt kê liên kết ra ngoài theo tên miền (external links by domain).",
    )
    parser.add_argument("site_dir", type=Path, help="thư mục trang đã dựng, ví dụ site/")
    parser.add_argument("--out", type=Path, help="ghi báo cáo vào tệp này (default: stdout)")
    parser.add_argument("--site-url", help="địa chỉ của trang (default: from index.html)")
    parser.add_argument("--pages", type=int, default=5,
                        help="số trang liệt kê cho mỗi địa chỉ, 0: tất cả (default: 5)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(f'links_report.py: "{args.site_dir}" không phải trang đã dựng '
              "(no index.html: build it with `make site`)", file=sys.stderr)
        return 2
    links = external_links(args.site_dir, args.site_url)
    text = report(links, max_pages=args.pages)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    unflagged = [link for link in links if link.insecure and not link.flagged]
    if unflagged:
        print(f"{len(unflagged)} liên kết http:// chưa được đánh dấu (not flagged).",
              file=sys.stderr)
    return 1 if unflagged else 0


if __name__ == "__main__":
    sys.exit(main())
