"""Cited documents: the "van-ban/" index (registry documents and plans cited by other plans)
and one page per registry document. A cited plan already has its own page.

A document cited by more than SPLIT_AT plans lists provinces on its page, and the citing plans
of each province on "van-ban/<id>/<province>/".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from kehoach.model.plan import CitedDocument
from kehoach.site import routes
from kehoach.site.context import Contribution, SiteContext
from kehoach.site.lookup import SPLIT_AT, Lookup, home_crumb, newest_first
from kehoach.site.spec import PageSpec
from kehoach.site.views.common import CountedLink, Link
from kehoach.site.views.documents import (
    CitedPlanEntry,
    Citing,
    CitingCount,
    DocumentEntry,
    DocumentHead,
    DocumentPage,
    DocumentProvincePage,
    DocumentsPage,
    DocumentSplitPage,
)
from kehoach.site.wording import document_label, plan_count, reference_kind_label
from kehoach.source.localities import Locality

DocumentView = DocumentPage | DocumentSplitPage | DocumentProvincePage
KIND = "Văn bản"
PLAN_PREFIX = "plan:"
INDEX_LIMIT = 3  # citing plans shown per document on the index; the rest on its own page


def generate(site: SiteContext, earlier: Sequence[PageSpec]) -> Contribution:
    return Contribution(pages=DocumentsView(site.lookup).pages())


class DocumentsView:
    def __init__(self, lookup: Lookup) -> None:
        self.lookup = lookup
        self._kinds: dict[str, dict[str, list[str]]] = {}

    def pages(self) -> list[PageSpec]:
        docs = sorted(self.lookup.documents.values(), key=_date_key, reverse=True)
        pages = [self.index_page(docs)]
        for doc in docs:
            pages.extend(self.doc_pages(doc))
        return pages

    def kinds(self, key: str) -> dict[str, list[str]]:
        """Citing plan id → the kinds of its references to ``key`` ("Thực hiện"…)."""
        if key not in self._kinds:
            kinds: dict[str, list[str]] = defaultdict(list)
            for plan_id, kind in self.lookup.index.citations.get(key, []):
                label = reference_kind_label(kind)
                if label not in kinds[plan_id]:
                    kinds[plan_id].append(label)
            self._kinds[key] = dict(kinds)
        return self._kinds[key]

    def citing_ids(self, key: str) -> list[str]:
        return newest_first(self.lookup.index, list(self.kinds(key)))

    def citing(self, key: str, plan_ids: list[str]) -> list[Citing]:
        kinds = self.kinds(key)
        return [{**self.lookup.summary(p), "kinds": kinds[p]} for p in plan_ids]

    def document(self, doc: CitedDocument) -> DocumentHead:
        return {
            "id": doc.id,
            "label": document_label(doc.type or "Văn bản", doc.number),
            "number": doc.number,
            "type": doc.type,
            "date": str(doc.date) if doc.date else None,
            "date_iso": doc.date.iso() if doc.date else None,
            "issuer": doc.issuer,
            "title": doc.title,
            "href": doc.url,
            "insecure": bool(doc.url and doc.url.startswith("http://")),
            "url": routes.document(doc.id),
        }

    def entry(self, key: str, more_url: str) -> CitingCount:
        """The first plans citing ``key`` and how many more there are, for the index."""
        ids = self.citing_ids(key)
        return {"citing": self.citing(key, ids[:INDEX_LIMIT]),
                "more": max(0, len(ids) - INDEX_LIMIT), "more_url": more_url}

    def cited_plans(self) -> list[CitedPlanEntry]:
        keys = [k for k in self.lookup.index.citations if k.startswith(PLAN_PREFIX)]
        plan_ids = newest_first(self.lookup.index, [k.removeprefix(PLAN_PREFIX) for k in keys])
        entries: list[CitedPlanEntry] = []
        for plan_id in plan_ids:
            summary = self.lookup.summary(plan_id)
            entries.append({**summary, "issuer": self.lookup.plan(plan_id).issuer,
                            **self.entry(PLAN_PREFIX + plan_id, summary["url"])})
        return entries

    def index_page(self, docs: list[CitedDocument]) -> PageSpec:
        entries: list[DocumentEntry] = [
            {**self.document(d), **self.entry(d.id, routes.document(d.id))} for d in docs
        ]
        plans = self.cited_plans()
        data: DocumentsPage = {
            "documents": entries, "plans": plans,
            "breadcrumbs": [home_crumb(), {"name": "Văn bản", "url": routes.DOCUMENTS}],
        }
        return PageSpec(
            src_uri=routes.src_uri(routes.DOCUMENTS),
            template="documents.html",
            title="Văn bản được viện dẫn",
            data=data,
            description=f"{len(entries)} văn bản và {len(plans)} kế hoạch được các kế hoạch "
            "địa phương thực hiện, lấy làm căn cứ hoặc viện dẫn.",
            facets={"kind": KIND},
        )

    def doc_pages(self, doc: CitedDocument) -> list[PageSpec]:
        """The document's page; past SPLIT_AT citing plans, also one page per province."""
        head = self.document(doc)
        ids = self.citing_ids(doc.id)
        crumbs: list[Link] = [home_crumb(), {"name": "Văn bản", "url": routes.DOCUMENTS},
                              {"name": head["label"], "url": head["url"]}]
        if len(ids) <= SPLIT_AT:
            whole: DocumentPage = {"document": head, "count": len(ids), "breadcrumbs": crumbs,
                                   "citing": self.citing(doc.id, ids)}
            return [self.page(doc, head["url"], whole, ids)]
        groups = self.lookup.group_by_province(ids)
        provinces: list[CountedLink] = [
            {"name": p.name, "url": routes.in_province(head["url"], p), "count": len(g)}
            for p, g in groups
        ]
        split: DocumentSplitPage = {"document": head, "count": len(ids), "breadcrumbs": crumbs,
                                    "provinces": provinces}
        pages = [self.page(doc, head["url"], split, ids)]
        for province, group in groups:
            url = routes.in_province(head["url"], province)
            sub: DocumentProvincePage = {
                "document": head, "count": len(ids),
                "breadcrumbs": [*crumbs, {"name": province.name, "url": url}],
                "province": {"name": province.name, "url": url},
                "citing": self.citing(doc.id, group),
            }
            pages.append(self.page(doc, url, sub, group, province))
        return pages

    def page(self, doc: CitedDocument, url: str, data: DocumentView, plan_ids: list[str],
             province: Locality | None = None) -> PageSpec:
        head = data["document"]
        where = f" – {province.name}" if province else ""
        title = f"{head['label']} – {doc.issuer}{where}"
        years = sorted({self.lookup.plan(p).year for p in plan_ids})
        facets = {"kind": KIND}
        if years:
            facets["year"] = ", ".join(str(y) for y in years)
        if province:
            facets["province"] = province.name
        return PageSpec(
            src_uri=routes.src_uri(url),
            template="document.html",
            title=title,
            data=data,
            description=f"{title}{': ' + doc.title if doc.title else ''}. "
            + _cited_in(len(plan_ids)),
            facets=facets,
        )


def _cited_in(count: int) -> str:
    if not count:
        return "Chưa có kế hoạch nào trên trang viện dẫn."
    return f"Được viện dẫn trong {plan_count(count)}."


def _date_key(doc: CitedDocument) -> tuple[int, int, int, str]:
    date = doc.date
    if date is None:
        return (0, 0, 0, doc.id)
    return (date.year, date.month or 0, date.day or 0, doc.id)
