"""Activities: the leaf items of "NỘI DUNG" with their lead and partner units, time, place,
targets, links and labelled details."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from slugify import slugify

from kehoach.authoring.importer.items import Item, bullet_text, labelled
from kehoach.authoring.importer.targets import targets_of
from kehoach.authoring.importer.text import BULLET, Para, folded, sentences
from kehoach.authoring.importer.timewin import parse_when
from kehoach.authoring.importer.units import HEADS, VERBS, Units, expand, words_if_not_a_name

URL = re.compile(r"https?://[^\s,;)“”\"<>]+[^\s,;)“”\"<>.]")
_LEAD_LABELS = ("don vi chu tri", "chu tri", "co quan chu tri")
_PARTNER_LABELS = ("don vi phoi hop", "phoi hop", "co quan phoi hop")
_DOER_LABELS = ("don vi thuc hien", "co quan thuc hien", "trach nhiem thuc hien")
_TIME_LABELS = ("thoi gian",)
_PLACE_LABELS = ("dia diem",)
_CONTENT_LABELS = ("noi dung", "noi dung thuc hien")
_TIME_WORDS = ("thoi gian", "tu ngay", "trong thang", "truoc ngay", "den het ngay",
               "thuong xuyen", "den ngay")
_HEAD_WORDS = "|".join(re.escape(h) for h in HEADS)
_INLINE_LEAD = re.compile(rf"^((?!Tổ chức)(?:{_HEAD_WORDS})\b.{{0,150}}?)\s+chủ trì\b")
# The partners run to the verb of the sentence ("… Đoàn TNCS Hồ Chí Minh xã tổ chức Hội nghị"),
# over ";" between them; "các tổ chức chính trị - xã hội" is a unit, not that verb.
_INLINE_PARTNERS = re.compile(r"phối hợp(?: với)?\s+(.{3,300}?)(?=\s+(?:(?<!các\s)tổ chức|để|trong|"
                              + "|".join(VERBS) + r")\b|\.|$)")


@dataclass
class Draft:
    """One activity as the draft will hold it, with its source place for the review list."""

    data: dict[str, Any]
    line: int
    source: str
    urls: list[str] = field(default_factory=list)
    inline_when: bool = False  # the time was found in a sentence, not under "Thời gian:"
    guessed_lead: bool = False  # the lead units are the subject of a sentence

    def notes(self) -> list[tuple[tuple[str, ...], str]]:
        """What the clerk should check in this activity: (place in it, message)."""
        found: list[tuple[tuple[str, ...], str]] = []
        if not self.data.get("lead"):
            found.append(((), "không thấy đơn vị chủ trì: ghi theo văn bản nếu có"))
        elif self.guessed_lead:
            found.append((("lead",), "đơn vị chủ trì đoán từ chủ ngữ của câu: kiểm tra"))
        if "when" not in self.data:
            found.append(((), "không thấy thời gian thực hiện: ghi theo văn bản nếu có"))
        elif self.inline_when:
            found.append((("when",), "thời gian đọc từ câu văn: kiểm tra ngày bắt đầu, kết thúc"))
        return found


def activities_of(items: list[Item], year: int, units: Units, taken: set[str]) -> list[Draft]:
    """One activity per leaf item (not the theme or the slogans); ``taken``: the ids used."""
    found: list[Draft] = []
    for item, label in _labelled_leaves(items, ""):
        if folded(item.head).startswith(("chu de", "khau hieu")):
            continue
        found.append(_activity(item, label, year, units, taken))
    return found


def _is_activity(item: Item) -> bool:
    return not item.children and not folded(item.head).startswith(("chu de", "khau hieu"))


def _labelled_leaves(items: list[Item], prefix: str) -> list[tuple[Item, str]]:
    """Leaves with the label the plan shows: "a" under "2.", or "2.a" when a sibling of "2."
    is itself an activity ("1. Tổ chức …" then "2. …: a), b)"), so that "a" is not ambiguous."""
    found: list[tuple[Item, str]] = []
    nested = any(_is_activity(i) for i in items)
    for item in items:
        label = f"{prefix}.{item.label}" if prefix and item.depth == 9 else item.label
        if item.children:
            found += _labelled_leaves(item.children, label if nested else "")
        else:
            found.append((item, label))
    return found


def _activity(item: Item, label: str, year: int, units: Units, taken: set[str]) -> Draft:
    head = sentences(item.head)
    # "h) Triển khai thực hiện Nghị quyết …:" — the colon opens the body, it is not the title's
    title = (head[0] if head else item.head).rstrip(" :")
    data: dict[str, Any] = {"id": _unique(title, taken), "label": label, "title": title}
    body = _Body(head[1:])
    for para in item.body:
        body.take(para, data, year, units)
    had_when = "when" in data
    _inline(data, [" ".join(head)], year, units, subject=False)
    body.guessed_lead = _inline(data, [bullet_text(p) for p in body.plain], year, units,
                                subject=True)
    if body.description:
        data.setdefault("description", "\n".join(_as_markdown(body.description)))
    if details := [d for d in body.details if d["text"]]:
        data["details"] = details
    for empty in (d for d in body.details if not d["text"]):
        body.description.append(f"{empty['label']}:")
    if body.assignments:
        data["assignments"] = body.assignments
    text = " ".join([item.head, *(p.text for p in item.body)])
    if found_targets := targets_of(text):
        data["targets"] = found_targets
    draft = Draft(data, item.line, item.head, URL.findall(text), "when" in data and not had_when)
    draft.guessed_lead = body.guessed_lead
    return draft


@dataclass
class _Body:
    """The paragraphs under an activity. "* Đơn vị thực hiện" (a label with nothing after it)
    opens a group: the bullets below it are units and their duties; "* Nội dung" opens the
    description."""

    description: list[str]
    details: list[dict[str, str]] = field(default_factory=list)
    assignments: list[dict[str, Any]] = field(default_factory=list)
    plain: list[Para] = field(default_factory=list)  # bullets without a label, for _inline
    open_detail: dict[str, str] | None = None
    guessed_lead: bool = False
    group: str = ""

    def take(self, para: Para, data: dict[str, Any], year: int, units: Units) -> None:
        marked = bool(BULLET.match(para.text))
        pair = labelled(para) if marked else None
        if para.text.startswith("*"):
            self.group = ""
            if pair is None or not pair[1]:
                self.group = folded((pair[0] if pair else bullet_text(para)).rstrip(" :"))
                return
        if para.text.startswith("+") and self.open_detail is not None:
            self.open_detail["text"] = "\n".join(
                t for t in (self.open_detail["text"], f"- {bullet_text(para)}") if t)
            return
        self.open_detail = None
        if pair is not None and not pair[1] and para.text.startswith("-"):
            # "- Hình thức tuyên truyền:" then "+ …" lines: a labelled detail in several lines.
            self.open_detail = {"label": pair[0], "text": ""}
            self.details.append(self.open_detail)
            return
        if self.group in _DOER_LABELS and marked:
            self._assignment(para, pair, units)
        elif pair is not None and not self.group.startswith("noi dung") and (
            _field(data, pair, year, units) or self._detail(pair)
        ):
            return
        elif not (para.text.startswith("(") and para.text.endswith(")")):
            # (a note in brackets under the activities is the plan's activities_note)
            self.description.append(para.text)
            self.plain.append(para)

    def _assignment(self, para: Para, pair: tuple[str, str] | None, units: Units) -> None:
        text = bullet_text(para)
        if pair is not None and pair[1]:
            self.assignments.append(_assign(pair[0], [pair[1]], units))
        elif len(text) <= 80 and not text.endswith(".") and text[:1].isupper() and (
            any(text.startswith(h) for h in HEADS)
        ):
            self.assignments.append(_assign(text, [], units))
        elif self.assignments:
            self.assignments[-1].setdefault("duties", []).append(text)
        else:
            self.description.append(para.text)

    def _detail(self, pair: tuple[str, str]) -> bool:
        if not pair[1]:
            return False
        self.details.append({"label": pair[0], "text": pair[1]})
        return True


def _assign(heading: str, duties: list[str], units: Units) -> dict[str, Any]:
    names = re.sub(r"^(Đề nghị|Giao)\s+", "", heading)
    entry: dict[str, Any] = {"units": units.add_all(names)}
    if names != heading or len(entry["units"]) > 1 or expand(names) != names or (
            units.spelt_otherwise(names)):
        entry["heading"] = heading
    if duties:
        entry["duties"] = duties
    return entry


def _as_markdown(parts: list[str]) -> list[str]:
    return [f"- {bullet_text(Para(p, 0))}" if BULLET.match(p) else p for p in parts]


def _field(data: dict[str, Any], pair: tuple[str, str], year: int, units: Units) -> bool:
    key, value = folded(pair[0]), pair[1]
    if not value:
        return False
    if key in _LEAD_LABELS or key in _DOER_LABELS or key in _PARTNER_LABELS:
        field_name = "partners" if key in _PARTNER_LABELS else "lead"
        data[field_name] = units.add_all(value)
        if (words := words_if_not_a_name(value)) is not None:
            data[f"{field_name}_text"] = words
    elif key.startswith(_TIME_LABELS) and (when := parse_when(value, year)) is not None:
        data["when"] = when
    elif key in _PLACE_LABELS:
        data["place"] = value
    elif key in _CONTENT_LABELS and "description" not in data:
        data["description"] = value
    else:
        return False
    return True


def _inline(data: dict[str, Any], texts: list[str], year: int, units: Units,
            subject: bool) -> bool:
    """Units and time written in the sentence itself: "Phòng X chủ trì, phối hợp với Y …"; in
    a bullet (``subject``), also the units it starts with: "Phòng X, Ban Y tổ chức …". True
    when the lead units are such a subject (a guess)."""
    guessed = False
    for sentence in (s for text in texts for s in sentences(text)):
        key = folded(sentence)
        lead = _INLINE_LEAD.match(sentence)
        if lead is None and subject and "lead" not in data:
            lead = _subject(sentence)
            guessed = lead is not None
        if "lead" not in data and lead is not None:
            data["lead"] = units.add_all(lead.group(1))
            if (partners := partners_in(sentence)) is not None:
                data.setdefault("partners", units.add_all(partners))
        if "when" not in data and any(word in key for word in _TIME_WORDS):
            for clause in re.split(r"(?<=[,;])\s+", sentence):
                when = parse_when(clause.strip(" ,;"), year)
                if when is not None:
                    data["when"] = when
                    break
    return guessed


_VERB_WORDS = "|".join(VERBS)
# "… các doanh nghiệp viễn thông cung cấp chữ ký số trên địa bàn xã, Bưu điện khu vực X triển
# khai …": a verb inside the list that only says which units ("cung cấp …") is followed by
# more units, then by the sentence's own verb.
_LIST_GOES_ON = re.compile(rf"\s+(?:{_VERB_WORDS})\b[^,;.]{{0,80}}?,\s*((?:{_HEAD_WORDS})\b"
                           rf".{{3,150}}?)(?=\s+(?:{_VERB_WORDS})\b)")


def partners_in(sentence: str) -> str | None:
    """The units after "phối hợp (với)", up to the sentence's verb."""
    found = _INLINE_PARTNERS.search(sentence)
    if found is None:
        return None
    names, end = [found.group(1)], found.end(1)
    while (more := _LIST_GOES_ON.match(sentence, end)) is not None:
        names.append(more.group(1))
        end = more.end(1)
    return ", ".join(names)


# "tổ chức" is a verb except in "các tổ chức chính trị - xã hội" (organisations).
_SUBJECT = re.compile(rf"^((?!Tổ chức)(?:{_HEAD_WORDS})\b.{{0,250}}?)\s(?:(?<!các\s)tổ chức|"
                      + "|".join(VERBS) + r")\b")


def _subject(sentence: str) -> re.Match[str] | None:
    """"Phòng Văn hóa - Xã hội, các cơ quan, đơn vị … tổ chức thông tin, tuyên truyền …": the
    units a sentence starts with, before its verb, do the activity."""
    return _SUBJECT.match(sentence)


def _unique(title: str, taken: set[str]) -> str:
    words = str(slugify(title)).split("-")[:8]
    base = "-".join(words)[:60].strip("-") or "hoat-dong"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate
