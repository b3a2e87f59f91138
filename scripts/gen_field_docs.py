"""Tạo trang tham chiếu trường từ lược đồ. Generate docs/tham-chieu-truong.md from schema/.

    python scripts/gen_field_docs.py            write the page
    python scripts/gen_field_docs.py --check    exit 1 if the committed page is out of date

The JSON Schemas are the single source of the field reference: run this after changing one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kehoach.authoring.fielddocs import SCHEMAS, field_docs
from kehoach.source.schema import load_schema

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "tham-chieu-truong.md"


def generate() -> str:
    return field_docs({file_name: load_schema(file_name) for _p, file_name, _h, _w in SCHEMAS})


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gen_field_docs.py",
        description="Tạo docs/tham-chieu-truong.md từ schema/ (generate the field reference).",
    )
    parser.add_argument("--check", action="store_true",
                        help="chỉ kiểm tra tệp đã có đúng với lược đồ (exit 1 if out of date)")
    parser.add_argument("--output", type=Path, default=OUTPUT,
                        help=f"tệp đích (mặc định: {OUTPUT.relative_to(ROOT)})")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    text = generate()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else None
        if current == text:
            print(f"{args.output}: đúng với lược đồ (up to date).")
            return 0
        print(f"{args.output}: chưa khớp với lược đồ; chạy: python scripts/gen_field_docs.py "
              "(out of date, regenerate it).", file=sys.stderr)
        return 1
    args.output.write_text(text, encoding="utf-8")
    print(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
