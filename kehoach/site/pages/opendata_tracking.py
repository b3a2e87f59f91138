"""The open data of implementation tracking: a row per activity update of a progress report
(du-lieu/bao-cao.csv) and the coverage figures, a row per locality and year
(du-lieu/tinh-hinh.csv). Their columns are documented on "du-lieu/" like the others."""

from __future__ import annotations

from collections.abc import Iterator

from kehoach.site import routes
from kehoach.site.coverage import CoverageIndex
from kehoach.site.index import SiteIndex
from kehoach.site.pages.opendata_columns import Row, Table, cols
from kehoach.tracking.tracker import Tracker

LINES = "\n"

UPDATES = Table(
    routes.UPDATES_CSV,
    "Báo cáo kết quả thực hiện",
    "một dòng cho mỗi hoạt động được một báo cáo nêu (theo thứ tự ngày báo cáo)",
    cols(
        ("report_id", "Mã báo cáo"),
        ("report_date", "Ngày báo cáo (ISO 8601)"),
        ("report_number", "Số hiệu báo cáo"),
        ("report_title", "Trích yếu báo cáo"),
        ("report_url", "Địa chỉ công bố bản báo cáo (nếu có)"),
        ("province_code", "Mã tỉnh, 2 chữ số"),
        ("locality_name", "Địa phương báo cáo"),
        ("plan_id", "Mã kế hoạch"),
        ("activity_id", "Mã hoạt động trong kế hoạch"),
        ("activity_title", "Tên hoạt động"),
        ("status", "Tình trạng theo báo cáo (chưa bắt đầu, đang thực hiện, hoàn thành, "
                   "hoàn thành một phần, không thực hiện, tạm dừng)"),
        ("progress", "Tiến độ (%) theo báo cáo, nếu có"),
        ("completed", "Ngày hoàn thành (ISO 8601), nếu báo cáo nêu"),
        ("done", "Kết quả đã làm (Markdown)"),
        ("reason", "Lý do (không thực hiện, tạm dừng)"),
        ("figures", "Số liệu, mỗi dòng một số liệu: nội dung: giá trị đơn vị"),
        ("targets", "Chỉ tiêu đạt được, mỗi dòng: số thứ tự: giá trị đơn vị (ngày)"),
        ("evidence", "Minh chứng (địa chỉ), mỗi dòng một địa chỉ"),
        ("page_url", "Hoạt động trên trang kế hoạch"),
    ),
)
COVERAGE = Table(
    routes.COVERAGE_CSV,
    "Tình hình thực hiện theo địa phương",
    "một dòng cho mỗi tỉnh, xã, phường (và đơn vị cũ có kế hoạch) và mỗi năm có kế hoạch",
    cols(
        ("year", "Năm của các kế hoạch"),
        ("province_code", "Mã tỉnh, 2 chữ số"),
        ("province_name", "Tên tỉnh, thành phố"),
        ("commune_code", "Mã xã, phường (trống với dòng của tỉnh và đơn vị cũ)"),
        ("former_unit", "Mã đơn vị hành chính cũ (nếu có)"),
        ("locality_name", "Tên địa phương"),
        ("level", "Cấp: province, commune, district"),
        ("plans", "Số kế hoạch của địa phương trong năm"),
        ("reported", "1 nếu địa phương đã báo cáo về ít nhất một kế hoạch đó, 0 nếu chưa"),
        ("reports", "Số báo cáo"),
        ("activities", "Số hoạt động"),
        ("activities_done", "Hoạt động đã hoàn thành (kể cả trễ hạn)"),
        ("activities_in_progress", "Hoạt động đang thực hiện, chưa bắt đầu, tạm dừng, "
                                   "hoàn thành một phần (chưa quá hạn)"),
        ("activities_overdue", "Hoạt động quá hạn (chưa có báo cáo, hoặc chưa xong sau hạn)"),
        ("activities_not_reported", "Hoạt động chưa có báo cáo, chưa đến hạn"),
        ("activities_dropped", "Hoạt động không thực hiện"),
        ("targets", "Chỉ tiêu có số"),
        ("targets_reported", "Chỉ tiêu đã có số liệu đạt được"),
        ("targets_met", "Chỉ tiêu đạt"),
        ("as_of", "Ngày tính tình hình (ISO 8601, giờ Việt Nam)"),
    ),
)


def update_rows(index: SiteIndex, tracker: Tracker, site_url: str) -> Iterator[Row]:
    for report in tracker.reports:
        for update in report.activities:
            plan = index.plans[update.plan]
            place = index.places[plan.id]
            activity = next(a for a in plan.activities if a.id == update.activity)
            yield {
                "report_id": report.id, "report_date": report.date.iso(),
                "report_number": report.document.number or "", "report_title": report.title,
                "report_url": report.url or "", "province_code": place.province_code,
                "locality_name": place.name, "plan_id": plan.id, "activity_id": activity.id,
                "activity_title": activity.title, "status": update.status,
                "progress": f"{update.progress:g}" if update.progress is not None else "",
                "completed": update.completed.iso() if update.completed else "",
                "done": update.done or "", "reason": update.reason or "",
                "figures": LINES.join(f"{f.label}: {f.value:g} {f.unit}" for f in update.figures),
                "targets": LINES.join(f"{t.target}: {t.value:g}{' ' + t.unit if t.unit else ''}"
                                      f"{' (' + t.date.iso() + ')' if t.date else ''}"
                                      for t in update.targets),
                "evidence": LINES.join(e.url for e in update.evidence),
                "page_url": f"{site_url}{index.plan_url(plan.id)}#hd-{activity.id}",
            }


def coverage_rows(coverage: CoverageIndex) -> Iterator[Row]:
    as_of = coverage.tracker.today.isoformat()
    for year, province, place, figures in coverage.rows():
        commune = place.key.split("/")[1] if place.level == "commune" else ""
        former = place.former.id if place.former else ""
        yield {
            "year": str(year), "province_code": province.province_code,
            "province_name": province.name, "commune_code": commune, "former_unit": former,
            "locality_name": place.name, "level": place.level, "plans": str(figures.plans),
            "reported": str(figures.reported), "reports": str(figures.reports),
            "activities": str(figures.activities),
            "activities_done": str(figures.group("done")),
            "activities_in_progress": str(figures.group("in_progress")),
            "activities_overdue": str(figures.group("overdue")),
            "activities_not_reported": str(figures.group("not_reported")),
            "activities_dropped": str(figures.group("dropped")),
            "targets": str(figures.targets), "targets_reported": str(figures.targets_reported),
            "targets_met": str(figures.targets_met), "as_of": as_of,
        }
