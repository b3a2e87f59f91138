"""Characters a plan may not hold: invisible format characters and control characters.

Decision (README, "Các quyết định"): they are refused, with their exact place, never removed
on the clerk's behalf. Vietnamese text has no use for them, and each does harm:

- bidirectional controls (U+202E…) make text display differently from what it holds
  ("Trojan Source"): a date or a number could read one way and mean another;
- zero-width spaces, soft hyphens, word joiners, a BOM inside the text (copied from Word or
  a web page) are invisible but split words: search misses "chuyển đổi", ids look equal;
- control characters (U+0001, U+0085…) are not allowed in XML: they broke the Atom feeds;
- noncharacters (U+FFFE…) are not allowed in XML either.

Allowed: tab and line feed; U+200D ZERO WIDTH JOINER, which emoji sequences need
(👨‍👩‍👧); variation selectors (U+FE0F, in ✔️), which are not format characters anyway.
The set is every character of the categories Cc, Cf, Zl and Zp, plus the noncharacters,
minus those: tests/test_invisible.py checks it against unicodedata.
"""

from __future__ import annotations

import re
import unicodedata

# (first, last) code points, inclusive. Cf as of Unicode 15 (a superset of Python 3.11's
# Unicode 14: the extra ones are unassigned there, refused all the same).
_RANGES = (
    (0x00, 0x08),  # C0 controls before tab
    (0x0B, 0x1F),  # C0 controls after line feed (vertical tab, CR, escape…)
    (0x7F, 0x9F),  # DEL and the C1 controls (U+0085 NEXT LINE…)
    (0xAD, 0xAD),  # soft hyphen
    (0x600, 0x605),
    (0x61C, 0x61C),  # Arabic letter mark (bidirectional)
    (0x6DD, 0x6DD),
    (0x70F, 0x70F),
    (0x890, 0x891),
    (0x8E2, 0x8E2),
    (0x180E, 0x180E),
    (0x200B, 0x200C),  # zero width space, zero width non-joiner (U+200D joiner allowed)
    (0x200E, 0x200F),  # left-to-right and right-to-left marks
    (0x2028, 0x202E),  # line and paragraph separators, bidirectional embeddings/overrides
    (0x2060, 0x2064),  # word joiner, invisible operators
    (0x2066, 0x206F),  # bidirectional isolates, deprecated format characters
    (0xFDD0, 0xFDEF),  # noncharacters
    (0xFEFF, 0xFEFF),  # byte order mark / zero width no-break space, inside the text
    (0xFFF9, 0xFFFB),  # interlinear annotations
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),  # tag characters (hidden ASCII)
)
_NONCHARACTER_ENDS = tuple(
    (plane << 16 | 0xFFFE, plane << 16 | 0xFFFF) for plane in range(17)
)
_BIDI = {0x61C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def _character_class() -> re.Pattern[str]:
    ranges = (*_RANGES, *_NONCHARACTER_ENDS)
    body = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(f"[{body}]")


_REFUSED = _character_class()


def is_refused(char: str) -> bool:
    return _REFUSED.match(char) is not None


def first_refused(text: str) -> int | None:
    """Index of the first refused character of ``text``, or None."""
    # Every refused character is one str.isprintable() rejects (it rejects all of Cc, Cf,
    # Zl, Zp and unassigned code points), and that test is ten times faster than the search:
    # most values (ids, plain Vietnamese) are settled by it.
    if text.isprintable():
        return None
    found = _REFUSED.search(text)
    return found.start() if found else None


def count_refused(text: str) -> int:
    return len(_REFUSED.findall(text))


def describe(char: str) -> str:
    """"U+202E RIGHT-TO-LEFT OVERRIDE"; control characters have no Unicode name."""
    name = unicodedata.name(char, "") or (
        "CONTROL CHARACTER" if unicodedata.category(char) == "Cc" else "NONCHARACTER"
    )
    return f"U+{ord(char):04X} {name}"


def refused_message(char: str, count: int = 1) -> str:
    if ord(char) in _BIDI:
        what = (
            "ký tự điều khiển chiều viết, làm chữ hiện ra khác với nội dung thật trong tệp"
        )
    elif unicodedata.category(char) == "Cc":
        what = "ký tự điều khiển, không phải chữ (thường lẫn vào khi chép từ phần mềm khác)"
    else:
        what = "ký tự vô hình (thường lẫn vào khi chép từ Word hay trang web)"
    return (
        f"Có {what}: {describe(char)}, tại đây. Xóa ký tự này (VS Code đánh dấu nó bằng "
        "một khung nhỏ); nếu cần khoảng trắng, gõ dấu cách thường. "
        f"{_more(count)}(Invisible or control character {describe(char)} is not allowed.)"
    )


def _more(count: int) -> str:
    # One message per value: text pasted from a web page may hold dozens.
    return f"Giá trị này còn {count - 1} ký tự như vậy nữa. " if count > 1 else ""
