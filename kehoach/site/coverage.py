"""Which localities a coverage figure counts, shared by the coverage pages
(kehoach/site/pages/coverage.py) and their CSV in the open data: for a year, every province,
every current commune of it (with or without a plan) and each former unit that has a plan of
that year; the figures themselves are kehoach.tracking.coverage's."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from kehoach.model.plan import Plan
from kehoach.site.index import SiteIndex
from kehoach.source.localities import Locality
from kehoach.tracking.coverage import Figures, coverage
from kehoach.tracking.tracker import Tracker


@dataclass
class CoverageIndex:
    index: SiteIndex
    tracker: Tracker
    _plans: dict[int, dict[str, list[Plan]]] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        return sorted({plan.year for plan in self.index.plans.values()})

    def plans(self, year: int) -> dict[str, list[Plan]]:
        """The year's plans by locality key."""
        if year not in self._plans:
            found: dict[str, list[Plan]] = defaultdict(list)
            for plan_id in sorted(self.index.plans):
                plan = self.index.plans[plan_id]
                if plan.year == year:
                    found[self.index.places[plan_id].key].append(plan)
            self._plans[year] = dict(found)
        return self._plans[year]

    def provinces(self) -> list[Locality]:
        gazetteer = self.index.catalog.gazetteer
        return [gazetteer.province(code) for code in gazetteer.province_codes()]

    def places(self, province: Locality, year: int) -> list[Locality]:
        """The province, its communes, and its former units with a plan of the year."""
        gazetteer = self.index.catalog.gazetteer
        code = province.province_code
        keys = self.plans(year)
        former = [f for f in gazetteer.former_of(code) if f.key in keys]
        return [province, *gazetteer.communes_of(code), *former]

    def figures(self, places: list[Locality], year: int) -> Figures:
        return coverage([p.key for p in places], self.plans(year), self.tracker)

    def province_figures(self, province: Locality, year: int) -> Figures:
        return self.figures(self.places(province, year), year)

    def national_figures(self, year: int) -> Figures:
        places = [p for province in self.provinces() for p in self.places(province, year)]
        return self.figures(places, year)

    def rows(self) -> Iterator[tuple[int, Locality, Locality, Figures]]:
        """(year, province, locality, its own figures) for every locality counted."""
        for year in self.years:
            for province in self.provinces():
                for place in self.places(province, year):
                    yield year, province, place, self.figures([place], year)
