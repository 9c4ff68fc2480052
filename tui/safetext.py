"""Untrusted text made safe to show: every character is displayed, none is obeyed.

Articles, YAML values and queries may carry ANSI/OSC escape sequences, other control
characters, bidi overrides and zero-width characters. Rendering always goes through
rich.text.Text (never markup parsing), and these characters are first replaced, one for
one, by visible stand-ins, so nothing can move the cursor, set a title, write the
clipboard, reorder text or hide itself. One-for-one keeps character offsets valid, so
highlight spans computed on the original text still line up.
"""

from __future__ import annotations

import re

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"
_SEPARATORS = "\u2028\u2029"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\t{_BIDI}{_INVISIBLE}{_SEPARATORS}]")

BIDI_STAND_IN = "⇆"
INVISIBLE_STAND_IN = "◌"
STAND_INS = frozenset(chr(0x2400 + c) for c in range(32)) | {"\u2421", "\ufffd", BIDI_STAND_IN, INVISIBLE_STAND_IN, "↵"}


def _stand_in(match: re.Match) -> str:
    ch = match.group()
    code = ord(ch)
    if ch == "\t":
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␇ for BEL …
    if code == 0x7F:
        return "\u2421"  # ␡
    if code <= 0x9F:
        return "\ufffd"  # C1 controls (CSI, OSC … in their 8-bit form)
    if ch in _BIDI:
        return BIDI_STAND_IN
    if ch in _SEPARATORS:
        return "↵"
    return INVISIBLE_STAND_IN


def visible(text: str) -> str:
    """Same length as `text`; control, bidi and invisible characters become visible symbols."""
    if not text:
        return text
    return _UNSAFE.sub(_stand_in, text)


def unsafe_spans(text: str) -> list[tuple[int, int]]:
    """Where `visible` replaced something, so a UI can style the stand-ins."""
    return [(m.start(), m.end()) for m in _UNSAFE.finditer(text) if m.group() != "\t"]


def one_line(text: str, limit: int | None = None) -> str:
    line = " ".join(visible(text).split())
    if limit is not None and len(line) > limit:
        return line[: max(0, limit - 1)] + "…"
    return line
