"""Sửa các hoạt động của một kế hoạch trong Excel. A plan's activities as an Excel sheet.

    python scripts/plan_sheet.py export PLAN.yaml -o PLAN.xlsx
    python scripts/plan_sheet.py apply PLAN.xlsx PLAN.yaml

export writes one row per activity (read-me and rules in the workbook's "Hướng dẫn" sheet);
apply writes the edited cells back into the YAML, keeping its comments and layout, once the
result passes the same validation as make check. Exit 0 on success, 1 when something is
refused (each problem printed as Sheet!Cell: message, or path:line:col: message; the plan
file is then left untouched), 2 on wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kehoach.authoring.cli import run
from kehoach.authoring.sheet.commands import Refused, apply_sheet, export_plan


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plan_sheet.py",
        description="Xuất các hoạt động của kế hoạch ra bảng tính Excel và ghi lại các ô đã "
        "sửa vào tệp YAML (activities to an Excel sheet and back).",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="tệp YAML → bảng tính .xlsx")
    export.add_argument("plan", type=Path, help="tệp kế hoạch, ví dụ plans/…/2025-….yaml")
    export.add_argument("-o", "--output", type=Path, required=True, help="bảng tính sẽ tạo (.xlsx)")
    apply = commands.add_parser("apply", help="bảng tính đã sửa → tệp YAML")
    apply.add_argument("sheet", type=Path, help="bảng tính đã sửa (.xlsx)")
    apply.add_argument("plan", type=Path, help="tệp kế hoạch sẽ được ghi lại")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "export":
            if args.output.suffix.lower() != ".xlsx":
                print(f"plan_sheet.py: tệp ra phải có đuôi .xlsx, ví dụ {args.output.stem}.xlsx "
                      "(the output must be an .xlsx file)", file=sys.stderr)
                return 2
            export_plan(args.plan, args.output)
            print(f"Đã xuất (exported): {args.output}")
            return 0
        applied = apply_sheet(args.sheet, args.plan)
    except Refused as refused:
        for line in refused.lines:
            print(line, file=sys.stderr)
        print("Không ghi gì (nothing written).", file=sys.stderr)
        return 1
    for line in applied.warnings:
        print(f"cảnh báo (warning): {line}")
    if not applied.edits:
        print(f"Không có ô nào thay đổi; {args.plan} giữ nguyên. (No cell changed.)")
        return 0
    for edit in applied.edits:
        print(f"{edit.cell}: {edit.column.title} [{edit.column.key}]")
    print(f"Đã ghi {len(applied.edits)} ô vào {args.plan} (written).")
    return 0


if __name__ == "__main__":
    run(main, "plan_sheet.py")
