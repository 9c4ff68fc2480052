"""Find a phrase in one text, ignoring case and accents as search does (Sinuiju finds Sinŭiju)."""

from __future__ import annotations

from .textfold import Folded, fold

MOST_SPANS = 100_000  # a one-letter phrase in a 20 MB article: enough to page through, bounded


def find_spans(folded: Folded, phrase: str, limit: int = MOST_SPANS) -> list[tuple[int, int]]:
    """Source spans of every occurrence of `phrase` in the text `folded` was folded from."""
    key = fold(phrase.strip()).text
    if not key:
        return []
    spans: list[tuple[int, int]] = []
    found = folded.text.find(key)
    while found >= 0 and len(spans) < limit:
        spans.append(folded.source_span(found, found + len(key)))
        found = folded.text.find(key, found + len(key))
    return spans
