"""A dispute's sources side by side: one column per claim, in publication order, each quote
in its paragraph, with the values that differ and the time between publications."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..briefing import Briefing
from ..dates import PartialDate, span_between
from ..model import Article, Claim, Dispute
from ..quotes import paragraph_around


@dataclass
class Side:
    """One source's answer to a dispute's question."""

    claim: Claim
    article: Article | None
    paragraph: tuple[int, int] | None  # span of the paragraph holding the quote
    differs: bool = False  # its value differs from another side's
    gap: str | None = None  # time since the previous side was published

    @property
    def published(self) -> PartialDate | None:
        return self.article.published if self.article else None

    def to_json(self) -> dict:
        claim, article = self.claim, self.article
        return {
            "article": claim.source,
            "outlet": article.outlet if article else None,
            "published": article.published.iso() if article and article.published else None,
            "claim": claim.id,
            "brief": claim.brief_id,
            "says": claim.says,
            "value": claim.value,
            "unit": claim.unit,
            "as_of": claim.as_of.iso() if claim.as_of else None,
            "quote": claim.quote,
            "quote_start": claim.quote_span[0] if claim.quote_span else None,
            "quote_end": claim.quote_span[1] if claim.quote_span else None,
            "differs": self.differs,
            "since_previous": self.gap,
        }


@dataclass
class DisputeComparison:
    dispute: Dispute
    sides: list[Side]

    @property
    def source_count(self) -> int:
        return len({s.claim.source for s in self.sides})

    def to_json(self) -> dict:
        d = self.dispute
        return {"id": d.id, "question": d.question, "kind": d.kind, "note": d.note,
                "internal": d.internal, "conflict": d.is_conflict, "sources": self.source_count,
                "sides": [s.to_json() for s in self.sides]}


def compare_dispute(briefing: Briefing, dispute: Dispute) -> DisputeComparison:
    sides = []
    for claim_id in dispute.claim_ids:
        claim = briefing.claims.get(claim_id)
        if claim is None:
            continue
        article = briefing.articles.get(claim.source)
        paragraph = paragraph_around(article.body, claim.quote_span) if article and claim.quote_span else None
        sides.append(Side(claim, article, paragraph))
    sides.sort(key=lambda s: ((s.published.sort_key() if s.published else (9999, 0, 0)),
                              s.claim.as_of.sort_key() if s.claim.as_of else (0, 0, 0)))
    # A side differs when its value is not the one most sources give (all differ when no
    # value is shared by two sources).
    counts = Counter(_value_key(s.claim) for s in sides if s.claim.value is not None)
    if len(counts) > 1:
        (mode, mode_count), = counts.most_common(1)
        for side in sides:
            if side.claim.value is not None:
                side.differs = mode_count == 1 or _value_key(side.claim) != mode
    for previous, side in zip(sides, sides[1:]):
        if previous.published and side.published:
            side.gap = span_between(previous.published, side.published)
    return DisputeComparison(dispute, sides)


def _value_key(claim: Claim) -> str:
    value = claim.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value} {claim.unit or ''}".strip().lower()


def disputes_for(briefing: Briefing, entity: str | None = None, text: str = "") -> list[DisputeComparison]:
    """Disputes, optionally only those touching an entity and/or matching typed text."""
    out = []
    needle = text.casefold().strip()
    for dispute in briefing.disputes.values():
        comparison = compare_dispute(briefing, dispute)
        if entity and entity not in dispute.entities and not _mentions_entity(briefing, comparison, entity):
            continue
        if needle and needle not in f"{dispute.question} {dispute.kind} {dispute.note} {dispute.id}".casefold():
            continue
        out.append(comparison)
    return out


def _mentions_entity(briefing: Briefing, comparison: DisputeComparison, entity: str) -> bool:
    for side in comparison.sides:
        if side.claim.brief_id == entity:
            return True
        if any(m.entity_id == entity for m in briefing.matcher.find(side.claim.quote)):
            return True
    return False
