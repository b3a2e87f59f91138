"""A plan's version history as the plan page shows it: its revisions (from git, through the
options: kehoach.source.revisions, kehoach/adapter/publish.py), newest first; and its newest
amendment in a sentence, for the plan's entry in the Atom feeds (feeds.py)."""

from __future__ import annotations

from kehoach.site.options import SiteOptions
from kehoach.site.views.history import HistoryEntry, PlanHistory
from kehoach.source.revisions import Revision

CHANGES_SHOWN = 12  # per commit; a rewrite of a whole plan would list every field
# Revisions that leave the plan's data as it was: not counted as amendments.
NOT_AMENDING = frozenset({"created", "moved", "layout"})


def plan_history(options: SiteOptions, source_path: str) -> PlanHistory | None:
    """None when the plan's file has no git history (a tarball, a set outside a repository)."""
    revisions = options.revisions_of(source_path)
    if not revisions:
        return None
    entries = [history_entry(r) for r in reversed(revisions)]
    amending = [e for r, e in zip(reversed(revisions), entries, strict=True) if amends(r)]
    return {
        "entries": entries,
        "amended": len(amending),
        "last_amended": amending[0] if amending else None,
    }


def history_entry(revision: Revision) -> HistoryEntry:
    texts = [c.text for c in revision.changes]
    return {
        "date": revision.date.strftime("%d/%m/%Y"),
        "date_iso": revision.date.isoformat(),
        "changes": texts[:CHANGES_SHOWN],
        "more": max(0, len(texts) - CHANGES_SHOWN),
    }


def amends(revision: Revision) -> bool:
    return any(c.kind not in NOT_AMENDING for c in revision.changes)


def amendment_summary(options: SiteOptions, source_path: str) -> str | None:
    """ "Sửa ngày 12/10/2025: thêm hoạt động 2.3 «…»; đổi …." or None (never amended)."""
    amending = [r for r in options.revisions_of(source_path) if amends(r)]
    if not amending:
        return None
    entry = history_entry(amending[-1])
    more = [f"và {entry['more']} thay đổi khác"] if entry["more"] else []
    return f"Sửa ngày {entry['date']}: {'; '.join(entry['changes'] + more)}."
