"""Sinh bộ dữ liệu tổng hợp toàn quốc. Generate a synthetic national data set.

    python scripts/gen_national.py OUTDIR [--provinces N] [--communes-per-province M]
                                   [--years 2024-2026] [--registry DIR]

Writes one realistic "Ngày Chuyển đổi số" plan per year (2025 unless --years says otherwise) for
every province (34) and every commune (3,321) of the vietnam-provinces package at
OUTDIR/<Gazetteer path>/<year>-ngay-chuyen-doi-so.yaml, and copies DIR (plans/registry/ unless
--registry says otherwise) to OUTDIR/registry/. Commune plans implement their province's plan of
the same year. With several years, about one commune in ten has no plan for one of the earlier
years, and about one locality in twenty has an amended plan in a later year (a second plan of
that year, <year>-ngay-chuyen-doi-so-sua-doi.yaml, whose "basis" is the plan it amends: the
schema has no amendment field). Each year draws its own texts (the seed includes the year).
About two localities in three also get progress reports for each year's plan in
OUTDIR/<path>/bao-cao/ (scripts/_national_reports.py).
Output is byte-identical across runs and machines (for one vietnam-provinces version): every choice
comes from Random.random() (a stream Python keeps stable) seeded by the locality key, and libyaml's
emitter, used for speed when present, writes the same bytes as yaml.safe_dump. Stale files already
in OUTDIR are left alone. Exit 0 on success, 2 on wrong usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml

from kehoach.source.localities import Locality, default_gazetteer

try:
    from scripts import _national_phrases as P
    from scripts import _national_reports as R
except ModuleNotFoundError:  # run as a file: scripts/ itself is on sys.path
    import _national_phrases as P  # type: ignore[import-not-found, no-redef]
    import _national_reports as R  # type: ignore[import-not-found, no-redef]

YEAR = 2025
FILE_NAME = f"{YEAR}-ngay-chuyen-doi-so.yaml"
REGISTRY = Path(__file__).resolve().parent.parent / "plans" / "registry"
DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # same output, 7x faster
Data = dict[str, Any]
Units = dict[str, P.Unit]  # role -> (id, name, scope), placeholders filled in
T = TypeVar("T")


class Dice:
    """Seeded choices built on Random.random() only, so the stream never changes."""

    def __init__(self, key: str, year: int = YEAR) -> None:
        self._rng = random.Random(f"kehoach-national-{year}:{key}")

    def between(self, low: int, high: int) -> int:
        return low + int(self._rng.random() * (high - low + 1))

    def pick(self, seq: Sequence[T]) -> T:
        return seq[self.between(0, len(seq) - 1)]

    def some(self, seq: Sequence[T], low: int, high: int) -> list[T]:
        return self.sample(seq, self.between(low, high))

    def sample(self, seq: Sequence[T], k: int) -> list[T]:
        """k items of seq, kept in their original order."""
        index = list(range(len(seq)))
        for i in range(min(k, len(index))):
            j = self.between(i, len(index) - 1)
            index[i], index[j] = index[j], index[i]
        return [seq[i] for i in sorted(index[:k])]


class Quoted(str):
    """Written in double quotes, as the transcription guide asks of dates, codes and labels."""

    style = '"'


class Block(Quoted):
    """Multi-line text, written as a literal block (|)."""

    style = "|"


for _dumper in {yaml.SafeDumper, DUMPER}:
    yaml.add_multi_representer(Quoted, lambda dumper, value: dumper.represent_scalar(
        "tag:yaml.org,2002:str", str(value), style=value.style), _dumper)


def _q(**values: str) -> dict[str, str]:
    return {key: Quoted(value) for key, value in values.items()}


def _inner(name: str) -> str:
    """A unit name inside a sentence: "Các sở, ban, ngành" becomes "các sở, ban, ngành"."""
    return f"c{name[1:]}" if name.startswith("Các ") else name


def _names(units: Units, roles: list[str], sep: str) -> str:
    return sep.join(units[r][1] if n == 0 else _inner(units[r][1]) for n, r in enumerate(roles))


def _fmt(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _header(province: str, year: int) -> tuple[str, dt.date]:
    """The province plan's number and date, which its communes cite."""
    dice = Dice(f"{province}/header", year)
    return f"{dice.between(100, 480)}/KH-UBND", dt.date(year, 9, dice.between(12, 30))


