"""kehoach.authoring.cli.run: how a clerk's command ends, never with a traceback."""

from __future__ import annotations

import pytest

from kehoach.authoring.cli import run


def _raise(error: BaseException) -> int:
    raise error


@pytest.mark.parametrize(("main", "status"), [
    (lambda: 0, 0), (lambda: 1, 1),
    (lambda: _raise(KeyboardInterrupt()), 130), (lambda: _raise(ValueError("x")), 3),
])
def test_the_exit_status(main: object, status: int, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        run(main, "lenh.py")  # type: ignore[arg-type]
    assert ended.value.code == status
    err = capsys.readouterr().err
    assert ("lenh.py: lỗi nội bộ" in err and "ValueError('x')" in err) == (status == 3)
    assert "Traceback" not in err
