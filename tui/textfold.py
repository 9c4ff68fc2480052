"""Folding text for matching: case, accents, dashes and apostrophes.

Folding is one character for one character, so offsets in the folded text are offsets in
the source: a match found in folded text is a span of the article as it stands. It runs
through `str.translate` with a table filled lazily, so a 20 MB article folds in well
under a second. A character whose fold is not a single character (ß → ss, ﬁ → fi) is
only lower-cased. Decomposed text (a letter followed by a combining accent, rare in
practice) takes a slower path that drops the marks and keeps a map back to the source.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_APOSTROPHES = "\u2018\u2019\u02bc\u02bb\u0060\u00b4\u2032\uff07"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\uff02"
COMBINING_STAND_IN = "\u00b7"  # a non-word character: never part of a token


def _fold_char(ch: str) -> str:
    if ch in _DASHES:
        return "-"
    if ch in _APOSTROPHES:
        return "'"
    if ch in _DOUBLE_QUOTES:
        return '"'
    if unicodedata.combining(ch):
        return COMBINING_STAND_IN
    decomposed = unicodedata.normalize("NFKD", ch)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    if len(kept) == 1:
        return kept
    lowered = ch.lower()
    return lowered if len(lowered) == 1 else ch


class _FoldTable(dict):
    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()
_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")


@dataclass(frozen=True)
class Folded:
    text: str
    origin: tuple[int, ...] | None = None  # source offset of each folded char; None: the same

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Span in the source of folded[start:end]."""
        if self.origin is None:
            return start, end
        return self.origin[start], (self.origin[end - 1] + 1 if end > start else self.origin[start])


def fold(text: str) -> Folded:
    """Fold text for matching (same length as `text` unless it holds combining marks)."""
    if text.isascii():
        return Folded(text.lower())
    # A mapping translate looks every character up in Python's slow path; most text is
    # ASCII with a few curly quotes or dashes, so only the non-ASCII runs go through it.
    folded = "".join([run.lower() if run.isascii() else run.translate(_TABLE) for run in _RUNS.findall(text)])
    if COMBINING_STAND_IN not in folded or not any(unicodedata.combining(c) for c in text):
        return Folded(folded)
    keep = [i for i, c in enumerate(folded) if not (c == COMBINING_STAND_IN and unicodedata.combining(text[i]))]
    return Folded("".join(folded[i] for i in keep), tuple(keep))


def fold_key(text: str) -> str:
    """Folded form for comparing names (aliases, ids): trimmed, white space collapsed."""
    return " ".join(fold(text).text.split())


_WORD_CHAR = re.compile(r"\w")


class _WordsApartTable(dict):
    r"""str.translate table: a character `\w` does not match becomes a space."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        kept = char if _WORD_CHAR.match(char) else " "
        self[code] = kept
        return kept


_APART = _WordsApartTable()
_APART_ASCII = {code: _APART[code] for code in range(128)}  # a plain dict: translate's fast path


def words_apart(text: str) -> str:
    r"""`text` with every character that is not part of a word (`\w`) as a space, same
    length: `.split(" ")` then gives the words of `\w+` in order, at offsets one can count."""
    if text.isascii():
        return text.translate(_APART_ASCII)
    return "".join([run.translate(_APART_ASCII) if run.isascii() else run.translate(_APART) for run in _RUNS.findall(text)])
