"""After the body: "Nơi nhận", the signing lines and the signer's name."""

from __future__ import annotations

from typing import Any

from kehoach.authoring.importer.outline import Lines


def recipients_of(lines: Lines) -> list[str]:
    """One recipient per "- " line; a line without a dash continues the one above."""
    found: list[str] = []
    texts = [t for _n, t in lines]
    if texts and texts[0].lower().startswith("nơi nhận"):
        # "Nơi nhận: - Sở …" on one line: what follows the colon is the first recipient
        first = texts[0].split(":", 1)[1].strip() if ":" in texts[0] else ""
        texts = ([first] if first else []) + texts[1:]
    for text in texts:
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
