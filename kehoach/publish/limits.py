"""GitHub Pages' limits on a site, and the verdict on a measured one.

As documented by actions/upload-pages-artifact and GitHub's Pages limits: the artifact should
stay under 1 GB (deploy-pages warns above it; such deploys often fail or time out) and a tar
above 10 GB is refused. A site at half a limit or more earns a warning, so growth is seen
before a deploy half-fails. The limits can be lowered (tests, a stricter host).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kehoach.publish.size import SiteSize

__all__ = ["ARTIFACT_LIMIT", "SITE_LIMIT", "WARN_SHARE", "Limits", "Verdict", "judge",
           "report", "summary"]

GB = 1_000_000_000
ARTIFACT_LIMIT = 1 * GB
SITE_LIMIT = 10 * GB
WARN_SHARE = 0.5


class Verdict(Enum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"


@dataclass(frozen=True)
class Limits:
    artifact_bytes: int = ARTIFACT_LIMIT
    site_bytes: int = SITE_LIMIT
    warn_share: float = WARN_SHARE


def judge(size: SiteSize, limits: Limits) -> Verdict:
    """FAIL above a limit, WARN at ``warn_share`` of one or more, PASS otherwise."""
    shares = (size.artifact_bytes / limits.artifact_bytes, size.tar_bytes / limits.site_bytes)
    if max(shares) > 1:
        return Verdict.FAIL
    return Verdict.WARN if max(shares) >= limits.warn_share else Verdict.PASS


def _mb(count: int) -> str:
    """1512300000 → "1,51 GB", 5900000 → "5,9 MB" (Vietnamese: a comma before decimals)."""
    value, unit, digits = (count / GB, "GB", 2) if count >= GB else (count / 1e6, "MB", 1)
    return f"{value:,.{digits}f}".translate(str.maketrans(",.", ".,")) + f" {unit}"


def summary(size: SiteSize, limits: Limits) -> str:
    """The one line `make site` ends with."""
    return (f"kích thước: {size.files:,} tệp".replace(",", ".")
            + f", {_mb(size.content_bytes)} ({_mb(size.disk_bytes)} trên đĩa), "
            f"gói Pages {_mb(size.artifact_bytes)} nén"
            f" ({size.artifact_bytes / limits.artifact_bytes:.0%} của {_mb(limits.artifact_bytes)})"
            f", trang giải nén {_mb(size.tar_bytes)}"
            f" ({size.tar_bytes / limits.site_bytes:.0%} của {_mb(limits.site_bytes)})")


def report(size: SiteSize, limits: Limits, verdict: Verdict) -> list[str]:
    """The lines that explain a warning or a failure: what, the limits, the largest folders."""
    if verdict is Verdict.PASS:
        return []
    head = ("LỖI: trang web vượt giới hạn của GitHub Pages, không tải lên"
            " (the site exceeds a GitHub Pages limit: not uploaded)" if verdict is Verdict.FAIL
            else f"CẢNH BÁO: trang web đã dùng từ {limits.warn_share:.0%} giới hạn của GitHub"
            " Pages trở lên (warning: at or above the share of a Pages limit)")
    lines = [head,
             f"  gói tải lên (tar nén): {_mb(size.artifact_bytes)}; giới hạn"
             f" {_mb(limits.artifact_bytes)} (artifact, compressed)",
             f"  trang giải nén (tar): {_mb(size.tar_bytes)}; giới hạn"
             f" {_mb(limits.site_bytes)} (unpacked site)",
             "  năm thư mục lớn nhất (five largest folders):"]
    lines += [f"    {name}/ {_mb(count)}" for name, count in size.folders[:5]]
    return lines
