"""The numbered sections (I., II., …) sorted into the plan's fields by their headings; what
fits no field is kept as a section with its heading, so nothing of the source is dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kehoach.authoring.importer.activities import Draft, activities_of
from kehoach.authoring.importer.items import Item, build_items, bullet_text
from kehoach.authoring.importer.outline import Section
from kehoach.authoring.importer.responsibilities import item_text, reports_of, responsibilities_of
from kehoach.authoring.importer.text import Para, folded, fuzzy_has
from kehoach.authoring.importer.timewin import parse_when
from kehoach.authoring.importer.units import Units

_QUOTED = re.compile(r"[“\"]([^”\"]{3,400})[”\"]")


@dataclass
class Body:
    purposes: list[str] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    theme: str | None = None
    slogans: list[str] = field(default_factory=list)
    period: dict[str, Any] | None = None
    activities: list[Draft] = field(default_factory=list)
    activities_note: str | None = None
    budget: str | None = None
    responsibilities: list[dict[str, Any]] = field(default_factory=list)
    reporting: list[dict[str, Any]] = field(default_factory=list)
    sections: list[dict[str, str]] = field(default_factory=list)


def read_sections(sections: list[Section], year: int, units: Units) -> Body:
    body = Body()
    for section in sections:
        heading = section.heading

        def has(phrase: str, heading: str = heading) -> bool:
            return fuzzy_has(heading, phrase)

        if has("muc dich") or has("yeu cau"):
            _aims(body, section)
        elif has("to chuc thuc hien"):
            _organisation(body, section, year, units)
        elif has("noi dung"):
            _content(body, section, year, units)
        elif has("khau hieu") and not has("chu de"):
            body.slogans += _slogans(section.paras)
        elif has("kinh phi"):
            body.budget = "\n\n".join(p.text for p in section.paras) or None
        elif has("thoi gian") and not has("chu de"):
            _period(body, section.paras, year, section)
        elif has("chu de"):
            _theme_block(body, section, year)
        else:
            _keep(body, f"{section.number}. {section.heading}", section.paras)
    return body


def _aims(body: Body, section: Section) -> None:
    """"1. Mục đích" and "2. Yêu cầu" under one heading; or a heading of its own for each
    ("I. MỤC ĐÍCH", "II. YÊU CẦU"), whose items and paragraphs are then all of that kind."""
    both = fuzzy_has(section.heading, "muc dich") and fuzzy_has(section.heading, "yeu cau")
    if not both:
        target = body.purposes if fuzzy_has(section.heading, "muc dich") else body.requirements
        target += [_aim_text(p.text) for p in section.paras]
        return
    before, items = build_items(section.paras)
    for item in items:
        texts = [bullet_text(p) for p in item.body]
        if folded(item.head.rstrip(" :")) not in ("muc dich", "yeu cau"):
            texts.insert(0, item.head.split(":", 1)[-1].strip())
        texts = [t for t in texts if t]
        if "yeu cau" in folded(item.head):
            body.requirements += texts
        elif "muc dich" in folded(item.head):
            body.purposes += texts
        else:
            _keep(body, item.head, item.body)
    _keep(body, f"{section.number}. {section.heading}", before)


def _aim_text(text: str) -> str:
    """A purpose as written, without its list mark ("- ", "1. ", "a) ")."""
    return re.sub(r"^(?:[-+*•–]|\d{1,2}[.)]|[a-zđ][.)])\s*", "", text)


def _content(body: Body, section: Section, year: int, units: Units) -> None:
    before, items = build_items(section.paras)
    for item in _flatten(items):
        key = folded(item.head)
        if key.startswith("chu de"):
            body.theme = _unquote(item.head.split(":", 1)[-1]) or body.theme
        elif key.startswith(("khau hieu", "mot so khau hieu")):
            body.slogans += _slogans(item.body)
    taken = {a.data["id"] for a in body.activities}
    body.activities += activities_of(items, year, units, taken)
    for item in _flatten(items):
        # A heading over several activities ("2. Các hoạt động hưởng ứng …") is text of the
        # plan too: kept as a section so nothing is dropped.
        if item.children and not folded(item.head).startswith(("chu de", "khau hieu")):
            text = "\n\n".join([item.head, *(p.text for p in item.body)])
            body.sections.append({"heading": f"{section.number}.{item.label}. {item.head}",
                                  "body": text})
    notes = [p for p in before if p.text.startswith("(")]
    for item in _flatten(items):
        notes += [p for p in item.body if p.text.startswith("(") and p.text.endswith(")")]
    if notes:
        body.activities_note = notes[-1].text
    _keep(body, f"{section.number}. {section.heading}", [p for p in before if p not in notes])


def _flatten(items: list[Item]) -> list[Item]:
    found: list[Item] = []
    for item in items:
        found += [item, *_flatten(item.children)]
    return found


def _organisation(body: Body, section: Section, year: int, units: Units) -> None:
    before, items = build_items(section.paras)
    assignments, other = responsibilities_of(items, units)
    body.responsibilities += assignments
    for item in other:
        if folded(item.head).startswith("kinh phi") and body.budget is None:
            body.budget = item_text(item).split(":", 1)[-1].strip() or item_text(item)
        else:
            _keep(body, item.head, item.body)
    body.reporting += reports_of(section.paras, year, units)
    _keep(body, f"{section.number}. {section.heading}", before)


def _period(body: Body, paras: list[Para], year: int, section: Section) -> None:
    text = " ".join(bullet_text(p) for p in paras)
    when = parse_when(text, year) if text else None
    if when is None:
        _keep(body, f"{section.number}. {section.heading}", paras)
    else:
        body.period = when


def _theme_block(body: Body, section: Section, year: int) -> None:
    rest: list[Para] = []
    period: list[str] = []
    for para in section.paras:
        key = folded(bullet_text(para))
        if key.startswith("chu de"):
            body.theme = _unquote(bullet_text(para).split(":", 1)[-1])
        elif "thoi gian" in key and body.period is None:
            period.append(bullet_text(para))
        elif period and not para.text.startswith(("-", "+", "*")):
            period.append(para.text)  # "Một số hoạt động kéo dài đến …" goes on the time
        else:
            rest.append(para)
    if period:
        body.period = parse_when(" ".join(period), year)
    _keep(body, f"{section.number}. {section.heading}", rest)


def _slogans(paras: list[Para]) -> list[str]:
    """Each slogan as printed, without its list number; a note in brackets is not one."""
    found: list[str] = []
    for para in paras:
        text = re.sub(r"^\d{1,2}[.)]\s+", "", bullet_text(para))
        quoted = _QUOTED.fullmatch(text.rstrip(" .;"))
        found.append(quoted.group(1) if quoted else text)
    return found


def _unquote(text: str) -> str:
    found = _QUOTED.search(text)
    value = found.group(1) if found else text
    return value.strip(" .;:")


def _keep(body: Body, heading: str, paras: list[Para]) -> None:
    if paras:
        body.sections.append({"heading": heading, "body": "\n\n".join(p.text for p in paras)})
