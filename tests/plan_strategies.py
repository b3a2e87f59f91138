"""Hypothesis strategies for valid plans, built from the schema's own constraints.

Lengths, list sizes, id and date patterns and enumerations are read from
schema/plan.schema.json (kehoach.source.schema.field_info), so a schema change moves the strategy
with it. What the schema cannot say (unique ids, references to declared units and registry
entries, real dates, end after start, no refused characters) is built in by construction.

Text mixes Vietnamese words with diacritics, emoji (with their joiners) and HTML-ish
fragments (< > & " ' and whole tags): all legitimate, to be shown as typed. It leaves out
only what Markdown would legitimately reinterpret (* _ ` [ ] # ! \\ ; and a line start
such as "- " or "1. "), since the property is "shown exactly as typed".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck
from hypothesis import strategies as st

from kehoach.source.localities import default_gazetteer
from kehoach.source.schema import PLAN_SCHEMA, REGISTRY_SCHEMA, field_info

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    "áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)
LETTERS = VIETNAMESE + VIETNAMESE.upper()
EMOJI = ("🇻🇳", "🎉", "📱", "👍🏽", "👨‍👩‍👧", "✔️", "🆔", "💡")
# Markers that would show up as live markup if any page failed to escape them.
MARKUP = (
    "<kh-tag>", "</kh-tag>", '"><kh-tag x="1">', "<script>khxss()</script>",
    "<img src=x onerror=khxss()>", "<b onmouseover=khxss()>", "</p>", "<!--", "-->",
)
HTMLISH = ("<", ">", "&", '"', "'", "<>", "&&", "a<b", "x>y", "(10/10)", "-", "–", "%", "/")


def _schema(schema: str, *path: str | int) -> dict[str, Any]:
    return field_info(schema, tuple(path)).schema


def _max_len(schema: str, *path: str | int) -> int:
    return int(_schema(schema, *path).get("maxLength", 5000))


def _enum(*path: str | int) -> list[str]:
    return list(_schema(PLAN_SCHEMA, *path)["enum"])


word = st.text(alphabet=LETTERS, min_size=1, max_size=8)
token = st.one_of(word, word, st.sampled_from(EMOJI), st.sampled_from(MARKUP),
                  st.sampled_from(HTMLISH), st.integers(0, 2100).map(str))


@st.composite
def text(draw: st.DrawFn, limit: int = 5000) -> str:
    """Words and fragments joined by single spaces, starting with a word, within ``limit``."""
    parts: list[str] = [draw(word), *draw(st.lists(token, max_size=8))]
    out: str = parts[0]
    for part in parts[1:]:
        if len(out) + 1 + len(part) > limit:
            break
        out = f"{out} {part}"
    return out[:limit]


def text_for(schema: str, *path: str | int) -> st.SearchStrategy[str]:
    return text(limit=min(_max_len(schema, *path), 120))


def slug_for(schema: str, *path: str | int) -> st.SearchStrategy[str]:
    node = _schema(schema, *path)
    return st.from_regex(re.compile(node["pattern"]), fullmatch=True).filter(
        lambda s: len(s) <= node.get("maxLength", 80)
    )


@st.composite
def date_text(draw: st.DrawFn, low: dt.date, high: dt.date) -> tuple[str, dt.date, dt.date]:
    """A date as the schema writes it (day/month/year, month/year or year) and its span."""
    day = draw(st.dates(low, high))
    form = draw(st.sampled_from(("day", "month", "year")))
    if form == "day":
        return f"{day:%d/%m/%Y}", day, day
    if form == "month":
        last = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return f"{day.month}/{day.year}", day.replace(day=1), last
    return str(day.year), dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


@st.composite
def window(draw: st.DrawFn, year: int) -> dict[str, str]:
    low, high = dt.date(year, 1, 1), dt.date(year, 12, 31)
    start, _first, last = draw(date_text(low, high))
    end, _end_first, _end_last = draw(date_text(last, max(last, high)))
    return {"start": start, "end": end}


@dataclass
class Generated:
    """A plan and its registry, plus every free text a reader must find on the plan page
    (``texts``) and the structured labels published in its open data only (``data_only``:
    a target's unit, "%", restates its verbatim text "đạt 80%", which the page shows)."""

    plan: dict[str, Any]
    registry: dict[str, Any]
    texts: list[str] = field(default_factory=list)
    data_only: list[str] = field(default_factory=list)


def _unique(draw: st.DrawFn, ids: st.SearchStrategy[str], count: int) -> list[str]:
    return draw(st.lists(ids, min_size=count, max_size=count, unique=True))


@st.composite
def registry(draw: st.DrawFn) -> dict[str, Any]:
    r = REGISTRY_SCHEMA
    # One id space for every registry section (the validator refuses a repeated id).
    counts = (draw(st.integers(1, 3)), draw(st.integers(1, 2)))
    ids = _unique(draw, slug_for(r, "resources", 0, "id"), sum(counts))
    resource_ids, document_ids = ids[: counts[0]], ids[counts[0] :]
    return {
        "resources": [
            {"id": rid, "name": draw(text_for(r, "resources", 0, "name")),
             "url": f"https://{rid}.gov.vn/"}
            for rid in resource_ids
        ],
        "documents": [
            {"id": did, "number": draw(text_for(r, "documents", 0, "number")),
             "issuer": draw(text_for(r, "documents", 0, "issuer"))}
            for did in document_ids
        ],
    }


@st.composite
def locality(draw: st.DrawFn) -> dict[str, str]:
    gazetteer = default_gazetteer()
    province = draw(st.sampled_from(gazetteer.province_codes()))
    communes = gazetteer.communes_of(province)
    if not communes or draw(st.booleans()):
        return {"province": province}
    commune = draw(st.sampled_from(communes[:30]))
    return {"province": province, "commune": commune.key.split("/")[1]}


@st.composite
def plans(draw: st.DrawFn) -> Generated:
    reg = draw(registry())
    p = PLAN_SCHEMA
    gen = Generated(plan={}, registry=reg)

    def t(*path: str | int) -> str:
        value = draw(text_for(p, *path))
        gen.texts.append(value)
        return value

    def marked(*path: str | int) -> str:
        # Every example carries markup in a plain field and a Markdown one, at least.
        value = f"{draw(text_for(p, *path))} {draw(st.sampled_from(MARKUP))}"
        gen.texts.append(value)
        return value

    year = draw(st.integers(2000, 2100))
    units = _unique(draw, slug_for(p, "units", 0, "id"), draw(st.integers(1, 3)))
    activity_ids = _unique(draw, slug_for(p, "activities", 0, "id"), draw(st.integers(1, 3)))
    gen.plan = {
        "id": draw(slug_for(p, "id")),
        "document": {"type": t("document", "type"), "number": t("document", "number"),
                     "place": t("document", "place"), "note": t("document", "note")},
        "issuer": t("issuer"),
        "locality": draw(locality()),
        "year": year,
        "title": marked("title"),
        "intro": marked("intro"),
        "references": [{"kind": draw(st.sampled_from(_enum("references", 0, "kind"))),
                        "document": d["id"]} for d in reg["documents"]],
        "theme": t("theme"),
        "slogans": [t("slogans", 0) for _ in range(draw(st.integers(0, 2)))],
        "slogans_note": t("slogans_note"),
        "purposes": [t("purposes", 0) for _ in range(draw(st.integers(1, 2)))],
        "requirements": [t("requirements", 0)],
        "period": {"text": t("period", "text"), **draw(window(year))},
        "units": [{"id": u, "name": t("units", 0, "name"),
                   "scope": draw(st.sampled_from(_enum("units", 0, "scope")))} for u in units],
        "activities": [_activity(draw, gen, t, a, year, units) for a in activity_ids],
        "activities_note": t("activities_note"),
        "budget": t("budget"),
        "closing": t("closing"),
        "sections": [{"heading": t("sections", 0, "heading"), "body": t("sections", 0, "body")}],
        "recipients": [t("recipients", 0)],
        "signer": {"name": t("signer", "name"), "lines": [t("signer", "lines", 0)]},
    }
    # A platform's name is on the plan page when an activity points to it.
    used = {rid for activity in gen.plan["activities"] for rid in activity["resources"]}
    gen.texts.extend(r["name"] for r in reg["resources"] if r["id"] in used)
    return gen


def _activity(
    draw: st.DrawFn, gen: Generated, t: Any, activity_id: str, year: int, units: list[str]
) -> dict[str, Any]:
    a = ("activities", 0)
    resources = [r["id"] for r in gen.registry["resources"]]
    return {
        "id": activity_id,
        "label": t(*a, "label"),
        "title": t(*a, "title"),
        "description": t(*a, "description"),
        "lead": draw(st.lists(st.sampled_from(units), min_size=1, max_size=2, unique=True)),
        "lead_text": t(*a, "lead_text"),
        "when": draw(window(year)),
        "place": t(*a, "place"),
        "targets": [{"text": t(*a, "targets", 0, "text"), "value": draw(st.integers(0, 100)),
                     "unit": _data_only(draw, gen, text_for(PLAN_SCHEMA, *a, "targets", 0, "unit")),
                     "comparator": draw(st.sampled_from(_enum(*a, "targets", 0, "comparator")))}],
        "resources": draw(st.lists(st.sampled_from(resources), max_size=2, unique=True)),
        "details": [{"label": t(*a, "details", 0, "label"), "text": t(*a, "details", 0, "text")}],
    }


def _data_only(draw: st.DrawFn, gen: Generated, values: st.SearchStrategy[str]) -> str:
    value = draw(values)
    gen.data_only.append(value)
    return value


# Settings of the property tests: deterministic runs (derandomize, no example database), so
# CI sees the same examples every time; no deadline, a whole build may take seconds.
COMMON_SETTINGS: dict[str, Any] = {
    "deadline": None,
    "derandomize": True,
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}


class _Dumper(yaml.SafeDumper):
    """The validator refuses anchors and aliases: never emit them, even for equal objects."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def write_plans_dir(root: Path, generated: Generated) -> Path:
    """Writes ``generated`` as root/plans (its registry and one plan file); returns that folder."""
    plans_dir = root / "plans"
    (plans_dir / "registry").mkdir(parents=True)
    for name, data in (("registry/registry.yaml", generated.registry),
                       ("ke-hoach.yaml", generated.plan)):
        text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**9)
        (plans_dir / name).write_text(text, encoding="utf-8")
    return plans_dir
