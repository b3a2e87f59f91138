"""Nhập một văn bản kế hoạch đã ký thành bản nháp YAML. Import a signed plan into a draft.

    python scripts/import_plan.py KE-HOACH.docx -o plans/ha-tinh/xa-thach-ha/2026-ngay-cds.yaml
    python scripts/import_plan.py ke-hoach.pdf --province 42 --commune 18562 -o OUT.yaml
    python scripts/import_plan.py ke-hoach.txt                      (bản nháp ra màn hình)

Reads .txt/.md, .docx (tables included) and text .pdf. Writes the draft plan (to OUT, or
standard output), the new registry entries it needs (to OUT's name + ".danh-muc.txt", to paste
into plans/registry/registry.yaml) and prints the review list, one "OUT:line: what to check"
per line, on standard error. Exit 0 when the draft is written, 1 when the document cannot be
imported (the message says why and what to do), 2 on wrong usage.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from kehoach.authoring.importer import import_document
from kehoach.authoring.importer.errors import ImportFailure
from kehoach.authoring.importer.known import load_known

REGISTRY_SUFFIX = ".danh-muc.txt"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="import_plan.py",
        description="Nhập văn bản kế hoạch (.txt, .md, .docx, .pdf có lớp chữ) thành bản nháp "
        "YAML để kiểm tra (import a signed plan into a draft plan file).",
    )
    parser.add_argument("path", type=Path, help="tệp văn bản kế hoạch")
    parser.add_argument("--province", help="mã tỉnh (2 chữ số), khi tên địa phương trùng/lạ")
    parser.add_argument("--commune", help="mã xã/phường (5 chữ số)")
    parser.add_argument("-o", "--output", type=Path, help="tệp nháp sẽ ghi (mặc định: màn hình)")
    parser.add_argument("--force", action="store_true", help="ghi đè tệp đã có")
    parser.add_argument("--plans-dir", type=Path, default=Path("plans"),
                        help="thư mục dữ liệu, để dùng lại mã đã có (mặc định: plans)")
    return parser


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename: a crash never leaves half a
    file over an existing plan."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _check_targets(out: Path | None, force: bool) -> None:
    if out is None or force:
        return
    for target in (out, out.with_name(out.name + REGISTRY_SUFFIX)):
        if target.exists():
            raise ImportFailure(str(target), "tệp đã có, không ghi đè. Chọn tên khác với -o, "
                                "hoặc thêm --force nếu thật sự muốn thay (file exists).")


def run(args: argparse.Namespace) -> int:
    _check_targets(args.output, args.force)
    known = load_known(args.plans_dir)
    imported = import_document(args.path, known, province=args.province,
                               commune=args.commune, out=args.output)
    if args.output is None:
        sys.stdout.write(imported.yaml)
    else:
        write_atomically(args.output, imported.yaml)
        print(f"Đã ghi bản nháp: {args.output}", file=sys.stderr)
    if imported.registry_yaml is not None:
        if args.output is None:
            sys.stdout.write("\n# --- Mục mới cho plans/registry/registry.yaml ---\n")
            sys.stdout.write("".join(f"# {line}\n" for line in imported.registry_yaml.splitlines()))
        else:
            extra = args.output.with_name(args.output.name + REGISTRY_SUFFIX)
            write_atomically(extra, imported.registry_yaml)
            print(f"Mục mới cho danh mục (chép vào plans/registry/registry.yaml rồi xóa tệp "
                  f"này): {extra}", file=sys.stderr)
    for line in imported.review:
        print(line, file=sys.stderr)
    print(f"{len(imported.review)} chỗ cần kiểm tra (to review). Sau đó: make check",
          file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return run(args)
    except ImportFailure as failure:
        print(f"Lỗi: {failure}", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"Lỗi: {err.filename or args.path}: không đọc/ghi được tệp ({err.strerror}).",
              file=sys.stderr)
        return 1
    except Exception as err:  # a clerk gets a message, never a traceback
        print(f"Lỗi: {args.path}: bộ nhập gặp lỗi không lường trước ({type(err).__name__}: "
              f"{err}). Không có tệp nào bị ghi. Hãy gửi tệp này cho người bảo trì dự án "
              "(unexpected importer error; nothing was written).", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
