"""How the clerks' commands end: a clerk never sees a traceback.

``run(main, name)`` runs a command's ``main`` and exits with its status: 130 on Ctrl-C, and 3
with one line asking to tell the maintainers when something unexpected went wrong.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import NoReturn


def run(main: Callable[[], int], name: str) -> NoReturn:
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a clerk must never see a traceback
        print(f"{name}: lỗi nội bộ, xin báo cho người bảo trì (internal error): {exc!r}",
              file=sys.stderr)
        sys.exit(3)
