"""The Python half of the test vectors shared with the JavaScript tests (tests/vectors/*.json,
also read by tests/js/shared-vectors.test.mjs): the folding and word splitting of the search
index (kehoach.search.text), the Gantt scale with its "today" line (kehoach.timeline.gantt) and
the "now / next" lists of the timelines (kehoach.timeline.weeks) and the words standing for
search filters (kehoach.search.text.filter_token).

Each file holds ``cases`` both languages must agree on, and ``disagreements``: inputs on
which the two give different results today, each with the result of each language. Those
are checked too (each language must still give its own recorded result, and the two must
differ), so that neither a fix nor a new divergence goes unnoticed: once the two agree, the
input moves to ``cases``."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from kehoach.search.text import (
    filter_token,
    neighbor_bit,
    neighbor_masks,
    search_terms,
    split_words,
)
from kehoach.timeline.gantt import Scale, today_marker
from kehoach.timeline.span import Span
from kehoach.timeline.weeks import now_and_next
from kehoach.vietnamese import fold
from tests.sitetools import ROOT

VECTORS = ROOT / "tests" / "vectors"


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VECTORS / name).read_text(encoding="utf-8"))
    return data


FOLD = _load("fold.json")
WORDS = _load("words.json")
TIMELINE = _load("timeline.json")
AGENDA = _load("agenda.json")
FILTER_TOKENS = _load("filter_tokens.json")
NEIGHBORS = _load("neighbors.json")
SCALES = {scale["id"]: scale for scale in TIMELINE["scales"]}


def _ids(entries: list[dict[str, Any]]) -> list[str]:
    return [repr(entry["input"])[:40] for entry in entries]


def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def _scale(vector: dict[str, Any]) -> Scale:
    """The scale Scale.fit gives for the vector's domain."""
    return Scale.fit(Span(_day(vector["domain"]["start"]), _day(vector["domain"]["end"])))


def _indexed_words(text: str) -> list[str]:
    """The words the index takes from ``text`` (one weight: one group, or none)."""
    groups = search_terms([(1.0, text)])
    return groups[0][1] if groups else []


# --- folding and words ------------------------------------------------------------------------


def test_the_vector_files_hold_cases_and_the_disagreements_are_real() -> None:
    for vectors in (FOLD, WORDS):
        assert vectors["cases"]
        for entry in vectors["disagreements"]:
            assert entry["python"] != entry["js"], entry["input"]
    for entry in TIMELINE["disagreements"]:
        assert entry["python"] != entry["js"], entry["date"]


@pytest.mark.parametrize("case", FOLD["cases"], ids=_ids(FOLD["cases"]))
def test_fold_gives_the_shared_folded_form(case: dict[str, str]) -> None:
    assert fold(case["input"]) == case["folded"], case["why"]


@pytest.mark.parametrize("case", FOLD["disagreements"], ids=_ids(FOLD["disagreements"]))
def test_fold_still_gives_its_recorded_result_where_javascript_differs(
    case: dict[str, str],
) -> None:
    assert fold(case["input"]) == case["python"], case["why"]


@pytest.mark.parametrize("case", WORDS["cases"], ids=_ids(WORDS["cases"]))
def test_the_index_splits_text_into_the_shared_words(case: dict[str, Any]) -> None:
    assert _indexed_words(case["input"]) == case["words"], case["why"]


@pytest.mark.parametrize("case", WORDS["disagreements"], ids=_ids(WORDS["disagreements"]))
def test_the_index_still_splits_as_recorded_where_javascript_differs(
    case: dict[str, Any],
) -> None:
    assert _indexed_words(case["input"]) == case["python"], case["why"]


@pytest.mark.parametrize("case", FILTER_TOKENS["cases"],
                         ids=[c["token"] for c in FILTER_TOKENS["cases"]])
def test_filter_token_gives_the_shared_word(case: dict[str, str]) -> None:
    assert filter_token(case["key"], case["value"]) == case["token"]


@pytest.mark.parametrize("case", NEIGHBORS["cases"],
                         ids=[repr(c["word"]) for c in NEIGHBORS["cases"]])
def test_neighbor_bit_gives_the_shared_bit(case: dict[str, Any]) -> None:
    assert neighbor_bit(case["word"]) == case["bit"]


def test_neighbor_masks_of_a_page_are_the_shared_ones() -> None:
    page = NEIGHBORS["page"]
    running = [fold(word) for word in split_words(page["text"])]
    assert {w: list(m) for w, m in neighbor_masks(running).items()} == page["masks"]


# --- Gantt scale ------------------------------------------------------------------------------


@pytest.mark.parametrize("vector", TIMELINE["scales"], ids=list(SCALES))
def test_scale_fit_gives_the_shared_scale(vector: dict[str, Any]) -> None:
    scale = _scale(vector)
    assert scale.origin == _day(vector["origin"])
    assert (scale.days, scale.day_width, scale.x0) == (
        vector["days"], vector["day_width"], vector["x0"])
    assert scale.width == vector["date_width"]


@pytest.mark.parametrize("vector", TIMELINE["scales"], ids=list(SCALES))
def test_each_day_starts_at_the_shared_x(vector: dict[str, Any]) -> None:
    scale = _scale(vector)
    assert vector["day_starts"]
    for entry in vector["day_starts"]:
        assert scale.x(_day(entry["date"])) == entry["x"], entry["date"]


@pytest.mark.parametrize("vector", TIMELINE["scales"], ids=list(SCALES))
def test_today_marker_sits_where_the_shared_vectors_say(vector: dict[str, Any]) -> None:
    scale = _scale(vector)
    assert vector["today"]
    for entry in vector["today"]:
        today = today_marker(_day(entry["date"]), scale)
        assert (today.state, today.x, today.anchor) == (
            entry["state"], entry["x"], entry["anchor"]), entry["date"]
        assert today.iso == entry["date"]


@pytest.mark.parametrize("entry", TIMELINE["disagreements"],
                         ids=[e["date"] for e in TIMELINE["disagreements"]])
def test_today_marker_still_gives_its_recorded_result_where_javascript_differs(
    entry: dict[str, Any],
) -> None:
    today = today_marker(_day(entry["date"]), _scale(SCALES[entry["scale"]]))
    assert today.state == "inside"
    assert {"x": today.x, "anchor": today.anchor} == entry["python"], entry["why"]


# --- now and next -----------------------------------------------------------------------------


@pytest.mark.parametrize("case", AGENDA["cases"], ids=[c["name"] for c in AGENDA["cases"]])
def test_now_and_next_pick_the_shared_lists(case: dict[str, Any]) -> None:
    items = [(Span(_day(i["start"]), _day(i["end"])), i["label"]) for i in case["items"]]
    now, upcoming = now_and_next(items, _day(case["today"]), case["horizon"])
    assert [label for _span, label in now] == case["now"]
    assert [label for _span, label in upcoming] == case["next"]
