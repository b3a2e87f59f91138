"""After the body: "Nơi nhận", the signing lines and the signer's name."""

from __future__ import annotations

from typing import Any

from kehoach.authoring.importer.outline import Lines


def recipients_of(lines: Lines) -> list[str]:
    """One recipient per "- " line; a line without a dash continues the one above."""
    found: list[str] = []
    for _n, text in lines[1:] if lines and lines[0][1].lower().startswith("nơi nhận") else lines:
        if text.startswith(("-", "+", "•")):
            found.append(text.lstrip("-+• ").strip())
        elif found:
            found[-1] = f"{found[-1]} {text}"
    return found


def signer_of(lines: Lines) -> dict[str, Any] | None:
    signing: list[str] = []
    name = None
    for _n, text in lines:
        if text.upper() == text and any(c.isalpha() for c in text):
            signing.append(text)
        elif _is_name(text):
            name = text
    if name is None:
        return None
    data: dict[str, Any] = {"name": name}
    if signing:
        data["lines"] = signing[:5]
    return data


def _is_name(text: str) -> bool:
    """"Nguyễn Văn Sáu": two to five capitalised words, nothing else."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(
        w[0].isupper() and w[1:].islower() and w.isalpha() for w in words
    )
