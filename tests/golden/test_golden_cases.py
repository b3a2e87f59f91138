"""Golden cases for scripts/validate.py: one small input, its exact expected output.

Each directory under tests/golden/cases/ is one case:

    plans/            a tiny plans tree (registry/ plus the file or files under test)
    expected.txt      "exit: N", the exact stdout, then "--- stderr ---" and the exact stderr
    args.txt          optional: command-line arguments, one per line (default: "plans")
    generate.txt      optional: "<path> <bytes>" lines; that file is padded with comment
                      lines to exactly that size at test time (keeps huge files out of git);
                      "<path> <bytes> value": the file's one @@FILL@@ marker is replaced by
                      one long run of "x" instead (a huge value on one line)

The case is copied to a temporary folder and validate.py runs there as a subprocess, so the
paths it prints are relative to the case folder (plans/ke-hoach.yaml:3:1: ...). The subprocess
runs under limits: LIMIT_CPU_SECONDS of processor time, LIMIT_MEMORY of address space and a
wall-clock backstop, so an input that makes the validator hang or balloon (alias expansion,
deep nesting, a huge value) fails its case instead of stalling or swapping the machine.

To rewrite expected files from the validator's current output:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/golden/test_golden_cases.py        (every case)
    UPDATE_GOLDEN=yaml-tags,file-empty .venv/bin/pytest tests/golden/...      (only those)

then read every changed expected.txt by eye before committing: a golden file records what the
validator *should* say, not merely what it says today. Each rewritten case is reported as
skipped, so such a run fails (tests/skipguard.py) until it is run again without UPDATE_GOLDEN.
"""

from __future__ import annotations

import difflib
import os
import resource
import shutil
import signal
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.plansdirs import CASES_DIR, ROOT

VALIDATE = ROOT / "scripts" / "validate.py"
EXPECTED = "expected.txt"
STDERR_MARK = "--- stderr ---\n"
# Limits, not speed tests. A case needs well under a second of processor time (mostly Python
# start-up), so 5 s only trips on a blow-up (alias expansion, runaway recursion, quadratic
# work on a huge value). The budget is processor time (RLIMIT_CPU) because wall time depends
# on what else the machine runs: with parallel builds a one-second case can take three. The
# wall-clock timeout is a backstop for a process that waits instead of computing. 1 GiB of
# address space is thirty times what the validator needs.
LIMIT_CPU_SECONDS = 5
WALL_BACKSTOP_SECONDS = 60
LIMIT_MEMORY = 1024**3
FILL_MARKER = b"@@FILL@@"
# Files that steer the driver and are not inputs of the validator.
CONTROL_FILES = {EXPECTED, "args.txt", "generate.txt"}


def _case_names() -> list[str]:
    return sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())


def _update_requested(name: str) -> bool:
    wanted = os.environ.get("UPDATE_GOLDEN", "").strip()
    if wanted in ("", "0"):
        return False
    return wanted == "1" or name in {w.strip() for w in wanted.split(",")}


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    stdout: str
    stderr: str

    def render(self) -> str:
        return f"exit: {self.exit_code}\n{self.stdout}{STDERR_MARK}{self.stderr}"


