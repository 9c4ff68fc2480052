"""A brute-force search engine written from the documents, the reference the two search paths
(tui/search/engine.py's evaluator and Whoosh's own matchers) are tested against.

It reads each document's fields with the index's analyzers (the words are the index's words),
then answers a parsed query by walking its tree over every live document: no index, posting
list, matcher or segment. Scores follow the definition in tui/search/scoring.py: BM25F with
B=0.75 and K1=1.2, idf log(N / (df + 1)) + 1 and the average field length over the live
documents; a field's lengths as the index stores them (one byte: Whoosh's length_to_byte);
a NOT scores 1 where it lets a document through; a pattern scores the sum of the words it
expands to; a phrase the sum of its words.
"""

from __future__ import annotations

import fnmatch
import math
from dataclasses import dataclass, field

from whoosh import query as Q
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.util.times import datetime_to_long

from tui.search.analysis import build_schema
from tui.search.documents import SearchDocument
from tui.search.sync import index_fields

K1, B = 1.2, 0.75
SCHEMA = build_schema()


@dataclass
class ReferenceDoc:
    doc: SearchDocument
    words: dict[str, list[str]] = field(default_factory=dict)  # field -> its words in order (positions)
    published: int | None = None

    @classmethod
    def read(cls, doc: SearchDocument) -> "ReferenceDoc":
        values = index_fields(doc)
        words: dict[str, list[str]] = {}
        for name, value in values.items():
            if name not in SCHEMA or name == "published" or not SCHEMA[name].indexed or value is None:
                continue
            words[name] = [t.text for t in SCHEMA[name].analyzer(value, mode="index", positions=True)] \
                if hasattr(SCHEMA[name], "analyzer") and SCHEMA[name].analyzer is not None else [value]
        published = values.get("published")
        return cls(doc, words, datetime_to_long(published) if published is not None else None)


class Reference:
    def __init__(self, docs: list[SearchDocument]):
        self.docs = [ReferenceDoc.read(d) for d in docs]
        self.n = len(self.docs)
        self._avg: dict[str, float] = {}

    # -- statistics ------------------------------------------------------------------------
    def _length(self, doc: ReferenceDoc, fieldname: str) -> int:
        return byte_to_length(length_to_byte(len(doc.words.get(fieldname, ()))))

    def _avg_length(self, fieldname: str) -> float:
        if fieldname not in self._avg:
            self._avg[fieldname] = sum(self._length(d, fieldname) for d in self.docs) / self.n if self.n else 0.0
        return self._avg[fieldname]

    def _idf(self, fieldname: str, word: str) -> float:
        df = sum(1 for d in self.docs if word in d.words.get(fieldname, ()))
        return math.log(self.n / (df + 1)) + 1

    def term_score(self, doc: ReferenceDoc, fieldname: str, word: str) -> float:
        count = doc.words.get(fieldname, []).count(word)
        if not count:
            return 0.0
        spec = SCHEMA[fieldname]
        weight = count * getattr(spec.format, "field_boost", 1.0)
        if not spec.scorable:
            return float(weight)
        norm = K1 * ((1 - B) + B * (self._length(doc, fieldname) or 1) / (self._avg_length(fieldname) or 1))
        return self._idf(fieldname, word) * weight * (K1 + 1) / (weight + norm)

    # -- the query tree --------------------------------------------------------------------
    def search(self, query, kind: str, entity: str | None = None) -> dict[str, float]:
        """doc_key -> score of every live document of `kind` (mentioning `entity`) the query matches."""
        out = {}
        for doc in self.docs:
            if doc.doc.kind != kind or (entity and entity.lower() not in doc.words.get("entity", ())):
                continue
            score = self.score(query, doc)
            if score is not None:
                out[doc.doc.doc_key] = score
        return out

    def score(self, query, doc: ReferenceDoc) -> float | None:
        """The document's score for the query, or None when it does not match."""
        kind = type(query)
        boost = getattr(query, "boost", 1.0)
        if query is Q.NullQuery or kind is type(Q.NullQuery):
            return None
        if kind is Q.Term:
            word = query.text if isinstance(query.text, str) else query.text.decode("utf-8")
            return self.term_score(doc, query.fieldname, word) * boost \
                if word in doc.words.get(query.fieldname, ()) else None
        if kind is Q.And:
            parts = [self.score(c, doc) for c in query.subqueries]
            return None if any(p is None for p in parts) else sum(parts) * boost
        if kind is Q.Or:
            parts = [p for p in (self.score(c, doc) for c in query.subqueries) if p is not None]
            return sum(parts) * boost if parts else None
        if kind is Q.Not:
            return None if self.score(query.query, doc) is not None else 1.0 * boost
        if kind is Q.AndNot:
            a = self.score(query.a, doc)
            return a if a is not None and self.score(query.b, doc) is None else None
        if kind is Q.Require:
            a = self.score(query.a, doc)
            return a if a is not None and self.score(query.b, doc) is not None else None
        if kind is Q.AndMaybe:
            a = self.score(query.a, doc)
            if a is None:
                return None
            return a + (self.score(query.b, doc) or 0.0)
        if kind is Q.Every:
            return 1.0 * boost
        if kind is Q.Phrase:
            return self._phrase(query, doc)
        if kind in (Q.DateRange, Q.NumericRange):
            value = doc.published
            if query.fieldname != "published" or value is None:
                return None
            if query.start is not None and (value < query.start or (query.startexcl and value == query.start)):
                return None
            if query.end is not None and (value > query.end or (query.endexcl and value == query.end)):
                return None
            return 1.0 * boost
        if kind in (Q.Prefix, Q.Wildcard, Q.TermRange):
            words = set(doc.words.get(query.fieldname, ()))
            matched = [w for w in sorted(words) if _pattern_matches(query, w)]
            if not matched:
                return None
            return sum(self.term_score(doc, query.fieldname, w) for w in matched) * boost
        raise NotImplementedError(f"the reference does not know {kind.__name__}")

    def _phrase(self, query, doc: ReferenceDoc) -> float | None:
        words = [w for w in query.words if w]
        found = doc.words.get(query.fieldname, [])
        if not words:
            return None
        where = [[i for i, w in enumerate(found) if w == word] for word in words]
        ends = set(where[0])
        for positions in where[1:]:
            ends = {p for p in positions if any(0 < p - e <= query.slop for e in ends)}
        if not ends:
            return None
        return sum(self.term_score(doc, query.fieldname, w) for w in words) * query.boost


def _pattern_matches(query, word: str) -> bool:
    if type(query) is Q.Prefix:
        return word.startswith(query.text)
    if type(query) is Q.Wildcard:
        return fnmatch.fnmatchcase(word, query.text)
    start, end = query.start, query.end
    if start is not None and (word < start or (query.startexcl and word == start)):
        return False
    if end is not None and (word > end or (query.endexcl and word == end)):
        return False
    return True


def has_proximity(query) -> bool:
    """A phrase with slop: matched by the reference, but scored by Whoosh's span rules."""
    if type(query) is Q.Phrase:
        return query.slop > 1
    return not query.is_leaf() and any(has_proximity(c) for c in query.children())