def plan_id(loc: Locality, year: int = YEAR) -> str:
    """"<province>-2025-ngay-cds" or "<province>-<commune>-2025-ngay-cds" (≤ 80 characters)."""
    long_id = f"{loc.path.replace('/', '-')}-{year}-ngay-cds"
    if len(long_id) <= 80:
        return long_id
    return f"{loc.path.split('/')[0]}-{loc.key.split('/')[-1]}-{year}-ngay-cds"


def _context(dice: Dice, loc: Locality, province: Locality, year: int) -> dict[str, str]:
    """Every placeholder of the phrase tables, for this locality."""
    def cap_of(place: Locality) -> str:
        return place.name[: len(place.name) - len(place.short_name)].strip().lower() or "xã"

    cap, ward = cap_of(loc), loc.name.startswith("Phường")
    number, date = _header(province.key, year)
    if not loc.is_province:
        number = f"{dice.between(12, 190)}/KH-UBND"
        date += dt.timedelta(days=dice.between(2, 14))
    table = P.PROVINCE_UNITS if loc.is_province else P.COMMUNE_UNITS
    ctx = {
        "noi": f"{cap} {loc.short_name}", "ten": loc.short_name, "cap": cap, "level": loc.level,
        "tinh": f"{cap_of(province)} {province.short_name}", "tinh_ten": province.short_name,
        "ubnd": f"UBND {cap} {loc.short_name}", "slug": loc.path.rsplit("/", 1)[-1],
        "pslug": province.path, "pcode": province.key, "dau_moi": table["dau_moi"][1],
        "co_so": "xã, phường" if loc.is_province else
        ("khu phố, tổ dân phố" if ward else "thôn, tổ dân phố"),
        "co_so_slug": "khu-pho-to-dan-pho" if ward else "thon-to-dan-pho",
        "id": plan_id(loc, year), "parent": plan_id(province, year), "number": number,
        "date": _fmt(date), "report": f"{dice.between(1, 15):02d}/11/{year}", "year": str(year),
        "uy": "Thành ủy" if province.name.startswith("Thành phố") else "Tỉnh ủy",
    }
    ctx["theme"] = dice.pick(P.THEMES).format(**ctx)
    return {**ctx, "what": P.WHAT.format(**ctx)}


def _units(dice: Dice, roles: set[str], table: dict[str, P.Unit], ctx: dict[str, str]) -> Units:
    extra = [r for r in table if r not in roles]
    chosen = roles | set(dice.some(extra, 1, 4))
    return {role: (i.format(**ctx), n.format(**ctx), s)
            for role, (i, n, s) in table.items() if role in chosen}


def _when(dice: Dice, kind: str, year: int) -> Data:
    start = dt.date(year, 10, 1) + dt.timedelta(days=dice.between(0, 20))
    s, e = _fmt(start), _fmt(min(start + dt.timedelta(days=dice.between(7, 60)),
                                 dt.date(year, 12, 31)))
    month, day = f"{dice.between(10, 12)}/{year}", f"0{dice.between(6, 9)}/10/{year}"
    windows: dict[str, Data] = {
        "peak_ongoing": {"text": f"Cao điểm từ ngày {s} đến ngày {e} và thường xuyên",
                         **_q(start=s, end=e), "ongoing": True, "peaks": [_q(start=s, end=e)]},
        "range": {"text": f"Từ ngày {s} đến ngày {e}", **_q(start=s, end=e)},
        "open": {"text": f"Từ ngày {s}", **_q(start=s)},
        "deadline": {"text": f"Hoàn thành trước ngày {e}", **_q(end=e)},
        "month": {"text": f"Trong tháng {month}", **_q(start=month, end=month)},
        "day": {"text": f"Dự kiến ngày {day}", **_q(start=day, end=day)},
        "ongoing": {"text": "Thường xuyên", "ongoing": True},
    }
    return windows[kind]


def _target(dice: Dice, key: str) -> Data:
    text, values, comparator, deadline = P.TARGETS[key]
    value = dice.pick(values)
    return {"text": text.format(v=value), "value": value, "unit": "%",
            "comparator": comparator, **_q(deadline=deadline)}


