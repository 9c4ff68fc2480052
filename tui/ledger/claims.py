"""Claims get the same record as articles' figures, from their value, unit and measure."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .kinds import FigureRecord, YEAR_KINDS_RE, TRADE, classify_quantity, classify_year

if TYPE_CHECKING:
    from ..briefing import Briefing
    from ..model import Claim


_CLAIM_UNITS = {"percent": "percent", "%": "percent", "usd": "USD", "us$": "USD", "$": "USD", "cny": "CNY", "yuan": "CNY",
                "rmb": "CNY", "rub": "RUB", "krw": "KRW", "won": "KRW", "tonnes": "tonne", "tonne": "tonne", "tons": "tonne",
                "t": "tonne", "km": "km", "m": "m", "metres": "m", "year": "year", "hectares": "hectare"}


def claim_figure(briefing: "Briefing", claim: "Claim") -> FigureRecord | None:
    """A claim's value as a ledger record (None when the value is not a number)."""
    value = claim.value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    unit = _CLAIM_UNITS.get((claim.unit or "").lower(), claim.unit)
    words = f"{claim.measure or ''} {claim.says}".replace("-", " ")
    if unit == "year":
        says = claim.says
        at = says.find(str(int(value)))
        kind = classify_year(says, at, at + 4) if at >= 0 else "year"
        if kind == "year" and claim.measure:
            kind = _classify_year_words(claim.measure.replace("-", " "))
    else:
        kind = classify_quantity(words, 0, 0, unit)
        if unit == "percent" and "share" in words:
            kind = "share-of-trade" if re.search(TRADE, words, re.I) else kind
    article = briefing.articles.get(claim.source)
    start, end = claim.quote_span or (0, 0)
    return FigureRecord(f"claim:{claim.id}", claim.source, float(value), float(value), float(value), unit, None, False,
                        kind, claim.brief_id, start, end, claim.value_text(), " ".join(claim.quote.split()),
                        claim.as_of, article.published if article else None, claim.id, start, end,
                        claim.as_of is not None)


def _classify_year_words(words: str) -> str:
    for kind, pattern in YEAR_KINDS_RE:
        if pattern.search(words):
            return kind
    return "year"
