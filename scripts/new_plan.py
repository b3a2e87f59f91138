"""Tạo tệp kế hoạch mới từ mẫu. Scaffold a new, valid plan file for a locality and year.

    python scripts/new_plan.py --province 42 --commune 18562 --year 2026
    python scripts/new_plan.py --province 42 --year 2026                     (provincial plan)
    python scripts/new_plan.py --province 42 --former-unit huyen-duc-tho --year 2024
    python scripts/new_plan.py --list-provinces | --list-communes 42         (find the codes)

Writes plans/<province>/<commune>/<year>-ngay-chuyen-doi-so.yaml (or --output PATH) and prints
its path. Exit 0 on success, 1 when the file exists (use --force to overwrite), 2 on wrong usage
(unknown code, commune of another province, …).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kehoach.authoring.scaffold import SCAFFOLD_NAME, plan_id, scaffold_data, scaffold_text
from kehoach.model.plan import FormerUnit
from kehoach.source.catalog import plan_files
from kehoach.source.convert import to_model
from kehoach.source.localities import Gazetteer, Locality
from kehoach.source.schema import PLAN_SCHEMA, REGISTRY_SCHEMA, SCHEMA_DIR, load_schema
from kehoach.source.schemacheck import check_schema
from kehoach.source.yamlread.load import load_file

HOW_TO_FIND = (
    "Tra mã: python scripts/new_plan.py --list-provinces (mã tỉnh), "
    "python scripts/new_plan.py --list-communes <mã tỉnh> (mã xã, phường, đặc khu). "
    "Mã theo Danh mục đơn vị hành chính Việt Nam (gói vietnam-provinces)."
)


class UsageError(Exception):
    """Wrong arguments: the message tells the clerk what to write instead (exit 2)."""


class CodeError(UsageError):
    """An unknown or mismatched locality code: the message adds how to look codes up."""

    def __str__(self) -> str:
        return f"{super().__str__()}\n{HOW_TO_FIND}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="new_plan.py",
        description="Tạo tệp kế hoạch mới, hợp lệ, có chú thích cho từng trường "
        "(scaffold a new plan file).",
        epilog=HOW_TO_FIND,
    )
    parser.add_argument("--province", help="mã tỉnh, 2 chữ số, ví dụ 42 (Hà Tĩnh)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--commune", help="mã xã/phường/đặc khu, 5 chữ số, ví dụ 18562")
    where.add_argument("--former-unit",
                       help="mã đơn vị cũ trong plans/registry/, ví dụ huyen-duc-tho")
    parser.add_argument("--year", type=int, help="năm của kế hoạch, ví dụ 2026")
    parser.add_argument("--output", type=Path, help="tệp sẽ tạo (mặc định: theo địa phương)")
    parser.add_argument("--force", action="store_true", help="ghi đè nếu tệp đã có")
    parser.add_argument("--plans-dir", type=Path, default=Path("plans"),
                        help="thư mục dữ liệu (mặc định: plans)")
    parser.add_argument("--list-provinces", action="store_true", help="in mã và tên các tỉnh")
    parser.add_argument("--list-communes", metavar="PROVINCE", help="in mã và tên các xã của tỉnh")
    return parser


def _former_units(plans_dir: Path) -> tuple[FormerUnit, ...]:
    units: list[FormerUnit] = []
    for path in plan_files(plans_dir)[0] if plans_dir.is_dir() else []:
        doc, _problems = load_file(path)
        if doc is None or check_schema(doc, REGISTRY_SCHEMA):
            continue
        units += [to_model(FormerUnit, entry) for entry in doc.data.get("former_units", [])]
    return tuple(units)


def _province(gazetteer: Gazetteer, code: str) -> Locality:
    if not gazetteer.has_province(code):
        raise CodeError(f"Không có tỉnh mã \"{code}\". Mã tỉnh gồm 2 chữ số, ví dụ 42 (Hà Tĩnh).")
    return gazetteer.province(code)


def _locality(args: argparse.Namespace, gazetteer: Gazetteer) -> Locality:
    province = _province(gazetteer, args.province)
    if args.commune:
        owner = gazetteer.ward_province(args.commune)
        if owner is None:
            raise CodeError(f"Không có xã/phường mã \"{args.commune}\". Mã xã gồm 5 chữ số, "
                             "ví dụ 18562 (Xã Thạch Hà).")
        if owner != province.key:
            raise CodeError(f"Mã xã \"{args.commune}\" thuộc {gazetteer.province(owner).name} "
                             f"(mã tỉnh {owner}), không thuộc {province.name} (mã {province.key}).")
        return gazetteer.commune(args.commune)
    if args.former_unit:
        if not gazetteer.has_former(args.former_unit):
            known = ", ".join(f.key.split("/")[1] for f in gazetteer.former_of(province.key))
            raise CodeError(
                f"Chưa có đơn vị cũ \"{args.former_unit}\" trong former_units của "
                f"{args.plans_dir}/registry/ (đã có ở {province.name}: {known or 'chưa có'}). "
                "Khai báo đơn vị đó trong plans/registry/registry.yaml trước."
            )
        former = gazetteer.former(args.former_unit)
        if former.province_code != province.key:
            raise CodeError(f"Đơn vị \"{args.former_unit}\" thuộc tỉnh mã {former.province_code}, "
                             f"không phải {province.key}.")
        return former
    return province


def _existing_ids(plans_dir: Path) -> set[str]:
    ids: set[str] = set()
    for path in plan_files(plans_dir)[1] if plans_dir.is_dir() else []:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("id:"):
                ids.add(line[3:].strip().strip("\"'"))
                break
    return ids


def _listing(args: argparse.Namespace, gazetteer: Gazetteer) -> list[str]:
    if args.list_provinces:
        return [f"{code}  {gazetteer.province(code).name}" for code in gazetteer.province_codes()]
    province = _province(gazetteer, args.list_communes)
    places = gazetteer.communes_of(province.key) + gazetteer.former_of(province.key)
    return [f"{p.key.split('/')[1]}  {p.name}" for p in sorted(places, key=lambda p: p.key)]


def _check_year(year: int) -> None:
    limits = load_schema(PLAN_SCHEMA)["properties"]["year"]
    if not limits["minimum"] <= year <= limits["maximum"]:
        raise UsageError(f"Năm {year} ngoài khoảng {limits['minimum']}–{limits['maximum']}.")


def _render(args: argparse.Namespace, locality: Locality, output: Path) -> str:
    schema = load_schema(PLAN_SCHEMA)
    new_id = plan_id(locality, args.year, _existing_ids(args.plans_dir))
    data = scaffold_data(locality, args.year, new_id, schema)
    schema_path = Path(os.path.relpath(SCHEMA_DIR / PLAN_SCHEMA, output.resolve().parent))
    body = scaffold_text(schema, data, name=locality.name, year=args.year, path=str(output))
    return f"# yaml-language-server: $schema={schema_path.as_posix()}\n{body}"


def write_plan(args: argparse.Namespace) -> int:
    gazetteer = Gazetteer(_former_units(args.plans_dir))
    if args.list_provinces or args.list_communes:
        print("\n".join(_listing(args, gazetteer)))
        return 0
    if not args.province or args.year is None:
        raise UsageError("Cần --province và --year, ví dụ: "
                         "python scripts/new_plan.py --province 42 --commune 18562 --year 2026")
    _check_year(args.year)
    locality = _locality(args, gazetteer)
    name = f"{args.year}-{SCAFFOLD_NAME}.yaml"
    output: Path = args.output or args.plans_dir / locality.path / name
    if output.exists() and not args.force:
        print(f"new_plan.py: tệp \"{output}\" đã có; không ghi đè. Dùng --force để ghi đè, "
              "hoặc --output để chọn tệp khác. (File exists.)", file=sys.stderr)
        return 1
    text = _render(args, locality, output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(output)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return write_plan(args)
    except UsageError as exc:
        print(f"new_plan.py: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # e.g. `--list-communes 42 | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except OSError as exc:
        print(f"new_plan.py: không ghi được tệp (cannot write): {exc}", file=sys.stderr)
        sys.exit(1)
