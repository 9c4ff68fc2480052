"""Suggested conflicts, built on the figure ledger.

Two sources conflict when they give values that cannot both be true for the same entity
(or one it is directly related to, a bridge and its city) and the same kind of measure:
the year something was built, opened or begun; a capacity, share of trade, trade value,
cost, length, width, distance, population or area. Not a conflict: the same value, ranges
that overlap (about 3 km and 3.026 km; up to five million tonnes and 5 mln tonnes), values
dated differently for a measure that changes over time (a series), different units of
money, a design figure beside an actual one, and years that date events of no named kind
(a war, a photo caption): those are never compared.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .figures import Figure, figures_in
from .ledger import KIND_NAMES, TIME_SERIES_KINDS, FigureRecord, build_ledger

if TYPE_CHECKING:
    from .briefing import Briefing

# Distances are left out: a distance is between two places, and a record has one entity.
COMPARED_KINDS = {"year-built", "year-opened", "year-begun", "year-agreed", "capacity", "share-of-trade",
                  "share-of-exports", "trade-value", "cost", "length", "width", "population", "area"}
_SAME = 0.02  # values within 2% are the same figure, rounded


@dataclass
class Quote:
    """The sentence (or claim quote) a side's figure stands in."""

    start: int
    end: int
    text: str
    figures: list[Figure] = field(default_factory=list)


@dataclass
class Suggestion:
    entity_id: str
    left: tuple[str, Quote]  # (article id, quote)
    right: tuple[str, Quote]
    reason: str
    score: float
    kind: str = ""
    records: tuple[FigureRecord, FigureRecord] | None = None
    also: list[FigureRecord] = field(default_factory=list)  # other sources giving one of the two values

    @property
    def sources(self) -> set[str]:
        return {r.source for r in (*(self.records or ()), *self.also)}

    def key(self) -> tuple:
        return (self.left[0], self.left[1].start, self.right[0], self.right[1].start)

    def to_json(self, briefing: "Briefing") -> dict:
        def side(article_id: str, quote: Quote, record: FigureRecord | None) -> dict:
            article = briefing.articles[article_id]
            return {"article": article_id, "outlet": article.outlet,
                    "published": article.published.iso() if article.published else None,
                    "quote": quote.text, "quote_start": quote.start, "quote_end": quote.end,
                    "claim": record.claim_id if record else None,
                    "figure": record.to_json() if record else None}

        records = self.records or (None, None)
        return {"entity": self.entity_id, "measures": self.kind, "reason": self.reason, "score": round(self.score, 3),
                "sides": [side(*self.left, records[0]), side(*self.right, records[1])],
                "also": [r.to_json() for r in self.also],
                "skeleton": self.skeleton(briefing)}

    def skeleton(self, briefing: "Briefing") -> str:
        """A dispute file for the curator to paste into briefs/disputes/ and finish."""
        entity = briefing.briefs[self.entity_id]
        measure = KIND_NAMES.get(self.kind, "figure")
        records = self.records or (None, None)
        claim_ids = [r.claim_id if r and r.claim_id else f"REPLACE-claim-{tag}" for r, tag in zip(records, "ab")]
        lines = [
            "# yaml-language-server: $schema=../../schema/dispute.schema.json",
            f"id: {self.entity_id}-{self.kind or 'figure'}",
            f"question: What is the {measure} of {entity.name}?",
            "kind: contradiction   # contradiction | different-measure | evolving-status | attribution-dispute | framing",
            f"claims: [{', '.join(claim_ids)}]",
            "note: >",
            f"  Suggested because: {self.reason}.",
            "# Claims to add to the entity's brief (briefs/…/" + f"{entity.id}.yaml) under `claims:`",
        ]
        for tag, (article_id, quote), record in zip("ab", (self.left, self.right), records):
            if record and record.claim_id:
                continue
            text = quote.text.replace("\\", "\\\\").replace('"', '\\"')
            lines += [f"#  - id: REPLACE-claim-{tag}", "#    says: REPLACE", f"#    source: {article_id}",
                      f'#    quote: "{text}"']
            if record:
                lines.append(f"#    value: {record.value:g}")
                if record.unit:
                    lines.append(f"#    unit: {record.unit}")
                if record.about:
                    lines.append(f"#    as_of: {record.about.iso()}")
        return "\n".join(lines) + "\n"


_PARTS = ("bridge", "port", "crossing", "customs", "station", "market")
_WHOLES = ("city", "county", "zone")
# Measures a place and the crossing that carries its trade can share ("70% of trade flows
# through Dandong" and "80% of trade crosses this bridge"); a year built or a length cannot.
_SHARED_WITH_PARENT = {"share-of-trade", "trade-value", "capacity"}
_MAX_RATIO = 4.0  # values further apart than this measure different things (a part, the whole)


