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
# Characters that draw nothing (or a blank the width of a letter) yet are not white space:
# soft hyphen, zero-width ones, the Mongolian vowel separator, the combining grapheme
# joiner, Hangul fillers, variation selectors, interlinear annotation marks, and the tag
# characters (U+E0000–E007F) that can spell a hidden message. Each is shown as ◌.
_INVISIBLE = ("\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b\u200c\u200d\u2060-\u2064\u3164"
              "\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e007f\U000e0100-\U000e01ef")
_SEPARATORS = "\u2028\u2029"
# A lone surrogate (YAML reads the escape \\ud800 as one) cannot even be encoded to UTF-8: shown as �.
_SURROGATES = "\ud800-\udfff"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\t{_BIDI}{_INVISIBLE}{_SEPARATORS}{_SURROGATES}]")
# For JSON: the same characters except tab, written as \uXXXX escapes (lossless, and
# nothing reaches a terminal that `cat`s the file).
_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f{_BIDI}{_INVISIBLE}{_SEPARATORS}{_SURROGATES}]")

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
    if code <= 0x9F or 0xD800 <= code <= 0xDFFF:
        return "\ufffd"  # C1 controls (CSI, OSC … in their 8-bit form), lone surrogates
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


def json_safe(dumped: str) -> str:
    """JSON text (from json.dumps, ensure_ascii=False) with every control, bidi and invisible
    character inside its strings escaped as a \\u escape: the same data, nothing raw."""
    return _UNSAFE_IN_JSON.sub(_json_escape, dumped)


def _json_escape(match: re.Match) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # outside the BMP: a surrogate pair, as JSON spells it
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def unsafe_spans(text: str) -> list[tuple[int, int]]:
    """Where `visible` replaced something, so a UI can style the stand-ins."""
    return [(m.start(), m.end()) for m in _UNSAFE.finditer(text) if m.group() != "\t"]


def one_line(text: str, limit: int | None = None) -> str:
    line = " ".join(visible(text).split())
    if limit is not None and len(line) > limit:
        return line[: max(0, limit - 1)] + "…"
    return line
