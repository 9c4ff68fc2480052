"""Comparing sources: dispute sides (disputes.py), laid out one column per source
(columns.py), and two articles aligned on shared entities (pairs.py). Suggested conflicts are
built on the figure ledger (tui/suggest.py) and re-exported here for the CLI and the app."""

from ..suggest import Suggestion, suggest_conflicts
from .columns import (ColumnLayout, Passage, SourceColumn, claim_count_text, columns_that_fit, dispute_columns,
                      source_count_text, stacks, suggestion_columns, window, window_hint)
from .disputes import DisputeComparison, Side, compare_dispute, disputes_for
from .pairs import AlignedEntity, ArticlePair, Sentence, compare_articles

__all__ = [
    "ColumnLayout", "Passage", "SourceColumn", "claim_count_text", "columns_that_fit", "dispute_columns",
    "source_count_text", "stacks", "suggestion_columns", "window", "window_hint",
    "AlignedEntity", "ArticlePair", "DisputeComparison", "Sentence", "Side", "Suggestion", "compare_articles",
    "compare_dispute", "disputes_for", "suggest_conflicts",
]
