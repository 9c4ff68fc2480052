"""Comparing sources: dispute columns (disputes.py) and two articles aligned on shared
entities (pairs.py). Suggested conflicts are built on the figure ledger (tui/suggest.py) and
re-exported here for the CLI and the app."""

from ..suggest import Suggestion, suggest_conflicts
from .disputes import DisputeComparison, Side, compare_dispute, disputes_for
from .pairs import AlignedEntity, ArticlePair, Sentence, compare_articles

__all__ = [
    "AlignedEntity", "ArticlePair", "DisputeComparison", "Sentence", "Side", "Suggestion", "compare_articles",
    "compare_dispute", "disputes_for", "suggest_conflicts",
]
