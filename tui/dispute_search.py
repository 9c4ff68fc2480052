"""Disputes answer a search too: a plain query whose words are all in a dispute's question
or in the name of a measure its claims quantify ("trade share"). Not its note nor what its
claims say: those would make every dispute about trade answer "trade bridge"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .measures import measure_title
from .briefing import per_briefing
from .search import Hit, is_plain, stems_of

if TYPE_CHECKING:
    from .briefing import Briefing
    from .model import Dispute


def dispute_text(briefing: "Briefing", dispute: "Dispute") -> str:
    parts = [dispute.question]
    for claim_id in dispute.claim_ids:
        claim = briefing.claims.get(claim_id)
        if claim is not None and claim.measure:
            parts.append(measure_title(claim.measure))
    return "\n".join(parts)


def dispute_hits(briefing: "Briefing", query: str, entity: str | None = None) -> list[Hit]:
    """The disputes a plain query finds (of `entity`, if given), ordered by id."""
    if not is_plain(query):
        return []
    wanted = stems_of(query)
    if not wanted:
        return []  # only stop words
    hits = []
    stems = _dispute_stems(briefing)
    for dispute in sorted(briefing.disputes.values(), key=lambda d: d.id):
        if entity is not None and entity not in _entities_of(briefing, dispute):
            continue
        if wanted <= stems[dispute.id]:
            hits.append(Hit(doc_id=dispute.id, kind="dispute", article_id="", title=dispute.question,
                            outlet=None, published=None, score=0.0))
    return hits


@per_briefing
def _dispute_stems(briefing: "Briefing") -> dict[str, frozenset[str]]:
    """Each dispute's searchable words, taken once per load (a search asks at every keystroke)."""
    return {dispute.id: stems_of(dispute_text(briefing, dispute)) for dispute in briefing.disputes.values()}


def _entities_of(briefing: "Briefing", dispute: "Dispute") -> set[str]:
    """The entities a dispute is about: those it names, and the briefs its claims are in."""
    return set(dispute.entities) | {briefing.claims[c].brief_id for c in dispute.claim_ids if c in briefing.claims}
