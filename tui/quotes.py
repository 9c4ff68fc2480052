"""Anchoring a claim's quote in its article, like a TextQuoteSelector: exact text, located."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"(?<=[.!?…”\"])\s+|\n+")
# A full stop after these does not end a sentence ("Jan. 8", "U.S. $3.2 billion", "Mt. Baekdu").
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Mt|No|Gen|Col|Sen|Rep|Gov|Prof|vs|etc|approx)"
    r"|\b[A-Z](?:\.[A-Z])*)\.$"
)


@dataclass(frozen=True)
class QuoteLocation:
    span: tuple[int, int] | None
    count: int  # how many times the exact text occurs
    error: str | None = None


def occurrences(body: str, quote: str) -> list[int]:
    starts, index = [], body.find(quote)
    while index != -1:
        starts.append(index)
        index = body.find(quote, index + 1)
    return starts


def locate_quote(body: str, quote: str, occurrence: int | None = None) -> QuoteLocation:
    starts = occurrences(body, quote)
    if not starts:
        return QuoteLocation(None, 0, "quote not found verbatim in the source article")
    if occurrence is not None:
        if occurrence > len(starts):
            return QuoteLocation(None, len(starts), f"occurrence {occurrence} asked, but the quote occurs {len(starts)} time(s)")
        start = starts[occurrence - 1]
        return QuoteLocation((start, start + len(quote)), len(starts))
    if len(starts) > 1:
        return QuoteLocation(None, len(starts), f"quote occurs {len(starts)} times in the source; lengthen it or set 'occurrence'")
    return QuoteLocation((starts[0], starts[0] + len(quote)), 1)


def sentences(body: str) -> list[tuple[int, int]]:
    """Spans of the sentences (and lines) of a body."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(body):
        if "\n" not in match.group() and _ABBREVIATIONS.search(body, max(0, match.start() - 8), match.start()):
            continue
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(body):
        spans.append((start, len(body)))
    return spans


def closest_passage(body: str, quote: str) -> str | None:
    """The passage of the body most like the quote, to show a curator what changed."""
    # Scored by how much of the quote the passage holds in runs of 4+ characters, then by
    # likeness. Likeness alone (difflib's ratio) penalises length, so a short unrelated sentence
    # beat the long one that held all but one character of the quote.
    best, best_score = None, (0.0, 0.0)
    wanted = quote.lower()
    for start, end in sentences(body):
        sentence = body[start:end]
        matcher = difflib.SequenceMatcher(None, wanted, sentence.lower(), autojunk=False)
        held = sum(block.size for block in matcher.get_matching_blocks() if block.size >= 4)
        score = (held / max(1, len(wanted)), matcher.ratio())
        if score > best_score:
            best, best_score = sentence, score
    return best if best_score[0] >= 0.5 else None


def paragraph_around(body: str, span: tuple[int, int]) -> tuple[int, int]:
    """The paragraph (blank-line or line delimited) holding a span."""
    start = body.rfind("\n", 0, span[0]) + 1
    end = body.find("\n", span[1])
    return start, len(body) if end == -1 else end
