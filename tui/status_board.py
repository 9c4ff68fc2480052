"""The crossing board: every crossing, bridge, port, customs post, station and rail link, with
its latest state according to each source and as of when, and where sources disagree.

A site's states come from its brief's `status` list; each entry is anchored to a claim, so
its source is the claim's article. Entries of two sources disagree when their dates overlap
(2026 and March 2026 do) and one says traffic runs (opened, in use, resumed …) while the
other says it does not (completed but unopened, suspended, reopening expected …). Within one
article, states at the same date are usually a sequence it tells (resumed, then shut a
week later), so a pair from one article counts only when an internal dispute holds both
claims: the curator has judged that the article contradicts itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .dates import PartialDate
from .timeline import source_name

if TYPE_CHECKING:
    from .briefing import Briefing

BOARD_TYPES = ("crossing", "bridge", "port", "customs", "station", "rail-line")
RUNNING = frozenset({"opened", "opened-to-trucks", "in-use", "reopened", "resumed"})


def is_running(state: str) -> bool:
    return state in RUNNING


@dataclass(frozen=True)
class SourcedState:
    """One status entry with the source that gives it."""

    site_id: str
    state: str
    as_of: PartialDate
    claim_id: str
    article_id: str
    source: str  # outlet, else the start of the title
    published: PartialDate | None
    quote: str
    note: str | None = None

    def to_json(self) -> dict:
        return {"state": self.state, "as_of": self.as_of.iso(), "claim": self.claim_id,
                "article": self.article_id, "source": self.source,
                "published": self.published.iso() if self.published else None,
                "quote": self.quote, "note": self.note}


@dataclass(frozen=True)
class Disagreement:
    first: SourcedState
    second: SourcedState

    @property
    def internal(self) -> bool:
        return self.first.article_id == self.second.article_id

    def to_json(self) -> dict:
        return {"internal": self.internal, "states": [self.first.to_json(), self.second.to_json()]}


@dataclass(frozen=True)
class BoardRow:
    site_id: str
    name: str
    type: str
    history: tuple[SourcedState, ...]  # as the brief lists them, oldest first
    latest: tuple[SourcedState, ...]  # each source's latest state, in order of publication
    disagreements: tuple[Disagreement, ...]

    @property
    def current(self) -> SourcedState | None:
        """The latest state any source gives (the most recent date; a later publication wins)."""
        if not self.latest:
            return None
        return max(self.latest, key=lambda s: (s.as_of.end, s.published.sort_key() if s.published else (0, 0, 0)))

    def to_json(self) -> dict:
        return {"site": self.site_id, "name": self.name, "type": self.type,
                "latest": [s.to_json() for s in self.latest],
                "history": [s.to_json() for s in self.history],
                "disagreements": [d.to_json() for d in self.disagreements]}


def _overlap(a: PartialDate, b: PartialDate) -> bool:
    return a.start <= b.end and b.start <= a.end


def crossing_board(briefing: "Briefing") -> list[BoardRow]:
    """A row for every site of a board type, and for any other site with a status history."""
    claims = briefing.claims
    internal = {frozenset((x, y)) for d in briefing.disputes.values() if d.internal and d.is_conflict
                for x in d.claim_ids for y in d.claim_ids if x != y}
    rows = []
    for brief in briefing.briefs.values():
        if brief.kind != "site" or not (brief.type in BOARD_TYPES or brief.status):
            continue
        history = []
        for entry in brief.status:
            claim = claims.get(entry.claim_id)
            if claim is None:
                continue  # check reports it
            article = briefing.articles.get(claim.source)
            history.append(SourcedState(brief.id, entry.state, entry.as_of, claim.id, claim.source,
                                        source_name(article), article.published if article else None,
                                        claim.quote, entry.note))
        latest: dict[str, SourcedState] = {}
        for state in history:  # oldest first (check enforces it): a later entry replaces an earlier
            latest[state.article_id] = state
        ordered = sorted(latest.values(), key=lambda s: (s.published.sort_key() if s.published else (9999, 0, 0),
                                                         s.article_id))
        disagreements = [Disagreement(a, b) for i, a in enumerate(history) for b in history[i + 1:]
                         if _overlap(a.as_of, b.as_of) and is_running(a.state) != is_running(b.state)
                         and (a.article_id != b.article_id or frozenset((a.claim_id, b.claim_id)) in internal)]
        rows.append(BoardRow(brief.id, brief.name, brief.type, tuple(history), tuple(ordered), tuple(disagreements)))
    order = {t: i for i, t in enumerate(BOARD_TYPES)}
    rows.sort(key=lambda r: (not r.history, order.get(r.type, len(order)), r.name.casefold()))
    return rows
