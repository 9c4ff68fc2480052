"""Comparing sources: dispute columns, two articles aligned on shared entities, and
suggested conflicts a curator has not written up yet."""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .briefing import Briefing
from .dates import PartialDate, span_between
from .figures import Figure, figures_in, statuses_in
from .model import Article, Claim, Dispute
from .quotes import paragraph_around, sentences


# -- disputes ------------------------------------------------------------------------------------

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
                "sources": self.source_count, "sides": [s.to_json() for s in self.sides]}


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


# -- two articles side by side ------------------------------------------------------------------

@dataclass
class Sentence:
    start: int
    end: int
    text: str
    figures: list[Figure] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text,
                "figures": [f.text for f in self.figures]}


@dataclass
class AlignedEntity:
    entity_id: str
    name: str
    kind: str
    left: list[Sentence]
    right: list[Sentence]


@dataclass
class ArticlePair:
    left: Article
    right: Article
    shared: list[AlignedEntity]
    only_left: list[str]
    only_right: list[str]

    def to_json(self, briefing: Briefing) -> dict:
        def name(i: str) -> dict:
            return {"id": i, "name": briefing.briefs[i].name}

        return {
            "left": {"article": self.left.id, "outlet": self.left.outlet,
                     "published": self.left.published.iso() if self.left.published else None},
            "right": {"article": self.right.id, "outlet": self.right.outlet,
                      "published": self.right.published.iso() if self.right.published else None},
            "shared": [{"entity": a.entity_id, "name": a.name, "kind": a.kind,
                        "left": [s.to_json() for s in a.left], "right": [s.to_json() for s in a.right]}
                       for a in self.shared],
            "only_left": [name(i) for i in self.only_left],
            "only_right": [name(i) for i in self.only_right],
        }


def _sentences_by_entity(briefing: Briefing, article: Article) -> dict[str, list[Sentence]]:
    spans = sentences(article.body)
    out: dict[str, list[Sentence]] = defaultdict(list)
    starts = [s for s, _ in spans]
    for mention in briefing.mentions.get(article.id, []):
        index = bisect.bisect_right(starts, mention.start) - 1
        if index < 0:
            continue
        start, end = spans[index]
        if out[mention.entity_id] and out[mention.entity_id][-1].start == start:
            continue
        text = article.body[start:end]
        out[mention.entity_id].append(Sentence(start, end, text, figures_in(text)))
    return out


def compare_articles(briefing: Briefing, left_id: str, right_id: str) -> ArticlePair:
    left, right = briefing.articles[left_id], briefing.articles[right_id]
    a, b = _sentences_by_entity(briefing, left), _sentences_by_entity(briefing, right)
    shared_ids = sorted(set(a) & set(b), key=lambda i: (briefing.briefs[i].kind != "site",
                                                        -(len(a[i]) + len(b[i])), briefing.briefs[i].name))
    shared = [AlignedEntity(i, briefing.briefs[i].name, briefing.briefs[i].kind, a[i], b[i]) for i in shared_ids]
    by_name = lambda ids: sorted(ids, key=lambda i: briefing.briefs[i].name.casefold())  # noqa: E731
    return ArticlePair(left, right, shared, by_name(set(a) - set(b)), by_name(set(b) - set(a)))


# -- suggested conflicts --------------------------------------------------------------------------

@dataclass
class Suggestion:
    entity_id: str
    left: tuple[str, Sentence]  # (article id, sentence)
    right: tuple[str, Sentence]
    reason: str
    score: float

    def key(self) -> tuple:
        return (self.left[0], self.left[1].start, self.right[0], self.right[1].start)

    def to_json(self, briefing: Briefing) -> dict:
        def side(article_id: str, sentence: Sentence) -> dict:
            article = briefing.articles[article_id]
            return {"article": article_id, "outlet": article.outlet,
                    "published": article.published.iso() if article.published else None,
                    "quote": sentence.text, "quote_start": sentence.start, "quote_end": sentence.end}

        return {"entity": self.entity_id, "reason": self.reason, "score": round(self.score, 3),
                "sides": [side(*self.left), side(*self.right)], "skeleton": self.skeleton(briefing)}

    def skeleton(self, briefing: Briefing) -> str:
        """A dispute file for the curator to paste into briefs/disputes/ and finish."""
        entity = briefing.briefs[self.entity_id]
        lines = [
            "# yaml-language-server: $schema=../../schema/dispute.schema.json",
            f"id: {self.entity_id}-REPLACE-ME",
            f"question: What do sources say about {entity.name}? (REPLACE: the question both sentences answer)",
            "kind: contradiction   # contradiction | different-measure | evolving-status | attribution-dispute | framing",
            "claims: [REPLACE-claim-a, REPLACE-claim-b]",
            "note: >",
            f"  Suggested because: {self.reason}.",
            "# Claims to add to the entity's brief (briefs/…/" + f"{entity.id}.yaml) under `claims:`",
        ]
        for tag, (article_id, sentence) in (("a", self.left), ("b", self.right)):
            quote = sentence.text.replace("\\", "\\\\").replace('"', '\\"')
            lines += [
                f"#  - id: REPLACE-claim-{tag}",
                "#    says: REPLACE",
                f"#    source: {article_id}",
                f'#    quote: "{quote}"',
            ]
        return "\n".join(lines) + "\n"


def _reviewed_spans(briefing: Briefing) -> dict[str, list[tuple[int, int, str]]]:
    """Quote spans already used by claims, per article: (start, end, claim id)."""
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for claim in briefing.claims.values():
        if claim.quote_span:
            out[claim.source].append((*claim.quote_span, claim.id))
    return out


