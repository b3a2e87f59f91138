"""Coverage pages: for each year with plans, one for the country ("tinh-hinh/<year>/", a row
per province) and one per province ("<province>/tinh-hinh/<year>/", a row per commune and
former unit): who published a plan, who reported, activities done / in progress / overdue /
not reported, targets met; as tables and small SVG charts (overrides/coverage.html)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from kehoach.site import routes
from kehoach.site.context import Contribution, SiteContext
from kehoach.site.coverage import CoverageIndex
from kehoach.site.lookup import home_crumb
from kehoach.site.pages.coverage_charts import activities_chart, places_chart
from kehoach.site.spec import PageSpec
from kehoach.site.views.common import Link
from kehoach.site.views.coverage import CoveragePage, CoverageRow, Totals
from kehoach.source.localities import Locality
from kehoach.tracking.coverage import Figures
from kehoach.tracking.statuses import as_of_text

KIND = "Tình hình thực hiện"


def generate(site: SiteContext, earlier: Sequence[PageSpec]) -> Contribution:
    view = CoverageView(CoverageIndex(site.index, site.tracker))
    return Contribution(pages=view.pages())


def totals(figures: Figures) -> Totals:
    return {
        "localities": figures.localities, "with_plan": figures.with_plan,
        "reported": figures.reported, "plans": figures.plans, "reports": figures.reports,
        "activities": figures.activities, "targets": figures.targets,
        "targets_reported": figures.targets_reported, "targets_met": figures.targets_met,
    }


def row(name: str, url: str | None, figures: Figures) -> CoverageRow:
    return {
        "name": name, "url": url, "plans": figures.plans, "reports": figures.reports,
        "activities": figures.activities, "done": figures.group("done"),
        "in_progress": figures.group("in_progress"), "overdue": figures.group("overdue"),
        "not_reported": figures.group("not_reported"), "dropped": figures.group("dropped"),
        "targets": f"{figures.targets_met}/{figures.targets}",
    }


class CoverageView:
    def __init__(self, coverage: CoverageIndex) -> None:
        self.coverage = coverage
        self.as_of = as_of_text(coverage.tracker.today)

    def pages(self) -> list[PageSpec]:
        pages: list[PageSpec] = []
        for year in self.coverage.years:
            pages.append(self.page(year, None))
            pages.extend(self.page(year, p) for p in self.coverage.provinces())
        return pages

    def page(self, year: int, province: Locality | None) -> PageSpec:
        url = routes.coverage(year, province)
        name = province.name if province else "Cả nước"
        facets = {"kind": KIND, "year": str(year)}
        if province:
            facets["province"] = province.name
        return PageSpec(
            src_uri=routes.src_uri(url),
            template="coverage.html",
            title=f"Tình hình thực hiện năm {year} – {name}",
            description=f"{name}, năm {year}: địa phương đã có kế hoạch, đã báo cáo; hoạt "
            "động đã hoàn thành, đang thực hiện, quá hạn, chưa có báo cáo; chỉ tiêu đạt.",
            facets=facets,
            build=partial(self.data, year, province),
        )

    def data(self, year: int, province: Locality | None) -> CoveragePage:
        coverage = self.coverage
        if province is None:
            figures = coverage.national_figures(year)
            rows = [row(p.name, routes.coverage(year, p), coverage.province_figures(p, year))
                    for p in coverage.provinces()]
        else:
            figures = coverage.province_figures(province, year)
            rows = [row(p.name, self._page_of(p, year), coverage.figures([p], year))
                    for p in coverage.places(province, year)]
        name = province.name if province else "Cả nước"
        crumbs: list[Link] = [home_crumb(), {"name": "Địa phương", "url": routes.LOCALITIES}]
        if province:
            crumbs.append({"name": province.name, "url": routes.locality(province)})
        crumbs.append({"name": f"Tình hình thực hiện năm {year}",
                       "url": routes.coverage(year, province)})
        return {
            "title": name, "year": year, "as_of": self.as_of, "breadcrumbs": crumbs,
            "totals": totals(figures),
            "charts": [places_chart(f"bd-dia-phuong-{year}", figures, name),
                       activities_chart(f"bd-hoat-dong-{year}", figures, name)],
            "rows_are": "Xã, phường, đơn vị" if province else "Tỉnh, thành phố",
            "rows": rows,
            "years": [{"name": str(y), "url": routes.coverage(y, province)}
                      for y in coverage.years if y != year],
            "csv": routes.COVERAGE_CSV,
        }

    def _page_of(self, place: Locality, year: int) -> str | None:
        """A locality's page, when it has one (provinces always; others with a plan)."""
        has_page = place.is_province or place.path in self.coverage.index.by_place
        return routes.locality(place) if has_page else None
