"""Kiểm tra dữ liệu kế hoạch. Validate plan files.

    python scripts/validate.py [PATH ...]     (default: plans/)

Exit 0 when every file is valid, 1 listing every problem as ``path:line:col: message``,
2 on wrong usage. With --github, problems are also printed as GitHub Actions annotations.
With --tinh-hinh [MOMENT], a valid tree's activity statuses are printed as the site would
show them at that moment (default: SOURCE_DATE_EPOCH, else now).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kehoach.authoring.cli import run
from kehoach.authoring.statustext import MomentError, parse_moment, status_text
from kehoach.source.catalog import validate_paths
from kehoach.source.problems import Problem, errors_only


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="validate.py",
        description="Kiểm tra các tệp kế hoạch YAML (validate plan YAML files).",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        default=[Path("plans")],
        help="thư mục hoặc tệp cần kiểm tra (mặc định: plans/)",
    )
    parser.add_argument(
        "--github", action="store_true", help="in thêm chú thích ::error cho GitHub Actions"
    )
    parser.add_argument(
        "--tinh-hinh", metavar="THỜI_ĐIỂM", nargs="?", const="", default=None,
        help='in tình hình thực hiện từng hoạt động tại thời điểm "31/10/2025 23:59" (giờ '
        "Việt Nam), \"31/10/2025\" hoặc \"@giây-UTC\"; bỏ trống: SOURCE_DATE_EPOCH, "
        "không có thì lúc này (print activity statuses at a moment)",
    )
    return parser


def _annotation(problem: Problem) -> str:
    level = "error" if problem.severity == "error" else "warning"
    text = problem.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::{level} file={problem.path},line={problem.line},col={problem.column}::{text}"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        for path in missing:
            print(f'validate.py: không tìm thấy "{path}" (no such file or folder)', file=sys.stderr)
        return 2
    try:
        moment = parse_moment(args.tinh_hinh) if args.tinh_hinh is not None else None
    except MomentError as exc:
        print(f"validate.py: {exc}", file=sys.stderr)
        return 2
    _catalog, problems = validate_paths(args.paths)
    for problem in problems:
        print(problem)
        if args.github:
            print(_annotation(problem))
    errors = errors_only(problems)
    if errors:
        print(f"\n{len(errors)} lỗi cần sửa (errors). Dữ liệu chưa hợp lệ.", file=sys.stderr)
        return 1
    if _catalog is None:
        print("Hợp lệ (valid).")
        return 0
    reports = f", {len(_catalog.reports)} báo cáo" if _catalog.reports else ""
    print(f"Hợp lệ (valid): {len(_catalog.plans)} kế hoạch{reports}.")
    if moment is not None:
        print()
        print(status_text(_catalog, moment), end="")
    return 0


if __name__ == "__main__":
    run(main, "validate.py")
