"""Whether a plain query's words all occur in a short text, as the index would match them
(the same analyzer: stemmed, accent-folded, stop words dropped). For what is not indexed
but should answer a search, such as dispute questions."""

from __future__ import annotations

import re

from .analysis import text_analyzer

_SYNTAX = re.compile(r'[:*?"()\[\]{}^~]|\b(AND|OR|NOT|TO)\b|(^|\s)[-+]')
_ANALYZER = text_analyzer()


def is_plain(query: str) -> bool:
    """Only words: no fields, wildcards, phrases, operators or grouping."""
    return bool(query.strip()) and not _SYNTAX.search(query)


def _stems(text: str) -> set[str]:
    return {token.text for token in _ANALYZER(text)}


def all_words_in(query: str, text: str) -> bool:
    """Every word of the plain `query` is in `text` (False for a query that is not plain,
    or whose words are all stop words)."""
    if not is_plain(query):
        return False
    wanted = _stems(query)
    return bool(wanted) and wanted <= _stems(text)