def _entities_meet(briefing: "Briefing", a: str | None, b: str | None, kind: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    if kind not in _SHARED_WITH_PARENT:
        return False
    brief_a, brief_b = briefing.briefs.get(a), briefing.briefs.get(b)
    if not (brief_a and brief_b):
        return False
    for part, whole in ((brief_a, brief_b), (brief_b, brief_a)):
        if part.type in _PARTS and whole.type in _WHOLES and whole.id in part.related:
            return True
    return False


def _overlap(a: FigureRecord, b: FigureRecord) -> bool:
    tolerance = _SAME * max(abs(a.value), abs(b.value)) if a.unit != "year" else 0.0
    return a.low - tolerance <= b.high and b.low - tolerance <= a.high


def incompatible(briefing: "Briefing", a: FigureRecord, b: FigureRecord) -> bool:
    """Whether two ledger records cannot both be true."""
    if a.article_id == b.article_id:
        return False
    if a.kind != b.kind or a.kind not in COMPARED_KINDS or a.unit != b.unit:
        return False
    if a.design != b.design:
        return False  # a plan beside an outcome: "planned opening in 2014", "will handle"
    if not _entities_meet(briefing, a.entity, b.entity, a.kind):
        return False
    if a.unit != "year" and min(abs(a.value), abs(b.value)) > 0:
        if max(abs(a.value), abs(b.value)) / min(abs(a.value), abs(b.value)) > _MAX_RATIO:
            return False
    if a.kind in TIME_SERIES_KINDS and a.dated and b.dated and a.about.year != b.about.year:
        return False  # a series: values the texts date differently
    return not _overlap(a, b)


def _quote(briefing: "Briefing", record: FigureRecord) -> Quote:
    body = briefing.articles[record.article_id].body
    start, end = record.sentence_start, record.sentence_end
    if end <= start:
        start, end = record.start, record.end
    text = body[start:end]
    return Quote(start, end, text, figures_in(text))


def _disputed_pairs(briefing: "Briefing") -> set[frozenset[str]]:
    out = set()
    for dispute in briefing.disputes.values():
        if not dispute.is_conflict:
            continue  # a framing comparison sets compatible views side by side: it settles no conflict
        for i, x in enumerate(dispute.claim_ids):
            for y in dispute.claim_ids[i + 1:]:
                out.add(frozenset((x, y)))
    return out


def _claims_covering(briefing: "Briefing", record: FigureRecord) -> set[str]:
    if record.claim_id:
        return {record.claim_id}
    return {c.id for c in briefing.claims.values()
            if c.source == record.article_id and c.quote_span and c.quote_span[0] < record.end
            and record.start < c.quote_span[1]}


def suggest_conflicts(briefing: "Briefing", limit: int = 15, ledger: list[FigureRecord] | None = None) -> list[Suggestion]:
    """Conflicts no dispute covers yet, best first: one per entity, measure and pair of values."""
    records = [r for r in (ledger if ledger is not None else build_ledger(briefing))
               if r.kind in COMPARED_KINDS and r.entity and r.article_id in briefing.articles]
    disputed = _disputed_pairs(briefing)
    by_kind: dict[tuple[str, str | None], list[FigureRecord]] = {}
    for record in records:
        by_kind.setdefault((record.kind, record.unit), []).append(record)
    best: dict[tuple, Suggestion] = {}
    for group in by_kind.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if not incompatible(briefing, a, b):
                    continue
                claims_a, claims_b = _claims_covering(briefing, a), _claims_covering(briefing, b)
                if any(frozenset((x, y)) in disputed for x in claims_a for y in claims_b):
                    continue  # the curator already wrote this dispute
                left, right = sorted((a, b), key=lambda r: (r.published.sort_key() if r.published else (9999, 0, 0),
                                                            r.article_id, r.start))
                entity = left.entity if left.entity == right.entity else _specific(briefing, left.entity, right.entity)
                score = _score(briefing, left, right)
                key = (entity, left.kind, round(left.value, 6), round(right.value, 6))
                name = briefing.briefs[entity].name
                reason = (f"{KIND_NAMES[left.kind]} of {name}: {left.shown()} ({_who(briefing, left)}) "
                          f"vs {right.shown()} ({_who(briefing, right)})")
                suggestion = Suggestion(entity, (left.article_id, _quote(briefing, left)),
                                        (right.article_id, _quote(briefing, right)), reason, score, left.kind,
                                        (left, right))
                kept = best.get(key)
                if kept is None or suggestion.score > kept.score:
                    if kept is not None:
                        suggestion.also = [r for r in (*kept.records, *kept.also)
                                           if r.source not in {left.source, right.source}]
                    best[key] = suggestion
                else:
                    kept.also += [r for r in (left, right) if r.source not in kept.sources]
    for suggestion in best.values():
        if suggestion.also:
            others = sorted({f"{r.shown()} {_who(briefing, r)}" for r in suggestion.also})
            suggestion.reason += f"; also: {'; '.join(others)}"
    found = sorted(best.values(), key=lambda s: (-s.score, s.key()))
    return found[:limit]


def _specific(briefing: "Briefing", a: str, b: str) -> str:
    """Of two related entities, the narrower one (the bridge, not its city)."""
    order = ("bridge", "port", "crossing", "customs", "station", "rail-line", "market", "zone", "city")
    rank = lambda e: order.index(briefing.briefs[e].type) if briefing.briefs[e].type in order else len(order)  # noqa: E731
    return min((a, b), key=lambda e: (rank(e), e))


def _who(briefing: "Briefing", record: FigureRecord) -> str:
    article = briefing.articles.get(record.article_id)
    outlet = (article.outlet if article and article.outlet else record.article_id)
    return f"claim {record.claim_id} from {outlet}" if record.claim_id else outlet


def _score(briefing: "Briefing", a: FigureRecord, b: FigureRecord) -> float:
    """Claims the curator already keeps weigh most (a new article contradicting a brief);
    then exact figures over qualified ones, and years built or opened over other measures."""
    score = 1.0
    score += 0.5 * (bool(a.claim_id) + bool(b.claim_id))
    score -= 0.2 * (bool(a.qualifier) + bool(b.qualifier))
    if a.entity == b.entity:
        score += 0.3
    if a.kind in ("year-built", "year-opened", "share-of-trade", "capacity"):
        score += 0.2
    return score
