"""export and apply, as scripts/plan_sheet.py runs them: every refusal is a message, never a
traceback, and the plan file is either replaced whole by a valid plan or left as it was."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach.authoring.sheet import workbook, yamledit
from kehoach.authoring.sheet.readback import Edit, read_edits
from kehoach.source.catalog import REGISTRY_DIR, validate_paths
from kehoach.source.problems import Problem, errors_only
from kehoach.source.yamlread.load import load_text


class Refused(Exception):
    """Nothing was written; the lines say why and where."""

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)


@dataclass
class Applied:
    """What apply did: the edited cells (none: the file was not touched) and warnings."""

    edits: list[Edit]
    warnings: list[str] = field(default_factory=list)


def _valid_data(plan: Path) -> Any:
    """The plan's data, once the validator (as make check) finds no error in the file."""
    if not plan.is_file():
        raise Refused([f"{plan}: không có tệp kế hoạch này. (No such plan file.)"])
    if plan.resolve().parent.name == REGISTRY_DIR:
        raise Refused([f"{plan}: đây là danh mục dùng chung, không phải một kế hoạch; chọn tệp "
                       "kế hoạch, ví dụ plans/ha-tinh/2025-ngay-chuyen-doi-so.yaml. "
                       "(The registry is not a plan.)"])
    _catalog, problems = validate_paths([plan])
    errors = errors_only(problems)
    if errors:
        raise Refused(
            [str(p) for p in errors]
            + [f"{plan}: tệp kế hoạch chưa hợp lệ; sửa các lỗi trên (make check) rồi làm lại. "
               "(Fix the plan first.)"]
        )
    doc, _found = load_text(str(plan), plan.read_bytes())
    assert doc is not None  # the validator has just read it
    return doc.data


def export_plan(plan: Path, output: Path) -> None:
    book = workbook.build(_valid_data(plan), plan.name)
    _replace(output, lambda tmp: book.save(tmp))


def apply_sheet(sheet: Path, plan: Path) -> Applied:
    data = _valid_data(plan)
    edits, problems = read_edits(sheet, data, plan.name)
    if problems:
        raise Refused([str(p) for p in problems])
    if not edits:
        return Applied([])
    old, restore = _as_written(plan.read_bytes())
    new = yamledit.edited(old, edits)
    outside = yamledit.outside_change(old, new, edits)
    if outside is not None:
        raise Refused(
            [f"{plan}:{outside}:1: ghi lại sẽ làm đổi cả dòng này, ngoài các ô đã sửa (cách "
             "trình bày của tệp khác mẫu). Sửa trực tiếp trong tệp YAML. (Writing back would "
             "change this line too; edit the YAML directly.)"]
        )
    warnings: list[str] = []
    _replace(plan, lambda tmp: _write_checked(tmp, plan, restore(new), edits, warnings))
    return Applied(edits, warnings)


def _as_written(raw: bytes) -> tuple[str, Callable[[str], str]]:
    """The file's text with plain line ends, and how to give the written text back the file's
    own: a byte-order mark and Windows line ends (CRLF throughout) are kept as they were."""
    text = raw.decode("utf-8")
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text.removeprefix(bom)
    crlf = "\r\n" in text and text.count("\r\n") == text.count("\n")
    if crlf:
        text = text.replace("\r\n", "\n")
    return text, lambda new: bom + (new.replace("\n", "\r\n") if crlf else new)


def _write_checked(
    tmp: Path, plan: Path, text: str, edits: Sequence[Edit], warnings: list[str]
) -> None:
    """Write ``text`` to ``tmp`` (beside the plan, so it is checked against the same registry
    and plans) and validate it; Refused, with each problem at its cell, on any error."""
    tmp.write_bytes(text.encode("utf-8"))
    _catalog, problems = validate_paths([tmp])
    places = _cells(text, edits)
    shown = [_placed(p, places, plan) for p in problems]
    warnings.extend(line for p, line in zip(problems, shown, strict=True) if p.severity != "error")
    errors = [line for p, line in zip(problems, shown, strict=True) if p.severity == "error"]
    if errors:
        raise Refused(errors)


def _cells(text: str, edits: Sequence[Edit]) -> dict[tuple[int, int], str]:
    """(line, column) of every value and key the edits wrote → the cell it came from."""
    doc, _found = load_text("", text.encode("utf-8"))
    places: dict[tuple[int, int], str] = {}
    if doc is None:
        return places
    for edit in edits:
        prefix = ("activities", edit.index, *edit.column.path)
        for table in (doc.positions, doc.key_positions):
            for path, place in table.items():
                if path[: len(prefix)] == prefix:
                    places[place] = edit.cell
    return places


def _placed(problem: Problem, places: dict[tuple[int, int], str], plan: Path) -> str:
    cell = places.get((problem.line, problem.column))
    if cell is None:
        cell = next((c for (line, _col), c in places.items() if line == problem.line), None)
    if cell is not None:
        return f"{cell}: {problem.message}"
    return str(Problem(str(plan), problem.line, problem.column, problem.message,
                       problem.severity))


def _replace(target: Path, write: Callable[[Path], None]) -> None:
    """Write through a hidden temporary file beside ``target``, then rename it over the
    target: a failure or a refusal leaves the target as it was, never half written."""
    try:
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                        suffix=".tmp")
    except OSError as exc:
        raise Refused([f"{target}: không ghi được vào thư mục này ({exc.strerror}). "
                       "(Cannot write here.)"]) from exc
    os.close(handle)
    tmp = Path(name)
    try:
        write(tmp)
        with tmp.open("rb+") as written:
            os.fsync(written.fileno())  # on disk before the rename makes it the file
        if target.exists():
            shutil.copymode(target, tmp)
        os.replace(tmp, target)
    except OSError as exc:
        raise Refused([f"{target}: không ghi được tệp ({exc.strerror}). (Cannot write.)"]) \
            from exc
    finally:
        tmp.unlink(missing_ok=True)
