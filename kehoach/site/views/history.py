"""Template data of a plan's version history (overrides/partials/plan-history.html, built by
kehoach/site/pages/plan_history.py from kehoach.source.revisions)."""

from __future__ import annotations

from typing import TypedDict


class HistoryEntry(TypedDict):
    """One commit's changes to the plan's file."""

    date: str  # "12/10/2025"
    date_iso: str  # "2025-10-12"
    changes: list[str]  # "thêm hoạt động 2.3 «…»", "đổi thời gian hoạt động 1.1 từ … thành …"
    more: int  # changes of this commit not listed (a long list is cut)


class PlanHistory(TypedDict):
    entries: list[HistoryEntry]  # newest first
    amended: int  # commits that changed the plan's data after it was added
    last_amended: HistoryEntry | None  # the newest of them
