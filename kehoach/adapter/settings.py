"""Every setting the build reads, declared and validated in one place.

Each setting has a default, most a key in mkdocs.yml, and an environment variable that
overrides it (an empty variable counts as unset). They are read once per build, when it starts
(kehoach/adapter/state.py), into a frozen ``Settings``; a value that cannot be right stops the
build before anything is written, saying what is allowed. README.md's settings table lists
the same settings (tests/unit/test_settings.py checks that it does).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

T = TypeVar("T")


@dataclass(frozen=True)
class Setting:
    env: str  # the environment variable
    key: str | None  # its key in mkdocs.yml, if any ("extra.…": under ``extra:``)
    default: str  # as written in the README ("": none)
    allowed: str  # what a valid value is, in Vietnamese (English)

    @property
    def extra_key(self) -> str | None:
        """Its name under mkdocs.yml's ``extra:`` (site_url is MkDocs' own setting)."""
        if self.key is None or not self.key.startswith("extra."):
            return None
        return self.key.removeprefix("extra.")


PLANS_DIR = Setting("PLANS_DIR", "extra.plans_dir", "plans",
                    "một thư mục, tương đối so với mkdocs.yml (a folder, relative to mkdocs.yml)")
SITE_URL = Setting("SITE_URL", "site_url", "http://127.0.0.1:8000/",
                   "địa chỉ http(s) công khai của trang (the site's public http(s) address)")
REPO_URL = Setting("REPO_URL", "extra.repo_url", "",
                   "địa chỉ http(s) của kho (the repository's http(s) address)")
GITHUB_REPOSITORY = Setting("GITHUB_REPOSITORY", None, "",
                            "chủ/tên-kho, ví dụ user/kehoach (owner/name, e.g. user/kehoach)")
GITHUB_SERVER_URL = Setting("GITHUB_SERVER_URL", None, "https://github.com",
                            "địa chỉ http(s) của máy chủ GitHub (the GitHub server's address)")
REPO_BRANCH = Setting("REPO_BRANCH", "extra.repo_branch", "main",
                      "tên nhánh, không có dấu cách (a branch name, without spaces)")
WORKERS = Setting("KEHOACH_WORKERS", "extra.workers", "2",
                  "1 (một tiến trình) hoặc 2 (hai tiến trình) (1: one process, 2: two)")
NAVCACHE = Setting("KEHOACH_NAVCACHE", "extra.navcache", "1",
                   "1 (bật) hoặc 0 (tắt); trong mkdocs.yml: true hoặc false "
                   "(1: on, 0: off; in mkdocs.yml: true or false)")
SOURCE_DATE_EPOCH = Setting("SOURCE_DATE_EPOCH", None, "",
                            "số giây từ 01/01/1970 UTC, ví dụ 1760054400 "
                            "(seconds since 1970-01-01 UTC, e.g. 1760054400)")
ONLY = Setting("KEHOACH_ONLY", "extra.only", "",
               "một thư mục hoặc tệp trong PLANS_DIR, ví dụ plans/ha-tinh/xa-thach-ha "
               "(a folder or file inside PLANS_DIR)")
DECLARED = (PLANS_DIR, SITE_URL, REPO_URL, GITHUB_REPOSITORY, GITHUB_SERVER_URL, REPO_BRANCH,
            WORKERS, NAVCACHE, SOURCE_DATE_EPOCH, ONLY)  # fmt: skip

_REPOSITORY = re.compile(r"[\w.-]+/[\w.-]+")


@dataclass(frozen=True)
class Settings:
    plans_dir: Path  # as configured, joined to mkdocs.yml's folder when relative
    site_url: str | None  # ends with "/"
    repo_url: str | None  # no trailing "/"; None: no edit links
    repo_branch: str
    workers: int  # 1 or 2 processes
    navcache: bool
    source_date_epoch: int | None  # None: not set
    only: Path | None = None  # a clerk's preview of this folder or file (None: the whole site)


class SettingError(PluginError):
    """A setting with a value the build cannot use (stops the build, no traceback)."""


def read_settings(config: MkDocsConfig, environ: Mapping[str, str] = os.environ) -> Settings:
    """The settings of this build: mkdocs.yml (``config``, SITE_URL already applied by its
    ``!ENV`` tag) overridden by ``environ``."""
    extra: Mapping[str, object] = config.extra
    project = Path(config.config_file_path).parent
    return parse_settings(extra, environ, project=project, site_url=config.site_url,
                          repo_url=config.repo_url)  # fmt: skip


def parse_settings(
    extra: Mapping[str, object],
    environ: Mapping[str, str],
    *,
    project: Path,
    site_url: str | None = None,
    repo_url: str | None = None,
) -> Settings:
    def get(setting: Setting, parse: Callable[[object], T]) -> T:
        return _value(setting, extra, environ, parse)

    plans = Path(get(PLANS_DIR, _text))
    plans = plans if plans.is_absolute() else project / plans
    epoch = get(SOURCE_DATE_EPOCH, _epoch) if environ.get(SOURCE_DATE_EPOCH.env) else None
    only = _only(get(ONLY, _optional_text), project, plans)
    return Settings(
        plans_dir=plans,
        site_url=_site_url(site_url),
        repo_url=_repo_url(extra, environ, repo_url),
        repo_branch=get(REPO_BRANCH, _branch),
        workers=1 if only else get(WORKERS, _workers),  # a preview's few pages: one process
        navcache=get(NAVCACHE, _switch),
        source_date_epoch=epoch,
        only=only,
    )


def _optional_text(raw: object) -> str:
    return raw.strip() if isinstance(raw, str) else _text(raw)


def _only(raw: str, project: Path, plans: Path) -> Path | None:
    """The previewed folder or file: relative to mkdocs.yml's folder, inside PLANS_DIR."""
    if not raw:
        return None
    path = Path(raw) if Path(raw).is_absolute() else project / raw
    resolved, root = path.resolve(), plans.resolve()
    if not path.exists() or (resolved != root and root not in resolved.parents):
        raise SettingError(
            f"Cài đặt không hợp lệ (invalid setting): {ONLY.env} = {raw!r}: không có thư mục "
            f"hay tệp này trong {plans}. Cần (allowed): {ONLY.allowed}."
        )
    return path