def _activity(dice: Dice, tpl: P.Activity, label: str, units: Units, ctx: dict[str, str]) -> Data:
    act_id, title, descs, leads, partners, kinds, extra = tpl
    lead = [r for r in leads if r in units] or ["dau_moi"]
    part = [r for r in partners if r in units and r not in lead]
    out: Data = {"id": act_id, **_q(label=label), "title": title.format(**ctx),
                 "description": dice.pick(descs).format(**ctx)}
    texts = {k: dice.pick(v).format(**ctx) for k, v in extra.items() if k[0].isupper()}
    details = [{"label": k, "text": Block(t) if "\n" in t else t} for k, t in texts.items()]
    if details:
        out["details"] = details
    out.update(lead=[units[r][0] for r in lead], lead_text=_names(units, lead, "; "))
    if part:
        out.update(partners=[units[r][0] for r in part],
                   partners_text=_names(units, part, ", ") + " và các đơn vị liên quan")
    out["when"] = _when(dice, dice.pick(kinds), int(ctx["year"]))
    if "place" in extra:
        out["place"] = dice.pick(extra["place"]).format(**ctx)
    if "targets" in extra:
        out["targets"] = [_target(dice, key) for key in extra["targets"]]
    resources = list(extra.get("resources", ()))
    if resources and dice.between(0, 1):
        resources += P.PROVINCE_EXTRA_RESOURCES.get(ctx["pcode"], ())
    if resources:
        out["resources"] = resources
    return out


def _activities(dice: Dice, ctx: dict[str, str], units: Units,
                chosen: list[P.Activity]) -> list[Data]:
    labels = "abcdđeghiklmn" if ctx["level"] == "commune" else [str(n) for n in range(1, 14)]
    acts = [_activity(dice, tpl, labels[n], units, ctx) for n, tpl in enumerate(chosen)]
    in_appendix = [a for a in acts if dice.between(0, 9) < 6]  # about 60% are appendix rows
    for rows, act in enumerate(in_appendix, start=1):
        partners = {"partners": act["partners_text"]} if "partners_text" in act else {}
        act["appendix"] = {"row": rows, "task": act["title"], "lead": act["lead_text"],
                           **partners, "time": act["when"]["text"]}
    return acts


def _responsibilities(dice: Dice, units: Units, ctx: dict[str, str], acts: int) -> list[Data]:
    """5 to 10 units with their duties; fewer where the plan has many activities."""
    pool = [r for r in units if r not in P.NO_DUTIES]
    out: list[Data] = []
    for role in ["dau_moi", *dice.some(pool, max(4, 10 - acts), min(9, 16 - acts))]:
        uid, name, scope = units[role]
        entry: Data = {"units": [uid]}
        if scope == "other" or role in ("mttq", "doan", "phu_nu"):
            entry["heading"] = f"Đề nghị {_inner(name)}"
        own = list(P.DUTIES.get(role, ()))
        duties = own + dice.sample(P.GENERIC_DUTIES, dice.between(1, 4 - min(len(own), 2)))
        out.append({**entry, "duties": [d.format(**ctx) for d in duties]})
    return out


def _references(dice: Dice, ctx: dict[str, str]) -> list[Data]:
    basis = {"kind": "basis", "document": "qd-505-qd-ttg-2022"}
    refs = ([{"kind": "implements", "plan": ctx["parent"]}, basis] if ctx["level"] == "commune"
            else [basis, {"kind": "basis", "document": "qd-2873-qd-bkhcn-2025"}])
    cites = [*P.CITES, *P.PROVINCE_EXTRA_DOCS.get(ctx["pcode"], ())]
    return refs + [{"kind": "cites", "document": doc}
                   for doc in ["nq-57-nq-tw-2024", *dice.some(cites, 1, 3)]]


def _reporting(units: Units, ctx: dict[str, str]) -> list[Data]:
    top = units["ubnd_tinh" if ctx["level"] == "commune" else "bo_khcn"]
    return [
        {"text": P.REPORT_IN.format(**ctx), "by": [units["cac_don_vi"][0], units["co_so"][0]],
         "to": [units["dau_moi"][0]], **_q(deadline=ctx["report"])},
        {"text": P.REPORT_UP.format(top=top[1], **ctx), "by": [units["dau_moi"][0]],
         "to": [units["ubnd"][0], top[0]]},
    ]


def _front(dice: Dice, loc: Locality, ctx: dict[str, str]) -> Data:
    year = int(ctx["year"])
    pnum, pdate = _header(ctx["pcode"], year)
    intro = P.INTRO_PROVINCE if loc.is_province else P.INTRO_COMMUNE
    commune = {} if loc.is_province else {"commune": loc.key.split("/")[1]}
    start, peak = f"0{dice.between(1, 9)}/10/{year}", f"{dice.pick(P.PEAK_ENDS)}/{year}"
    end = f"{dice.pick(('30/11', '31/12'))}/{year}"
    return {
        "id": ctx["id"],
        "document": {"number": ctx["number"], "type": "Kế hoạch", **_q(date=ctx["date"]),
                     "place": ctx["tinh_ten"] if loc.is_province else loc.short_name},
        "issuer": f"Ủy ban nhân dân {ctx['noi']}",
        "locality": _q(province=ctx["pcode"], **commune),
        "year": year,
        "title": dice.pick(("Tổ chức ", "Triển khai ")) + ctx["what"],
        "intro": Block(intro.format(pnum=pnum, pdate=_fmt(pdate), **ctx)),
        "references": _references(dice, ctx),
        "theme": ctx["theme"],
        "period": {"text": P.PERIOD.format(start=start, end=end, peak=peak),
                   **_q(start=start, end=end), "peaks": [_q(start=start, end=peak)]},
    }


