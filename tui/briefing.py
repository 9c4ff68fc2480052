"""A loaded workspace with its entity mentions: what both the CLI and the app read from.

Workspace → EntityMatcher → (mentions, search documents) → SearchIndex. Computed once per
load; the app reloads by building a new Briefing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .entities import EntityMatcher, Mention
from .model import Article, Brief, Claim, Dispute
from .search.documents import SearchDocument
from .workspace import Workspace

if TYPE_CHECKING:
    from .geo import MapData
    from .measures import Measure
    from .timeline import Timeline


@dataclass
class Briefing:
    workspace: Workspace
    matcher: EntityMatcher
    mentions: dict[str, list[Mention]] = field(default_factory=dict)  # article id -> mentions in body
    title_mentions: dict[str, list[Mention]] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path, *, cache: bool | Path = False) -> "Briefing":
        """Load a workspace and find its mentions. cache=True keeps parsed articles and
        mentions in the user's cache dir (a Path: in that dir; see tui/loadcache.py): the
        same result, fast when files are unchanged."""
        if cache:
            from .loadcache import load_briefing

            return load_briefing(cls, root, None if cache is True else Path(cache))
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

    # -- pictures: computed once per load ----------------------------------------------------
    @cached_property
    def map_data(self) -> "MapData":
        """Located sites and the shipped border lines (tui/geo.py)."""
        from .geo import map_data

        return map_data(self)

    @cached_property
    def timeline(self) -> "Timeline":
        """Every dated claim and publication, in lanes (tui/timeline.py)."""
        from .timeline import build_timeline

        return build_timeline(self)

    @cached_property
    def coverage(self):
        """Entities x outlets, with single-source flags (tui/coverage.py)."""
        from .coverage import build_coverage

        return build_coverage(self)

    @cached_property
    def measures(self) -> dict[str, "Measure"]:
        """Measures that two or more claims quantify, for charts (tui/measures.py)."""
        from .measures import chartable_measures

        return chartable_measures(self)

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