def _value(
    setting: Setting,
    extra: Mapping[str, object],
    environ: Mapping[str, str],
    parse: Callable[[object], T],
) -> T:
    """The environment variable when set, else mkdocs.yml's key, else the default; parsed,
    or the build stops saying where the value came from and what is allowed."""
    key = setting.extra_key
    if environ.get(setting.env):
        raw: object = environ[setting.env]
        where = f"biến môi trường (environment variable) {setting.env}"
    elif key is not None and key in extra:
        raw, where = extra[key], f"mkdocs.yml {setting.key}"
    else:
        raw, where = setting.default, f"{setting.env} (mặc định, default)"
    try:
        return parse(raw)
    except ValueError:
        raise SettingError(
            f"Cài đặt không hợp lệ (invalid setting): {where} = {raw!r}. "
            f"Cần (allowed): {setting.allowed}."
        ) from None


def _text(raw: object) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise ValueError(raw)
    return raw


def _http_url(raw: object) -> str:
    text = _text(raw)
    if not text.startswith(("http://", "https://")):
        raise ValueError(raw)
    return text.rstrip("/")


def _branch(raw: object) -> str:
    text = _text(raw)
    if any(c.isspace() for c in text):
        raise ValueError(raw)
    return text


def _repository(raw: object) -> str:
    text = _text(raw)
    if not _REPOSITORY.fullmatch(text):
        raise ValueError(raw)
    return text


def _workers(raw: object) -> int:
    # From the environment a string, from mkdocs.yml a number (YAML's true is no number).
    if isinstance(raw, int) and not isinstance(raw, bool) and raw in (1, 2):
        return raw
    if raw in ("1", "2"):
        return int(str(raw))
    raise ValueError(raw)


def _switch(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    if raw in ("0", "1"):
        return raw == "1"
    raise ValueError(raw)


def _epoch(raw: object) -> int:
    text = str(raw).strip()
    if not text.isascii() or not text.isdigit():
        raise ValueError(raw)
    return int(text)


def _site_url(configured: str | None) -> str | None:
    # MkDocs has checked the address (site_url is its own setting); links need the final "/".
    if not configured:
        return None
    return configured if configured.endswith("/") else configured + "/"


def _repo_url(
    extra: Mapping[str, object], environ: Mapping[str, str], configured: str | None
) -> str | None:
    """REPO_URL, else the repository GitHub Actions builds (so a fork links to itself), else
    mkdocs.yml's repo_url / extra.repo_url; None: no edit links. (mkdocs.yml's top-level
    repo_url would also make the theme show a repository link: extra.repo_url does not.)"""
    if environ.get(REPO_URL.env):
        return _value(REPO_URL, {}, environ, _http_url)
    if environ.get(GITHUB_REPOSITORY.env):
        repository = _value(GITHUB_REPOSITORY, {}, environ, _repository)
        return f"{_value(GITHUB_SERVER_URL, {}, environ, _http_url)}/{repository}"
    if configured:
        return configured.rstrip("/")
    if extra.get("repo_url"):
        return _value(REPO_URL, extra, {}, _http_url)
    return None