_STOP = frozenset("""the and that this with from have has had been were was are for into over than then
they their there which while would could should about after before between during other some such
also more most said says will only under since year years last first north korea korean china
chinese russia russian""".split())


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP)


def suggest_conflicts(briefing: Briefing, limit: int = 15) -> list[Suggestion]:
    """Pairs of sentences from different articles that speak of the same specific entity and
    carry different figures of the same kind (two years, two percentages, two sums) or
    opposite status words (resumed vs suspended, opened vs unused).

    Precision over recall: entities that nearly every article mentions ('China') do not
    pair sentences on their own; a pair must also share vocabulary beyond its entities;
    pairs whose both sentences already back claims of one dispute are left out; the rest
    is ranked by how specific the shared entities are, the kind of conflict, and how
    much of it the curator has not written up yet.
    """
    n_articles = len(briefing.articles)
    if n_articles < 2:
        return []
    per_article = {aid: _sentences_by_entity(briefing, briefing.articles[aid]) for aid in briefing.articles}
    holders: dict[str, set[str]] = defaultdict(set)
    sentence_entities: dict[tuple[str, int], set[str]] = defaultdict(set)
    sentence_of: dict[tuple[str, int], Sentence] = {}
    for aid, by_entity in per_article.items():
        for entity_id, found in by_entity.items():
            holders[entity_id].add(aid)
            for sentence in found:
                sentence_entities[(aid, sentence.start)].add(entity_id)
                sentence_of[(aid, sentence.start)] = sentence
    # States are named by nearly every sentence on this border; they do not pair sentences alone.
    generic = {e for e, a in holders.items()
               if briefing.briefs[e].type in ("state", "country") or (n_articles >= 5 and len(a) / n_articles > 0.9)}
    specificity = {e: math.log(1 + n_articles / len(a)) for e, a in holders.items()}
    by_entity: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for key, entities in sentence_entities.items():
        for entity_id in entities - generic:
            by_entity[entity_id].append(key)
    reviewed = _reviewed_spans(briefing)
    disputed = _disputed_pairs(briefing)
    seen: set[tuple] = set()
    found: list[Suggestion] = []
    for entity_id, keys in by_entity.items():
        if len(keys) > 400:
            continue  # too common to pair every sentence with every other
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if a[0] == b[0]:
                    continue
                pair = (a, b) if a < b else (b, a)
                if pair in seen:
                    continue
                seen.add(pair)
                left, right = sentence_of[pair[0]], sentence_of[pair[1]]
                reason, strength = _conflict(left, right)
                if not reason:
                    continue
                words_l, words_r = _content_words(left.text), _content_words(right.text)
                similarity = len(words_l & words_r) / max(1, len(words_l | words_r))
                if similarity < 0.04:
                    continue
                left_claims = _claims_covering(reviewed[pair[0][0]], left)
                right_claims = _claims_covering(reviewed[pair[1][0]], right)
                if any(frozenset((x, y)) in disputed for x in left_claims for y in right_claims):
                    continue  # already a dispute the curator wrote
                shared = (sentence_entities[pair[0]] & sentence_entities[pair[1]]) - generic
                weight = sum(specificity[e] for e in shared)
                if any(briefing.briefs[e].kind == "site" for e in shared):
                    weight *= 1.25  # places are where sources are most checkably at odds
                covered = bool(left_claims) + bool(right_claims)
                score = weight * strength * (0.5 + similarity) * (1.0 - 0.25 * covered)
                best = max(shared, key=lambda e: specificity[e])
                found.append(Suggestion(best, (pair[0][0], left), (pair[1][0], right), reason, score))
    found.sort(key=lambda s: (-s.score, s.key()))
    return found[:limit]


def _disputed_pairs(briefing: Briefing) -> set[frozenset[str]]:
    out = set()
    for dispute in briefing.disputes.values():
        for i, x in enumerate(dispute.claim_ids):
            for y in dispute.claim_ids[i + 1:]:
                out.add(frozenset((x, y)))
    return out


def _claims_covering(spans: list[tuple[int, int, str]], sentence: Sentence) -> list[str]:
    return [claim_id for a, b, claim_id in spans if a < sentence.end and sentence.start < b]


def _conflict(left: Sentence, right: Sentence) -> tuple[str | None, float]:
    by_kind_left = defaultdict(set)
    by_kind_right = defaultdict(set)
    for f in left.figures:
        by_kind_left[f.kind].add(f.value)
    for f in right.figures:
        by_kind_right[f.kind].add(f.value)
    for kind, strength in (("percent", 1.0), ("money", 1.0), ("year", 0.8)):
        a, b = by_kind_left.get(kind), by_kind_right.get(kind)
        if a and b and a != b and not (a & b):
            shown = lambda vals: ", ".join(_fmt(kind, v) for v in sorted(vals))  # noqa: E731
            return f"different {kind} figures: {shown(a)} vs {shown(b)}", strength
    status_left = {s for _, _, s in statuses_in(left.text)}
    status_right = {s for _, _, s in statuses_in(right.text)}
    if ("open" in status_left and "closed" in status_right) or ("closed" in status_left and "open" in status_right):
        return "opposite status words (open/resumed vs closed/unused/suspended)", 0.7
    return None, 0.0


def _fmt(kind: str, value: float) -> str:
    if kind == "percent":
        return f"{value:g}%"
    if kind == "money":
        if value >= 1e9:
            return f"${value / 1e9:g} billion"
        if value >= 1e6:
            return f"${value / 1e6:g} million"
        return f"${value:,.0f}"
    return f"{value:.0f}"