def build_plan(loc: Locality, province: Locality, year: int = YEAR) -> Data:
    """The whole plan of one locality, as plain data ready for the YAML dumper."""
    dice = Dice(loc.key, year)
    table = P.PROVINCE_UNITS if loc.is_province else P.COMMUNE_UNITS
    ctx = _context(dice, loc, province, year)
    chosen = [P.ACTIVITIES[0], *dice.some(P.ACTIVITIES[1:], 4, 9)]
    top = {"bo_khcn"} if loc.is_province else {"ubnd_tinh", "so_khcn"}
    roles = set(P.CORE_ROLES) | top | {r for a in chosen for r in (*a[3], *a[4]) if r in table}
    units = _units(dice, roles, table, ctx)
    return {
        **_front(dice, loc, ctx),
        **{key: [s.format(**ctx) for s in dice.some(texts, low, high)] for key, texts, low, high
           in (("slogans", P.SLOGANS, 2, 4), ("purposes", P.PURPOSES, 3, 4),
               ("requirements", P.REQUIREMENTS, 2, 3))},
        "units": [{"id": i, "name": n, **({} if s == "local" else {"scope": s})}
                  for i, n, s in units.values()],
        "activities": _activities(dice, ctx, units, chosen),
        "activities_note": P.ACTIVITIES_NOTE, "budget": P.BUDGET,
        "responsibilities": _responsibilities(dice, units, ctx, len(chosen)),
        "reporting": _reporting(units, ctx), "closing": P.CLOSING.format(**ctx),
        "recipients": [r.format(**ctx) for r in P.RECIPIENTS[loc.level]],
        "signer": {"name": " ".join(dice.pick(p) for p in (P.FAMILY, P.MIDDLE, P.GIVEN)),
                   "lines": list(dice.pick(P.SIGNER_LINES))},
        "appendix": {"title": P.APPENDIX_TITLE.format(**ctx),
                     "note": P.APPENDIX_NOTE.format(**ctx)},
    }


def dump(plan: Data) -> str:
    """yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=100), through libyaml."""
    return str(yaml.dump(plan, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=100))


# The phrase tables are written for 2025; these patterns move their dates to another year
# while leaving the dates of the cited documents (e.g. "ngày 24/9/2025") and ids alone.
_YEAR_TEXT = re.compile(r"(?<=năm )20(25|26)\b|(?<=10/10/)2025\b|(?<=31/12/)2025\b|^2025$")


def _moved(value: Any, year: int) -> Any:
    """``value`` (plain data) with the 2025 wording of the phrase tables moved to ``year``."""
    if isinstance(value, dict):
        return {key: _moved(item, year) for key, item in value.items()}
    if isinstance(value, list):
        return [_moved(item, year) for item in value]
    if isinstance(value, str):
        text = _YEAR_TEXT.sub(lambda m: str(year + int(m.group(0)) - YEAR), value)
        return type(value)(text)  # keeps Quoted and Block
    return value


def amended_id(original: str) -> str:
    """"…-ngay-cds-sua-doi", or "…-sua-doi" when that would pass 80 characters."""
    longer = original.replace("-ngay-cds", "-ngay-cds-sua-doi")
    return longer if len(longer) <= 80 else original.replace("-ngay-cds", "-sua-doi")


def amended(plan: Data) -> Data:
    """A plan amending ``plan`` in the same year: its own id, number and date, the changed
    title, and ``plan`` as its basis (the schema has no amendment field)."""
    dice = Dice(f"{plan['id']}/sua-doi", plan["year"])
    day, month, year = (int(part) for part in plan["document"]["date"].split("/"))
    date = dt.date(year, month, day) + dt.timedelta(days=dice.between(10, 20))
    number = f"{dice.between(200, 600)}/KH-UBND"
    return {
        **plan, "id": amended_id(plan["id"]),
        "document": {**plan["document"], "number": number, **_q(date=_fmt(date))},
        "title": f"Sửa đổi, bổ sung Kế hoạch số {plan['document']['number']} ngày "
                 f"{plan['document']['date']}: {plan['title'][0].lower()}{plan['title'][1:]}",
        "references": [{"kind": "basis", "plan": plan["id"]}, *plan["references"]],
    }


