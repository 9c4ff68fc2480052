"""Searching an index: parsing queries (with a cache of parsed queries) and answering them.

Queries are evaluated by tui/search/engine.py (set operations over cached posting lists,
Whoosh's BM25F scores) with Whoosh's own matchers as the fallback for a query the evaluator
does not handle. Both paths share the steps around the match: the per-kind filter (kind,
then entity), the stored fields of a hit, and the fragments of the first hits.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Callable, Iterable

from whoosh import query as Q
from whoosh.qparser import GtLtPlugin, MultifieldParser, PlusMinusPlugin
from whoosh.qparser.dateparse import DateParserPlugin

from .engine import Evaluator
from .highlight import with_fragments
from .query import check_query
from .results import Hit, QueryError, SearchResults

PARSED_QUERIES = 256
_WORD_START = r"(?:(?<=\s)|(?<=^)|(?<=\())"

# One kind's matches: (hits, their docnums, how many documents matched in all).
KindMatches = tuple[list[Hit], list[int], int]


class QueryParser:
    """Whoosh's parser with our plugins, and the last PARSED_QUERIES queries it parsed (a
    search-as-you-type app parses the same prefixes again and again)."""

    def __init__(self) -> None:
        self._parser = None
        self._parsed: OrderedDict[str, object] = OrderedDict()

    def parse(self, schema, text: str):
        parsed = self._parsed.get(text)
        if parsed is not None:
            self._parsed.move_to_end(text)
            return parsed
        checked = check_query(text)
        try:
            parsed = normalised(self._whoosh_parser(schema).parse(checked))
        except Exception as err:  # whoosh raises assorted errors on odd input
            raise QueryError(f"cannot parse query: {err}") from None
        self._parsed[text] = parsed
        if len(self._parsed) > PARSED_QUERIES:
            self._parsed.popitem(last=False)
        return parsed

    def _whoosh_parser(self, schema):
        if self._parser is None:
            parser = MultifieldParser(["title", "body"], schema)
            parser.add_plugin(DateParserPlugin(free=False))
            parser.add_plugin(GtLtPlugin())
            # `-word` excludes and `+word` requires, as people type them; only at the start of
            # a word, so "Wonjong-ri" and "2022-09" stay whole. (Without this plugin whoosh read
            # "-Rason" as the word Rason: the opposite of what was asked.)
            parser.add_plugin(PlusMinusPlugin(plusexpr=_WORD_START + r"\+(?=\S)", minusexpr=_WORD_START + r"-(?=\S)"))
            self._parser = parser
        return self._parser


def normalised(query):
    """The parsed query in the forms both search paths answer alike:

    - `a -b` (AndNot) becomes `a AND NOT b`: Whoosh's AndNot matcher does not re-check the
      excluded part after a skip, so on an index of several segments a filtered search let
      excluded documents through (`Hunchun -Rason` found the Hunchun article, which says
      Rason four times). Like every NOT inside an AND, the excluded part adds 1 to each
      score, which leaves the order as it was.
    - A pattern (`bri*`, `b?idge`, `title:[a TO c]`) scores the sum of the scores of the words
      it expands to, in every segment alike. Whoosh's default gives a constant 1 where the
      pattern expands to several words of a segment and the word's score where it expands to
      one, so the same document ranked differently depending on how the index was segmented.
    """
    if isinstance(query, Q.AndNot):
        return Q.And([normalised(query.a), Q.Not(normalised(query.b))], boost=query.boost)
    if isinstance(query, Q.MultiTerm) and getattr(query, "constantscore", False):
        query = query.copy()
        query.constantscore = False
        return query
    if query.is_leaf():
        return query
    return query.apply(normalised)


def is_empty_query(query) -> bool:
    return query is Q.NullQuery or isinstance(query, type(Q.NullQuery))


def allowed_docs(evaluator: Evaluator, kind: str, entity: str | None) -> frozenset[int]:
    """The live documents of one kind (mentioning `entity`, if given): the filter both
    search paths apply. Empty means no hits, never "no filter"."""
    allowed = evaluator.term_docs("kind", kind)
    if entity:
        allowed = allowed & evaluator.term_docs("entity", entity.lower())
    return allowed


def search_kinds(searcher, evaluator: Evaluator, text: str, query, kinds: Iterable[str], entity: str | None,
                 fragments: int, highlight: int | None,
                 matches: Callable[[str, frozenset[int]], KindMatches]) -> SearchResults:
    """Hits grouped by kind: for each kind, `matches(kind, allowed)` finds them, then the
    first `highlight` (all when None) get fragments."""
    hits: list[Hit] = []
    total = 0
    for kind in kinds:
        allowed = allowed_docs(evaluator, kind, entity)
        if not allowed:
            continue
        kind_hits, docnums, matched = matches(kind, allowed)
        total += matched
        if query is not None and fragments and kind_hits:
            shown = len(kind_hits) if highlight is None else min(highlight, len(kind_hits))
            kind_hits[:shown] = with_fragments(searcher, evaluator, query, kind_hits[:shown], docnums[:shown],
                                               fragments)
        hits += kind_hits
    return SearchResults(text, hits, total)


def newest(searcher, limit: int | None) -> Callable[[str, frozenset[int]], KindMatches]:
    """An empty query: every allowed document, newest first."""

    def matches(kind: str, allowed: frozenset[int]) -> KindMatches:
        results = searcher.search(Q.Term("kind", kind), limit=limit, filter=set(allowed),
                                  sortedby="published", reverse=True)
        hits = [hit_from(searcher, hit.docnum, 0.0, hit.fields()) for hit in results]
        return hits, [hit.docnum for hit in results], len(allowed)

    return matches


def evaluated(searcher, evaluator: Evaluator, scores: dict[int, float],
              limit: int | None) -> Callable[[str, frozenset[int]], KindMatches]:
    """The evaluator's scores, best first."""

    def matches(kind: str, allowed: frozenset[int]) -> KindMatches:
        best, matched = evaluator.top(scores, allowed, limit)
        return [hit_from(searcher, docnum, score) for docnum, score in best], [d for d, _ in best], matched

    return matches


def whoosh_matched(searcher, query, limit: int | None) -> Callable[[str, frozenset[int]], KindMatches]:
    """Whoosh's own matchers, for a query the set evaluator does not handle."""

    def matches(kind: str, allowed: frozenset[int]) -> KindMatches:
        results = searcher.search(query, limit=limit, filter=set(allowed))
        hits = [hit_from(searcher, hit.docnum, float(hit.score or 0.0), hit.fields()) for hit in results]
        if limit is None or results.scored_length() < limit:
            matched = results.scored_length()
        else:
            matched = sum(1 for d in searcher.docs_for_query(query) if d in allowed)
        return hits, [hit.docnum for hit in results], matched

    return matches


def hit_from(searcher, docnum: int, score: float, stored: dict | None = None) -> Hit:
    stored = stored if stored is not None else searcher.stored_fields(docnum)
    return Hit(
        doc_id=stored["id"], kind=stored["kind"], article_id=stored["article"], title=stored["title"],
        outlet=stored.get("outlet"), published=stored.get("published_text"), score=score,
        brief_id=stored.get("brief"),
    )
