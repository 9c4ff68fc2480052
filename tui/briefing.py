"""A loaded workspace with its entity mentions: what both the CLI and the app read from.

Workspace → EntityMatcher → (mentions, search documents) → SearchIndex. Computed once per
load; the app reloads by building a new Briefing.

A Briefing is loaded data. The analyses over it (tui/coverage.py, geo.py, timeline.py,
measures.py, compare/) live above it and import it, never the other way round; those
worth keeping for the life of a load memoise themselves on it with `per_briefing`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property, wraps
from pathlib import Path
from typing import Any, Callable, TypeVar

from .entities import EntityMatcher, Mention
from .model import Article, Brief, Claim, Dispute
from .search.documents import SearchDocument
from .workspace import Workspace

T = TypeVar("T")


@dataclass
class Briefing:
    workspace: Workspace
    matcher: EntityMatcher
    mentions: dict[str, list[Mention]] = field(default_factory=dict)  # article id -> mentions in body
    title_mentions: dict[str, list[Mention]] = field(default_factory=dict)
    # What `per_briefing` analyses computed from this load, by analysis name.
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, root: Path) -> "Briefing":
        """Load a workspace and find its mentions. tui/loadcache.py's load_briefing gives the
        same result through a cache of parsed articles, fast when files are unchanged."""
        workspace = Workspace.load(root)
        matcher = EntityMatcher(workspace.briefs.values())
        briefing = cls(workspace, matcher)
        for article in workspace.articles.values():
            briefing.mentions[article.id] = matcher.find(article.body)
            briefing.title_mentions[article.id] = matcher.find(article.title)
        return briefing

    # -- shortcuts -------------------------------------------------------------------------
    @property
    def root(self) -> Path:
        return self.workspace.root

    @property
    def articles(self) -> dict[str, Article]:
        return self.workspace.articles

    @property
    def briefs(self) -> dict[str, Brief]:
        return self.workspace.briefs

    @property
    def disputes(self) -> dict[str, Dispute]:
        return self.workspace.disputes

    @cached_property
    def claims(self) -> dict[str, Claim]:
        return self.workspace.claims

    # -- entities --------------------------------------------------------------------------
    def entity_ids(self, article_id: str) -> set[str]:
        if hasattr(self.mentions, "entity_ids") and hasattr(self.title_mentions, "entity_ids"):
            # Compact mentions (from the load cache) know their entities without Mention objects.
            return self.mentions.entity_ids(article_id) | self.title_mentions.entity_ids(article_id)
        found = self.mentions.get(article_id, []) + self.title_mentions.get(article_id, [])
        return {m.entity_id for m in found}

    @cached_property
    def mention_counts(self) -> Counter[str]:
        """Entity id -> mentions across the corpus."""
        counts: Counter[str] = Counter()
        for mentions in self.mentions.values():
            counts.update(m.entity_id for m in mentions)
        return counts

    @cached_property
    def articles_by_entity(self) -> dict[str, list[str]]:
        """Entity id -> ids of the articles that mention it (title or body), newest first."""
        out: dict[str, list[str]] = defaultdict(list)
        for article in self.workspace.articles_newest_first():
            for entity_id in sorted(self.entity_ids(article.id)):
                out[entity_id].append(article.id)
        return dict(out)

    def claims_from(self, article_id: str) -> list[Claim]:
        return [c for c in self.claims.values() if c.source == article_id]

    def disputes_with(self, claim_or_entity_id: str) -> list[Dispute]:
        out = []
        for dispute in self.disputes.values():
            claims = [self.claims.get(cid) for cid in dispute.claim_ids]
            if claim_or_entity_id in dispute.claim_ids or claim_or_entity_id in dispute.entities or any(
                c is not None and c.brief_id == claim_or_entity_id for c in claims
            ):
                out.append(dispute)
        return out

    # -- search documents ------------------------------------------------------------------
    def search_documents(self) -> list[SearchDocument]:
        docs = []
        kinds = self.matcher.kinds
        for article in self.articles.values():
            ids = sorted(self.entity_ids(article.id))
            docs.append(SearchDocument(
                doc_key=f"article:{article.id}", kind="article", doc_id=article.id, article_id=article.id,
                title=article.title, body=article.body, outlet=article.outlet, published=article.published,
                sites=tuple(i for i in ids if kinds.get(i) == "site"),
                actors=tuple(i for i in ids if kinds.get(i) == "actor"),
            ))
        for claim in self.claims.values():
            article = self.articles.get(claim.source)
            brief = self.briefs[claim.brief_id]
            # The quote is the body (fragments come from the source's own words); what the
            # curator says, and the value, go in the title so they are searchable too.
            value = claim.value_text()
            title = f"{brief.name}: {claim.says}" + (f" ({value})" if value and value not in claim.says else "")
            ids = {brief.id} | {m.entity_id for m in self.matcher.find(f"{title}\n{claim.quote}")}
            docs.append(SearchDocument(
                doc_key=f"claim:{claim.id}", kind="claim", doc_id=claim.id, article_id=claim.source,
                title=title, body=claim.quote,
                outlet=article.outlet if article else None, published=article.published if article else None,
                sites=tuple(sorted(i for i in ids if kinds.get(i) == "site")),
                actors=tuple(sorted(i for i in ids if kinds.get(i) == "actor")), brief_id=brief.id,
            ))
        return docs


def per_briefing(compute: Callable[[Briefing], T]) -> Callable[[Briefing], T]:
    """Memoise an analysis of a Briefing on that Briefing: computed once per load, and a
    reload (a new Briefing) computes it afresh. The analysis module owns its function; the
    Briefing only keeps the result."""
    key = f"{compute.__module__}.{compute.__qualname__}"

    @wraps(compute)
    def once(briefing: Briefing) -> T:
        try:
            return briefing.derived[key]
        except KeyError:
            value = briefing.derived[key] = compute(briefing)
            return value

    return once
