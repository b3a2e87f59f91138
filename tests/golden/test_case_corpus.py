"""The golden-case corpus itself: every class of hostile or broken input of the "Hardening"
issue has cases, and each case's name says its documented outcome."""

from __future__ import annotations

import pytest

from tests.golden.test_golden_cases import CASES_DIR, EXPECTED, _case_names

# Every class of hostile or broken input of the "Hardening" issue, and cases that show it.
COVERAGE = {
    "malformed YAML": ["yaml-syntax-error-colon", "yaml-syntax-error-unclosed-bracket"],
    "wrong encodings": ["file-not-utf8-windows-1258", "file-utf16-le-bom",
                        "file-utf16-be-bom", "file-utf16-le-no-bom", "file-latin-1",
                        "file-mixed-utf8-latin1"],
    "NUL bytes": ["file-nul-byte"],
    "BOM": ["accepted-crlf-bom", "text-bom-inside-value"],
    "CRLF and CR": ["accepted-crlf-bom", "crlf-error-position", "file-cr-only-line-endings"],
    "tabs": ["yaml-tab-indentation", "accepted-tabs-in-values"],
    "huge files and values": ["file-too-large", "file-huge-1mb-value", "text-very-long-line",
                              "id-very-long-value", "schema-too-many-items"],
    "alias bombs": ["yaml-alias-bomb"],
    "deep nesting": ["yaml-deep-nesting", "yaml-deep-nesting-100k"],
    "duplicate keys": ["yaml-duplicate-key-top-level", "yaml-duplicate-key-nested"],
    "duplicate ids": ["id-duplicate-plan", "id-duplicate-unit", "id-duplicate-registry"],
    "YAML 1.1 traps": ["trap-yes-no-on-off", "trap-octal-010", "trap-sexagesimal-1-30",
                       "trap-hex-underscore-infinity"],
    "impossible dates": ["date-31-february", "date-day-or-month-zero", "date-registry-31-june"],
    "dangling references": ["ref-unknown-unit", "ref-unknown-resource",
                            "ref-unknown-footnote-activity"],
    "unknown fields": ["schema-unknown-field"],
    "HTML and script in text (accepted)": ["accepted-html-in-every-text-field"],
    "javascript: and data: links": ["link-markdown-not-http", "link-markdown-obfuscated",
                                    "link-markdown-control-char-prefix",
                                    "link-registry-url-not-http",
                                    "link-registry-url-obfuscated", "accepted-links-allowed"],
    "links without https:// (broken on the site)": ["link-markdown-relative"],
    "path traversal in ids": ["id-path-traversal-plan", "id-path-traversal-activity-and-unit",
                              "id-path-traversal-registry", "accepted-odd-file-name"],
    "NFC/NFD": ["accepted-nfd-text", "accepted-mixed-nfc-nfd"],
    "emoji (accepted)": ["accepted-emoji"],
    "zero-width and bidi": ["text-zero-width-and-soft-hyphen", "text-bidi-override"],
    "control characters": ["text-control-characters-escaped", "text-control-character-raw"],
    "keys that are numbers or null": ["schema-keys-number-null-empty"],
    "empty required text": ["schema-empty-required-text", "schema-missing-required-field"],
    "files not read": ["accepted-warning-file-wrong-extension"],
}


@pytest.mark.parametrize("kind", sorted(COVERAGE))
def test_every_input_class_has_cases(kind: str) -> None:
    names = set(_case_names())
    missing = [name for name in COVERAGE[kind] if name not in names]
    assert not missing, f"{kind}: no case folder {missing}"


def test_accepted_cases_exit_0_and_the_others_exit_1() -> None:
    """The name says the outcome: accepted-* is legitimate input, anything else is refused
    (usage-* cases test the command line, with exit 2)."""
    for name in _case_names():
        first = (CASES_DIR / name / EXPECTED).read_text(encoding="utf-8").split("\n", 1)[0]
        if name.startswith("accepted-"):
            assert first == "exit: 0", name
        elif not name.startswith("usage-"):
            assert first == "exit: 1", name
