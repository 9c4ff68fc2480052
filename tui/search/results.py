"""What a search returns: plain data, safe to hand to the CLI and the app."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


class QueryError(ValueError):
    """A query the user must fix; the message is one line, fit to show under the input."""


class IndexDamaged(QueryError):
    """The index files could not be read; the next sync rebuilds them. A QueryError, so a
    search box shows it as one line like any query that cannot run."""


@dataclass(frozen=True)
class Fragment:
    text: str
    marks: tuple[tuple[int, int], ...] = ()  # spans of matched words inside `text`
    start: int = 0  # offset of the fragment in the document's body

    @property
    def marked_words(self) -> list[str]:
        return [self.text[a:b] for a, b in self.marks]


@dataclass(frozen=True)
class Hit:
    doc_id: str  # article id, or the claim id for kind == "claim"
    kind: str  # article | claim
    article_id: str
    title: str
    outlet: str | None
    published: str | None
    score: float
    fragments: tuple[Fragment, ...] = ()
    brief_id: str | None = None  # for claims

    def to_json(self) -> dict:
        data = {
            "id": self.doc_id,
            "kind": self.kind,
            "article": self.article_id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "score": round(self.score, 4),
            "fragments": [f.text for f in self.fragments],
            "matches": [f.marked_words for f in self.fragments],
        }
        if self.brief_id:
            data["brief"] = self.brief_id
        return data


@dataclass
class SearchResults:
    query: str
    hits: list[Hit]
    total: int  # matching documents, beyond the limit too
    notice: str | None = None  # e.g. "only common words"


@dataclass
class SyncReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    rebuilt: bool = False
    reason: str | None = None  # why a rebuild happened
    location: str | None = None

    @property
    def changed(self) -> int:
        return len(self.added) + len(self.updated) + len(self.removed)

    def to_json(self) -> dict:
        return asdict(self) | {"changed": self.changed}