def _pad(work: Path, spec: str) -> None:
    """Grow the named files to an exact size with comment lines (still a valid plan), or
    with one long value in place of FILL_MARKER."""
    for line in spec.splitlines():
        if not line.strip():
            continue
        rel, size_text, *how = line.split()
        target, size = work / rel, int(size_text)
        data = target.read_bytes()
        if how == ["value"]:
            assert data.count(FILL_MARKER) == 1, f"{rel}: needs one {FILL_MARKER!r}"
            run = b"x" * (size - len(data) + len(FILL_MARKER))
            target.write_bytes(data.replace(FILL_MARKER, run))
            assert target.stat().st_size == size
            continue
        filler = b"# " + b"x" * 77 + b"\n"
        missing = size - len(data)
        data += filler * (missing // len(filler))
        remainder = size - len(data)
        if remainder:
            data += b"#" * (remainder - 1) + b"\n" if remainder > 1 else b"\n"
        assert len(data) == size, f"{rel}: padded to {len(data)} bytes, not {size}"
        target.write_bytes(data)


def _run_case(source: Path, work: Path) -> Outcome:
    shutil.copytree(
        source, work, ignore=lambda _dir, names: [n for n in names if n in CONTROL_FILES]
    )
    if (source / "generate.txt").exists():
        _pad(work, (source / "generate.txt").read_text(encoding="utf-8"))
    args = ["plans"]
    if (source / "args.txt").exists():
        args = [a for a in (source / "args.txt").read_text(encoding="utf-8").splitlines() if a]
    env = {
        **os.environ,
        "PYTHONUTF8": "1",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "COLUMNS": "100",  # argparse wraps its usage line to the terminal width
    }
    try:
        proc = subprocess.run(
            [sys.executable, str(VALIDATE), *args],
            cwd=work,
            env=env,
            capture_output=True,
            timeout=WALL_BACKSTOP_SECONDS,
            check=False,
            preexec_fn=_set_limits,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{source.name}: no answer within {WALL_BACKSTOP_SECONDS} s (a hang)")
    if proc.returncode == -signal.SIGXCPU:
        pytest.fail(f"{source.name}: over {LIMIT_CPU_SECONDS} s of processor time")
    return Outcome(proc.returncode, _normalise(proc.stdout, work), _normalise(proc.stderr, work))


def _set_limits() -> None:
    """In the child, before exec. Over the memory limit the validator gets a MemoryError
    (reported as an internal error, which the test refuses), not a machine brought down by
    swapping; over the processor-time limit it is stopped by SIGXCPU."""
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_MEMORY, LIMIT_MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (LIMIT_CPU_SECONDS, LIMIT_CPU_SECONDS + 1))


def _normalise(raw: bytes, work: Path) -> str:
    """Decode strictly (the validator must print UTF-8) and make paths case-relative."""
    text = raw.decode("utf-8")
    for root in {str(work.resolve()), str(work)}:
        text = text.replace(root + os.sep, "").replace(root, ".")
    return text


def _diff(name: str, actual: str, expected: str) -> str:
    lines = difflib.unified_diff(
        expected.splitlines(),
        actual.splitlines(),
        f"{name}/{EXPECTED}",
        "validate.py",
        lineterm="",
        n=1,
    )
    return "output differs from the golden file:\n" + "\n".join(lines)


@pytest.mark.parametrize("name", _case_names())
def test_golden_case(name: str, tmp_path: Path) -> None:
    source = CASES_DIR / name
    outcome = _run_case(source, tmp_path / name)

    for stream in (outcome.stdout, outcome.stderr):
        assert "Traceback" not in stream, f"{name}: the validator crashed:\n{stream}"
        assert "lỗi nội bộ" not in stream, f"{name}: internal error:\n{stream}"

    expected_file = source / EXPECTED
    actual = outcome.render()
    if _update_requested(name):
        expected_file.write_text(actual, encoding="utf-8", newline="\n")
        pytest.skip(f"{name}: {EXPECTED} rewritten; read it before committing")
    assert expected_file.exists(), f"{name}: no {EXPECTED}; run with UPDATE_GOLDEN={name}"
    expected = expected_file.read_text(encoding="utf-8")
    assert actual == expected, _diff(name, actual, expected)


def test_every_case_has_input_and_expectation() -> None:
    for name in _case_names():
        case = CASES_DIR / name
        assert (case / EXPECTED).is_file(), f"{name}: missing {EXPECTED}"
        assert (case / "plans").is_dir() or (case / "args.txt").is_file(), f"{name}: no plans/"
        first = (case / EXPECTED).read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith("exit: "), f"{name}: {EXPECTED} must start with 'exit: N'"


def test_binary_inputs_keep_their_bytes() -> None:
    """Guard against git or an editor 'fixing' the byte-exact inputs (see .gitattributes)."""
    plan = "plans/ke-hoach.yaml"
    crlf = (CASES_DIR / "accepted-crlf-bom" / plan).read_bytes()
    assert (
        crlf.startswith(b"\xef\xbb\xbf")
        and b"\r\n" in crlf
        and b"\n" not in crlf.replace(b"\r\n", b"")
    )
    assert b"\x00" in (CASES_DIR / "file-nul-byte" / plan).read_bytes()
    not_utf8 = (CASES_DIR / "file-not-utf8-windows-1258" / plan).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        not_utf8.decode("utf-8")
    nfd = (CASES_DIR / "accepted-nfd-text" / plan).read_bytes().decode("utf-8")
    assert unicodedata.normalize("NFC", nfd) != nfd
    assert (CASES_DIR / "file-empty" / plan).read_bytes() == b""
    mixed = (CASES_DIR / "accepted-mixed-nfc-nfd" / plan).read_bytes().decode("utf-8")
    lines = mixed.splitlines()
    assert any(unicodedata.normalize("NFC", line) != line for line in lines)
    assert any(not line.isascii() and unicodedata.is_normalized("NFC", line) for line in lines)
    assert (CASES_DIR / "file-utf16-le-bom" / plan).read_bytes()[:2] == b"\xff\xfe"
    assert (CASES_DIR / "file-utf16-be-bom" / plan).read_bytes()[:2] == b"\xfe\xff"
    assert (CASES_DIR / "file-utf16-le-no-bom" / plan).read_bytes()[:2] == b"#\x00"
    for name in ("file-latin-1", "file-mixed-utf8-latin1"):
        with pytest.raises(UnicodeDecodeError):
            (CASES_DIR / name / plan).read_bytes().decode("utf-8")
    assert b"\r\n" in (CASES_DIR / "crlf-error-position" / plan).read_bytes()
    cr_only = (CASES_DIR / "file-cr-only-line-endings" / plan).read_bytes()
    assert b"\r" in cr_only and b"\n" not in cr_only
    assert b"\x1b" in (CASES_DIR / "text-control-character-raw" / plan).read_bytes()


def test_the_memory_limit_is_enforced() -> None:
    """The limits the cases run under do trip: otherwise the bounds would be promises only."""
    grab = f"bytearray({2 * LIMIT_MEMORY})"
    proc = subprocess.run(
        [sys.executable, "-c", grab], capture_output=True, preexec_fn=_set_limits, check=False
    )
    assert proc.returncode != 0 and b"MemoryError" in proc.stderr


def test_the_processor_time_limit_is_enforced() -> None:
    spin = "while True: pass"
    proc = subprocess.run(
        [sys.executable, "-c", spin], capture_output=True, preexec_fn=_set_limits,
        timeout=WALL_BACKSTOP_SECONDS, check=False,
    )
    assert proc.returncode == -signal.SIGXCPU
