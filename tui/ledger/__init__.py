"""The figure ledger: every number in every article and claim, as a structured record.

A record says what the number is (value, or the range it allows), its unit normalised
(percent, USD, CNY, RUB, KRW, tonne, km, m, hectare, year, times, or a counted noun), its
qualifier (about, over, up to, nearly, at least, design/planned), what it measures (the
year something was built, opened or begun; a capacity, share of trade, trade value, cost,
length, width, distance, population, count), the entity it is about, its exact span, and
the date it is about, kept apart from the date the source was published.

Claims in briefs get the same record from their `value`/`unit`/`measure`, so a brief's
value and an article's figure compare like with like.

quantulum3 was evaluated for units: it reads "4 m tonnes" as metre-tonnes and "2 bn yuan"
as bit-newtons, the two forms this border's trade press uses most, so units here are a
small table of the ones that occur, in the languages that occur.

The package: `kinds` (units, qualifiers, what a figure measures, the record), `articles`
(an article's figures), `subjects` (which entity a figure is about) and `claims` (a claim's
record); `build_ledger` puts them together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from .articles import article_figures, read_figures
from .claims import claim_figure
from .kinds import (
    KIND_NAMES, QUANTITY_KINDS, TIME_SERIES_KINDS, YEAR_KIND_IDS, YEAR_KINDS, FigureRecord,
    format_value,
)

if TYPE_CHECKING:
    from ..briefing import Briefing

__all__ = ["KIND_NAMES", "QUANTITY_KINDS", "TIME_SERIES_KINDS", "YEAR_KIND_IDS", "YEAR_KINDS", "FigureRecord",
           "article_figures", "build_ledger", "claim_figure", "format_value", "read_figures"]


def build_ledger(briefing: "Briefing", articles: Iterable[str] | None = None) -> list[FigureRecord]:
    """Records for the given articles (all by default) and every numeric claim."""
    ids = list(articles) if articles is not None else list(briefing.articles)
    out: list[FigureRecord] = []
    for article_id in ids:
        article = briefing.articles.get(article_id)
        if article is not None:
            out.extend(article_figures(briefing, article))
    for claim in briefing.claims.values():
        record = claim_figure(briefing, claim)
        if record is not None:
            out.append(record)
    return out
