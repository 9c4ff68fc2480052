"""Words as the index keeps them (the same analyzer: stemmed, accent-folded, stop words
dropped), to match a plain query against short texts the index does not hold, such as
dispute questions: their stems are taken once, and each query's compared with them."""

from __future__ import annotations

import re

from .analysis import text_analyzer

_SYNTAX = re.compile(r'[:*?"()\[\]{}^~]|\b(AND|OR|NOT|TO)\b|(^|\s)[-+]')
_ANALYZER = text_analyzer()


def is_plain(query: str) -> bool:
    """Only words: no fields, wildcards, phrases, operators or grouping."""
    return bool(query.strip()) and not _SYNTAX.search(query)


def stems_of(text: str) -> frozenset[str]:
    """The words of `text` as the index keeps them."""
    return frozenset(token.text for token in _ANALYZER(text))