def plans_of(loc: Locality, province: Locality, years: Sequence[int]) -> list[tuple[str, Data]]:
    """(file name, plan) of every plan of ``loc`` over ``years``: with several years, about one
    commune in ten lacks one earlier year, and one locality in twenty amends a later year's plan."""
    dice = Dice(f"{loc.key}/years", years[0])
    missing = dice.pick(years[:-1]) if len(years) > 1 and not loc.is_province and \
        dice.between(0, 9) == 0 else None
    amends = dice.pick(years[1:]) if len(years) > 1 and dice.between(0, 19) == 0 else None
    out: list[tuple[str, Data]] = []
    for year in years:
        if year == missing:
            continue
        plan = build_plan(loc, province, year)
        plan = plan if year == YEAR else _moved(plan, year)
        out.append((f"{year}-ngay-chuyen-doi-so.yaml", plan))
        if year == amends:
            out.append((f"{year}-ngay-chuyen-doi-so-sua-doi.yaml", amended(plan)))
    return out


def generate(out: Path, provinces: int | None = None, communes: int | None = None,
             years: Sequence[int] = (YEAR,), registry: Path = REGISTRY) -> list[Path]:
    """Write the registry copy and every plan under ``out``; return the plan paths."""
    (out / "registry").mkdir(parents=True, exist_ok=True)
    for source in sorted(registry.glob("*.yaml")):
        shutil.copyfile(source, out / "registry" / source.name)
    gazetteer = default_gazetteer()
    written: list[Path] = []
    for code in gazetteer.province_codes()[:provinces]:
        province = gazetteer.province(code)
        wards = sorted(gazetteer.communes_of(code), key=lambda c: c.key)[:communes]
        for loc in [province, *wards]:
            for name, plan in plans_of(loc, province, years):
                path = out / loc.path / name
                path.parent.mkdir(parents=True, exist_ok=True)
                with path.open("w", encoding="utf-8", newline="\n") as handle:
                    handle.write(dump(plan))
                written.append(path)
                if not name.endswith("-sua-doi.yaml"):  # reports follow the original plan
                    R.write_reports(out, loc, plan)  # a share of localities report (bao-cao/)
    return written


def _years(text: str) -> list[int]:
    """"2025" or "2024-2026" → the years, oldest first."""
    first, _, last = text.partition("-")
    try:
        low, high = int(first), int(last or first)
    except ValueError:
        raise argparse.ArgumentTypeError(f"\"{text}\": cần dạng 2025 hoặc 2024-2026") from None
    if not 2000 <= low <= high <= 2100:
        raise argparse.ArgumentTypeError(f"\"{text}\": năm từ 2000 đến 2100, tăng dần")
    return list(range(low, high + 1))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gen_national.py",
        description="Sinh dữ liệu kế hoạch tổng hợp cho mọi tỉnh và xã (synthetic national data).")
    parser.add_argument("outdir", type=Path, help="thư mục đích (output folder)")
    parser.add_argument("--provinces", type=int, metavar="N",
                        help="chỉ N tỉnh đầu tiên (only the first N provinces)")
    parser.add_argument("--communes-per-province", type=int, metavar="M",
                        help="tối đa M xã mỗi tỉnh (at most M communes per province)")
    parser.add_argument("--years", type=_years, default=[YEAR], metavar="2024-2026",
                        help=f"năm hoặc khoảng năm (year or range of years; default {YEAR})")
    parser.add_argument("--registry", type=Path, default=REGISTRY, metavar="DIR",
                        help="thư mục danh mục văn bản sao vào OUTDIR/registry "
                             "(registry folder to copy; default plans/registry)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if min(args.provinces or 0, args.communes_per_province or 0) < 0:
        parser.error("N và M phải không âm (N and M must not be negative)")
    if not args.registry.is_dir():
        parser.error(f"\"{args.registry}\" không phải thư mục (registry: not a folder)")
    if args.outdir.exists() and not args.outdir.is_dir():
        parser.error(f"\"{args.outdir}\" không phải thư mục (not a folder)")
    started = time.perf_counter()
    paths = generate(args.outdir, args.provinces, args.communes_per_province, args.years,
                     args.registry)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} kế hoạch, {size / 1e6:.1f} MB, {time.perf_counter() - started:.1f} s "
          f"-> {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
