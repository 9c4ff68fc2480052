"""A comparison laid out as one column per source: which columns, which aligned rows, and each
source's paragraphs shown once with every quoted span in them marked.

A source (article) may give several claims in one dispute; they stack in its column in the
order of their `as_of` (then of their place in the article), and row i of every column holds
each source's i-th claim, so values and dates line up across columns. The paragraphs that hold
the quotes come after the rows, each paragraph once however many of its spans are quoted."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..briefing import Briefing
from ..dates import PartialDate, span_between
from ..model import Article
from ..quotes import paragraph_around
from ..suggest import Suggestion
from .disputes import DisputeComparison, Side

COLUMN_MIN_WIDTH = 26  # narrower than this a paragraph reads as a word list
STACK_BELOW = 70  # terminal columns under which sources stack one under another


@dataclass(frozen=True)
class Passage:
    """A paragraph of a source, with the spans in it that are marked (offsets into `text`)."""

    start: int  # offset of the paragraph in the article body
    text: str
    marks: tuple[tuple[int, int], ...]


@dataclass
class SourceColumn:
    """One source's column: its heading and its claims (rows) and the paragraphs they quote."""

    article_id: str
    article: Article | None
    sides: list[Side] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    opens_at: tuple[int, int] | None = None  # where enter on the column opens the article
    gap: str | None = None  # time since the previous column's source was published

    @property
    def outlet(self) -> str | None:
        return self.article.outlet if self.article else None

    @property
    def heading(self) -> str:
        """Outlet when known, else the article's title (never "outlet unknown" alone)."""
        if self.article is None:
            return self.article_id
        return self.article.outlet or self.article.title or self.article_id

    @property
    def published(self) -> PartialDate | None:
        return self.article.published if self.article else None

    @property
    def differs(self) -> bool:
        return any(side.differs for side in self.sides)


@dataclass
class ColumnLayout:
    columns: list[SourceColumn]

    @property
    def rows(self) -> int:
        """How many claim rows the columns share (the most claims one source gives)."""
        return max((len(c.sides) for c in self.columns), default=0)

    def row(self, index: int) -> list[Side | None]:
        """The index-th claim of every column (None where a source gives fewer)."""
        return [c.sides[index] if index < len(c.sides) else None for c in self.columns]


def dispute_columns(comparison: DisputeComparison) -> ColumnLayout:
    """One column per source, in the order the comparison's sides first name them
    (publication order)."""
    by_source: dict[str, SourceColumn] = {}
    for side in comparison.sides:
        column = by_source.setdefault(side.claim.source, SourceColumn(side.claim.source, side.article))
        column.sides.append(side)
    for column in by_source.values():
        column.sides.sort(key=_claim_order)
        column.passages = _passages(column.article, [s.claim.quote_span for s in column.sides])
        column.opens_at = next((s.claim.quote_span for s in column.sides if s.claim.quote_span), None)
    columns = list(by_source.values())
    for previous, column in zip(columns, columns[1:]):
        if previous.published and column.published:
            column.gap = span_between(previous.published, column.published)
    return ColumnLayout(columns)


def suggestion_columns(briefing: Briefing, suggestion: Suggestion) -> ColumnLayout:
    """The two sentences of a suggested conflict as two columns, each sentence marked in its
    paragraph."""
    columns = []
    for article_id, quote in (suggestion.left, suggestion.right):
        article = briefing.articles.get(article_id)
        span = (quote.start, quote.end)
        columns.append(SourceColumn(article_id, article, passages=_passages(article, [span]), opens_at=span))
    return ColumnLayout(columns)


def columns_that_fit(width: int, count: int) -> int:
    """How many source columns fit side by side in `width` cells (at least one)."""
    return max(1, min(count, width // COLUMN_MIN_WIDTH))


def stacks(terminal_width: int) -> bool:
    """Sources go one under another, not side by side, on a terminal this narrow."""
    return terminal_width < STACK_BELOW


def window(count: int, fit: int, cursor: int, first: int) -> int:
    """The first visible column once `cursor` must be visible in a window of `fit` columns
    that started at `first`: the window moves only as far as it must."""
    fit = max(1, fit)
    first = min(max(0, first), max(0, count - fit))
    if cursor < first:
        return cursor
    if cursor >= first + fit:
        return cursor - fit + 1
    return first


def window_hint(count: int, fit: int, first: int) -> str:
    """"2–3 of 7" when not every column is visible; empty when all are."""
    if count <= fit:
        return ""
    last = min(count, first + fit)
    shown = f"{first + 1}" if last == first + 1 else f"{first + 1}–{last}"
    return f"{shown} of {count}"


def _claim_order(side: Side) -> tuple:
    claim = side.claim
    return (claim.as_of.sort_key() if claim.as_of else (9999, 0, 0),
            claim.quote_span[0] if claim.quote_span else 0)


def _passages(article: Article | None, spans: list[tuple[int, int] | None]) -> list[Passage]:
    """The paragraphs holding the spans, in article order, each once with all its spans."""
    if article is None:
        return []
    paragraphs: dict[tuple[int, int], set[tuple[int, int]]] = {}
    for span in spans:
        if span is None:
            continue
        paragraphs.setdefault(paragraph_around(article.body, span), set()).add(span)
    passages = []
    for (start, end), marked in sorted(paragraphs.items()):
        marks = tuple(sorted((max(0, s - start), min(end, e) - start) for s, e in marked))
        passages.append(Passage(start, article.body[start:end], marks))
    return passages


def source_count_text(count: int) -> str:
    return f"{count} source" if count == 1 else f"{count} sources"


def claim_count_text(count: int) -> str:
    return f"{count} claim" if count == 1 else f"{count} claims"
