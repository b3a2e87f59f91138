"""scripts/import_plan.py as a clerk runs it: the draft and its registry entries written
(atomically, never over an existing plan without --force), the review list on standard error,
and every bad input refused with a Vietnamese message, exit 1 and no traceback."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.unit.importcases import CASES, FIXTURES, KNOWN_PLANS
from tests.unit.importfiles import (
    docx_with_merged_cells,
    pdf_from_lines,
    pdf_with_table,
    pdf_without_text,
)

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "import_plan.py"
SEED = FIXTURES / "seeds" / "000_49637099dbf7d4b9.txt"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("import_plan", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


IMPORT_PLAN = _script()


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = IMPORT_PLAN.main([*args, "--plans-dir", str(KNOWN_PLANS)])
    out, err = capsys.readouterr()
    return code, out, err


def test_writes_draft_registry_entries_and_review_list(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plans" / "ha-tinh" / "xa-thach-ha" / "2025.yaml"
    code, stdout, err = run([str(SEED), "-o", str(out)], capsys)
    assert code == 0
    assert stdout == ""
    draft = out.read_text(encoding="utf-8").splitlines()
    assert draft[0].startswith("# yaml-language-server: $schema=")
    assert draft[0].endswith("schema/plan.schema.json")
    extra = out.with_name(out.name + IMPORT_PLAN.REGISTRY_SUFFIX)
    assert "documents:" in extra.read_text(encoding="utf-8")
    review = [line for line in err.splitlines() if line.startswith(f"{out}:")]
    assert review
    for line in review:
        number = int(line.split(":")[1])
        # each note is written as a comment right above the line it points to
        assert draft[number - 2].lstrip().startswith(("# KIỂM TRA:", "#   ")), line
        assert not draft[number - 1].lstrip().startswith("#"), line
    assert not list(tmp_path.rglob(".*.yaml.*")), "no temporary file left behind"


def test_standard_output_holds_draft_and_commented_registry(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, err = run([str(CASES / "references" / "input.txt")], capsys)
    assert code == 0
    assert stdout.startswith("# yaml-language-server: $schema=../../../schema/plan.schema.json\n")
    assert "# --- Mục mới cho plans/registry/registry.yaml ---" in stdout
    assert "#   - id: qd-2873-qd-bkhcn-2025" in stdout
    assert "-:" in err and "chỗ cần kiểm tra" in err


def test_existing_output_is_kept_unless_force(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ke-hoach.yaml"
    out.write_text("id: da-co\n", encoding="utf-8")
    code, _out, err = run([str(SEED), "-o", str(out)], capsys)
    assert code == 1
    assert "tệp đã có, không ghi đè" in err and "--force" in err
    assert out.read_text(encoding="utf-8") == "id: da-co\n"
    code, _out, err = run([str(SEED), "-o", str(out), "--force"], capsys)
    assert code == 0
    assert out.read_text(encoding="utf-8").startswith("# yaml-language-server")


def _big(path: Path) -> Path:
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB, sparse: no time spent writing it
    return path


def _doc(path: Path) -> Path:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    return path


BAD_INPUTS = {
    "khong-phai-ke-hoach.txt": (lambda p: _text(p, "Danh sách mua sắm\nGạo, muối, nước mắm.\n"),
                                "không giống một văn bản kế hoạch"),
    "rong.txt": (lambda p: _text(p, ""), "tệp rỗng"),
    "qua-lon.txt": (_big, "tệp quá lớn"),
    "cu.doc": (_doc, "tệp Word cũ (.doc)"),
    "ban-quet.pdf": (pdf_without_text, "cần bản có lớp chữ / OCR trước"),
    "mat-khau.pdf": (lambda p: pdf_from_lines(["KẾ HOẠCH"] * 40, p, password="bi-mat"),
                     "PDF được mã hóa"),
    "o-gop.docx": (docx_with_merged_cells, "bảng có ô gộp"),
    "o-gop.pdf": (lambda p: pdf_with_table(
        ["KẾ HOẠCH"], [["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"],
                       ["1", "Lễ phát động", "Phòng Văn hóa - Xã hội", "Công an xã", "10/10"]],
        p, span_second_row=True), "bảng có ô gộp"),
    "hong.docx": (lambda p: _text(p, "không phải zip"), "tệp .docx bị hỏng"),
    "hong.pdf": (lambda p: _text(p, "%PDF-1.4 hỏng"), "tệp PDF bị hỏng"),
    "anh.png": (lambda p: _text(p, "PNG"), "không đọc được loại tệp"),
    "anh-doi-ten.txt": (lambda p: _bytes(p, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
                        "không phải văn bản thuần"),
    "cp1258.txt": (lambda p: _bytes(p, b"K\xea ho\xb9ch\n"), "không ở bảng mã UTF-8"),
}


def _bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_refused_with_a_message(
        name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make, message = BAD_INPUTS[name]
    source = make(tmp_path / name)
    out = tmp_path / "plans" / "ke-hoach.yaml"
    out.parent.mkdir()
    out.write_text("id: ke-hoach-cu\n", encoding="utf-8")
    code, stdout, err = run([str(source), "-o", str(out), "--force"], capsys)
    assert code == 1
    assert message in err
    assert str(source) in err
    assert "Traceback" not in err and stdout == ""
    assert out.read_text(encoding="utf-8") == "id: ke-hoach-cu\n"
    assert sorted(p.name for p in out.parent.iterdir()) == ["ke-hoach.yaml"]


def test_utf16_text_from_notepad_is_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "notepad.txt"
    source.write_bytes((CASES / "header" / "input.txt").read_text(encoding="utf-8")
                       .encode("utf-16"))
    code, stdout, _err = run([str(source)], capsys)
    assert code == 0
    assert stdout == (CASES / "header" / "expected.yaml").read_text(encoding="utf-8")


def test_missing_file_and_wrong_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(["khong-co.txt"], capsys)
    assert code == 1 and "không tìm thấy tệp" in err
    code, _out, err = run([str(SEED), "--commune", "99999"], capsys)
    assert code == 1 and "không có xã, phường mã \"99999\"" in err
    code, _out, err = run([str(SEED), "--province", "42", "--commune", "26425"], capsys)
    assert code == 1 and "không thuộc tỉnh 42" in err


def test_real_process_prints_no_traceback(tmp_path: Path) -> None:
    scan = pdf_without_text(tmp_path / "scan.pdf")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, str(SCRIPT), str(scan)], capture_output=True,
                          text=True, env=env, cwd=ROOT, check=False)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "cần bản có lớp chữ / OCR trước" in done.stderr


def test_an_importer_bug_is_a_message_not_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise KeyError("units")

    monkeypatch.setattr(IMPORT_PLAN, "import_document", broken)
    out = tmp_path / "ke-hoach.yaml"
    code, stdout, err = run([str(SEED), "-o", str(out)], capsys)
    assert code == 1
    assert "bộ nhập gặp lỗi không lường trước (KeyError: 'units')" in err
    assert "Traceback" not in err and stdout == ""
    assert not out.exists()
