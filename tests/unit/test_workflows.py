"""The publishing workflow: GitHub Actions files (triggers, least privilege, pinned actions,
the checks a pull request must pass) and how kehoach/adapter/publish.py finds what each page
says about its source (edit link, last change from one git log, a reproducible fallback
without git).
The pages themselves: tests/site/test_source_dates.py."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from kehoach.adapter.settings import parse_settings
from kehoach.source.history import git_dates, last_changed, parse_log
from tests.sitetools import FIXED_EPOCH, ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


def _workflow(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))
    if True in data:  # YAML 1.1 reads the key "on" as a boolean
        data["on"] = data.pop(True)
    return data


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = job["steps"]
    return steps


def _uses(data: dict[str, Any]) -> list[str]:
    return [s["uses"] for job in data["jobs"].values() for s in _steps(job) if "uses" in s]


def _runs(job: dict[str, Any]) -> str:
    return "\n".join(s.get("run", "") for s in _steps(job))


def test_pages_workflow_triggers_and_least_privilege() -> None:
    data = _workflow("pages.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in data["on"] and "pull_request" not in data["on"]
    assert data["permissions"] == {"contents": "read"}
    assert data["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    jobs = data["jobs"]
    assert set(jobs) == {"build", "deploy"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    for name, job in jobs.items():
        writes = [k for k, v in job.get("permissions", {}).items() if v == "write"]
        assert name == "deploy" or not writes, f"{name} may write: {writes}"


def test_pages_workflow_validates_builds_and_deploys() -> None:
    build, deploy = (_workflow("pages.yml")["jobs"][j] for j in ("build", "deploy"))
    steps = _steps(build)
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert uses.index("actions/configure-pages") < uses.index("actions/upload-pages-artifact")
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # git history for "last changed"
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"] == {
        "python-version": "3.11",
        "cache": "pip",
        "cache-dependency-path": "requirements.txt",
    }
    runs = _runs(build)
    assert "make setup" in runs
    assert ".venv/bin/python scripts/validate.py --github plans/" in runs
    # make site ends with the Pages size guard (scripts/site_size.py): a site over the limits
    # fails this step, before the upload; --github turns its lines into annotations.
    site = next(s for s in steps if s.get("run") == "make site SIZE_FLAGS=--github")
    assert steps.index(site) < uses.index("actions/upload-pages-artifact")
    assert site["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert next(s for s in steps if s.get("id") == "pages")["uses"].startswith(
        "actions/configure-pages@"
    )
    upload = next(s for s in steps if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"] == {"path": "site"}
    (step,) = _steps(deploy)
    assert step["id"] == "deployment" and step["uses"].startswith("actions/deploy-pages@")


def test_pull_requests_are_validated_and_built() -> None:
    data = _workflow("ci.yml")
    assert "pull_request" in data["on"]
    assert data["permissions"] == {"contents": "read"}
    for job in data["jobs"].values():
        assert not any(v == "write" for v in job.get("permissions", {}).values())
    runs = "\n".join(_runs(job) for job in data["jobs"].values())
    assert ".venv/bin/python scripts/validate.py --github plans/" in runs
    assert "make site" in runs and "make test" in runs
    makefile = (ROOT / "Makefile").read_text("utf-8")
    recipe = makefile.split("\nsite:", 1)[1].split("\n\n", 1)[0]
    assert "build --strict" in recipe  # make site = mkdocs build --strict


@pytest.mark.parametrize("name", ["pages.yml", "ci.yml"])
def test_actions_are_pinned_to_full_commit_shas(name: str) -> None:
    uses = _uses(_workflow(name))
    assert uses
    assert [u for u in uses if not PINNED.match(u)] == []
    text = (WORKFLOWS / name).read_text("utf-8")
    assert all(f"{u}  # v" in text for u in uses), "each pin names its tag in a comment"


# --- last changed, edit links -------------------------------------------------------------


def test_git_log_is_parsed_newest_first(tmp_path: Path) -> None:
    log = (
        "\x1e2025-10-09\0\nplans/a.yaml\0plans/b.yaml\0"
        "\x1e2025-10-01\0\nplans/a.yaml\0plans/c d.yaml\0"
    )
    dates = parse_log(log, tmp_path)
    assert dates == {
        tmp_path / "plans/a.yaml": dt.date(2025, 10, 9),
        tmp_path / "plans/b.yaml": dt.date(2025, 10, 9),
        tmp_path / "plans/c d.yaml": dt.date(2025, 10, 1),
    }


def _git(repo: Path, *args: str, date: str = "2025-10-01T08:00:00+07:00") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)


def test_one_git_log_dates_every_file_and_untracked_files_fall_back(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "plans" / "x").mkdir(parents=True)
    _git(repo, "init", "-q")
    (repo / "plans" / "a.yaml").write_text("a: 1\n")
    (repo / "plans" / "x" / "Hà Tĩnh.yaml").write_text("b: 1\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "one", date="2025-10-01T08:00:00+07:00")
    (repo / "plans" / "a.yaml").write_text("a: 2\n")
    _git(repo, "commit", "-q", "-am", "two", date="2025-10-09T08:00:00+07:00")
    (repo / "plans" / "new.yaml").write_text("c: 1\n")  # not committed yet
    top, dates = git_dates(repo / "plans")
    assert top == repo.resolve()
    assert dates[repo.resolve() / "plans" / "a.yaml"] == dt.date(2025, 10, 9)
    assert dates[repo.resolve() / "plans" / "x" / "Hà Tĩnh.yaml"] == dt.date(2025, 10, 1)
    new = last_changed(repo.resolve() / "plans" / "new.yaml", dates, None)
    assert new.source == "mtime"
    assert git_dates(tmp_path / "nowhere") == (None, {})


def test_without_git_the_file_date_is_clamped_to_source_date_epoch(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("a: 1\n")
    later = int(FIXED_EPOCH) + 5 * 86_400
    os.utime(path, (later, later))
    found = last_changed(path, {}, int(FIXED_EPOCH))
    assert (found.date, found.source) == (dt.date(2025, 10, 10), "mtime")
    assert last_changed(path, {}, None).date == dt.date(2025, 10, 15)  # no epoch: not clamped
    assert last_changed(tmp_path / "missing.yaml", {}, int(FIXED_EPOCH)).source == "unknown"


def test_repository_address_for_edit_links() -> None:
    def repo_url(environ: dict[str, str], extra: dict[str, Any] | None = None) -> str | None:
        return parse_settings(extra or {}, environ, project=ROOT).repo_url

    assert repo_url({}) is None  # no repository: no edit link
    assert repo_url({"GITHUB_REPOSITORY": "fork/kehoach"}) == "https://github.com/fork/kehoach"
    github = {"GITHUB_REPOSITORY": "fork/kehoach", "GITHUB_SERVER_URL": "https://ghe.example/"}
    assert repo_url(github) == "https://ghe.example/fork/kehoach"
    chosen = {"GITHUB_REPOSITORY": "fork/kehoach", "REPO_URL": "https://github.com/so/kehoach/"}
    assert repo_url(chosen) == "https://github.com/so/kehoach"
    assert repo_url({}, {"repo_url": "https://example.org/kh/"}) == "https://example.org/kh"
