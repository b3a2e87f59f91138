"""A pytest plugin: a run in which any test was skipped (or xfailed) fails, naming each one.

A skipped test proves nothing while the run looks green: a missing browser, tool or file must
be a failure, never a skip. tests/conftest.py registers this plugin for the whole suite;
tests/unit/test_skipguard.py runs pytest on small files that skip and checks the run fails.
"""

from __future__ import annotations

import pytest


class SkipGuard:
    """Collects every skipped test or collector; turns a passing run into a failing one."""

    def __init__(self) -> None:
        self.skipped: list[str] = []

    def _record(self, report: pytest.CollectReport | pytest.TestReport) -> None:
        if not report.skipped:
            return
        reason = getattr(report, "wasxfail", None)
        if reason is not None:
            reason = f"xfail {reason}".strip()
        elif isinstance(report.longrepr, tuple):
            reason = report.longrepr[2]
        else:
            reason = str(report.longrepr)
        self.skipped.append(f"{report.nodeid}: {reason}")

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self._record(report)

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        self._record(report)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        # "No tests collected" too: every test of the run may have been skipped with its module.
        passed = (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED)
        if self.skipped and session.exitstatus in passed:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if self.skipped:
            terminalreporter.section("skipped tests fail the run (tests/skipguard.py)", red=True)
            for line in self.skipped:
                terminalreporter.write_line(line)


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(SkipGuard(), "kehoach-skipguard")
