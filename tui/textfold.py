"""Folding text for matching: case, accents, dashes, apostrophes and white space.

`fold()` returns the folded string *and* a map from each folded character back to its
offset in the original, so a match found in folded text becomes a span in the article.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_APOSTROPHES = "\u2018\u2019\u02bc\u02bb\u0060\u00b4\u2032\uff07"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\uff02"
_CHAR_MAP = {
    **{c: "-" for c in _DASHES},
    **{c: "'" for c in _APOSTROPHES},
    **{c: '"' for c in _DOUBLE_QUOTES},
}


@dataclass(frozen=True)
class Folded:
    text: str
    origin: tuple[int, ...]  # origin[i] = offset in the source of folded char i; len+1 entries

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Span in the source text for folded[start:end]."""
        return self.origin[start], self.origin[end - 1] + 1 if end > start else self.origin[start]


def fold_char(ch: str) -> str:
    if ch in _CHAR_MAP:
        return _CHAR_MAP[ch]
    if ch.isspace():
        return " "
    decomposed = unicodedata.normalize("NFKD", ch)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return kept.casefold()


def fold(text: str) -> Folded:
    """Fold text for matching. Runs of white space become one space."""
    out: list[str] = []
    origin: list[int] = []
    previous_space = False
    for index, ch in enumerate(text):
        folded = fold_char(ch)
        if folded == " ":
            if previous_space:
                continue
            previous_space = True
        else:
            previous_space = False
        for piece in folded:
            out.append(piece)
            origin.append(index)
    origin.append(len(text))
    return Folded("".join(out), tuple(origin))


def fold_key(text: str) -> str:
    """Folded form for comparing names (aliases, ids): also trims."""
    return fold(text.strip()).text
