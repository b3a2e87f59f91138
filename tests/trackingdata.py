"""A plans tree with progress reports, for the tracking tests: the frozen fixture plans
(tests/fixtures/plans) copied, plus reports of Thạch Hà (a commune implementing the
province's plan 541) and of Xuân Lộc (whose plan has targets). The fixture copy itself stays
the seed plans' frozen copy: the seeds have no report."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from tests.plansdirs import FIXTURE_PLANS

THACH_HA = "ha-tinh-thach-ha-2025-ngay-cds"
XUAN_LOC = "dong-nai-xuan-loc-2025-ngay-cds"
PROVINCE = "ha-tinh-2025-ngay-cds"
# 15/11/2025 10:00 in Vietnam: after both reports.
MOMENT = dt.datetime(2025, 11, 15, 3, 0, tzinfo=dt.UTC)

THACH_HA_REPORT = f"""\
id: thach-ha-2025-bao-cao-11
document:
  type: Báo cáo
  number: "125/BC-UBND"
  date: "05/11/2025"
issuer: Ủy ban nhân dân xã Thạch Hà
locality:
  province: "42"
  commune: "18562"
title: Kết quả tổ chức Ngày Chuyển đổi số quốc gia năm 2025
url: https://thachha.hatinh.gov.vn/bao-cao-125
activities:
  - plan: {THACH_HA}
    activity: le-phat-dong-va-tap-huan
    status: hoàn thành
    completed: "10/10/2025"
    done: Tổ chức Lễ phát động tại Hội trường xã.
    figures:
      - label: Người dân được tập huấn
        value: 350
        unit: người
    evidence:
      - url: https://thachha.hatinh.gov.vn/le-phat-dong
        title: Tin bài lễ phát động
  - plan: {THACH_HA}
    activity: phat-dong-cuoc-thi-hoat-dong-cong-dong
    status: không thực hiện
    reason: Cuộc thi cấp tỉnh lùi sang năm 2026.
  - plan: {THACH_HA}
    activity: chien-dich-truyen-thong
    status: đang thực hiện
    progress: 40
"""

EARLY_THACH_HA_REPORT = f"""\
id: thach-ha-2025-bao-cao-10
document:
  type: Báo cáo
  date: "20/10/2025"
issuer: Ủy ban nhân dân xã Thạch Hà
locality:
  province: "42"
  commune: "18562"
title: Tình hình tháng 10
activities:
  - plan: {THACH_HA}
    activity: chien-dich-truyen-thong
    status: đang thực hiện
    progress: 20
"""

XUAN_LOC_REPORT = f"""\
id: xuan-loc-2025-bao-cao-11
document:
  type: Báo cáo
  number: "88/BC-UBND"
  date: "10/11/2025"
issuer: Ủy ban nhân dân xã Xuân Lộc
locality:
  province: "75"
  commune: "26425"
title: Kết quả thực hiện chuyển đổi số tháng 10
activities:
  - plan: {XUAN_LOC}
    activity: pho-cap-chu-ky-so
    status: hoàn thành một phần
    progress: 70
    targets:
      - target: 1
        value: 42.5
        date: "31/10/2025"
        source: Công an xã
"""


def tracked_plans(folder: Path) -> Path:
    """The fixture plans with the reports above, in ``folder``/plans."""
    plans = folder / "plans"
    shutil.copytree(FIXTURE_PLANS, plans, symlinks=True)
    thach_ha = plans / "ha-tinh" / "xa-thach-ha" / "bao-cao"
    thach_ha.mkdir()
    (thach_ha / "2025-11-05.yaml").write_text(THACH_HA_REPORT, encoding="utf-8")
    (thach_ha / "2025-10-20.yaml").write_text(EARLY_THACH_HA_REPORT, encoding="utf-8")
    xuan_loc = plans / "dong-nai" / "xa-xuan-loc" / "bao-cao"
    xuan_loc.mkdir()
    (xuan_loc / "2025-11-10.yaml").write_text(XUAN_LOC_REPORT, encoding="utf-8")
    return plans
