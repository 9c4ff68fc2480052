"""Query evaluation over a Whoosh index with set operations instead of Whoosh's matchers.

Whoosh evaluates a query by stepping matcher objects through posting lists one document at
a time, in Python: a few microseconds per posting per query node, so a query whose words
occur in most of 10,000 articles takes 50–700 ms, phrases and date ranges the most. Here each
term's posting list is read once into compact arrays (document numbers and BM25F impacts,
the same formula, idf and field lengths Whoosh uses, so the ranking is Whoosh's) and kept in
an LRU cache for as long as the searcher stays current; a query is then a few set
intersections, unions and differences done in C, and scoring is a sum over the documents
that matched. Phrases are verified from positions only for documents that contain every word
of the phrase; date ranges use the sorted `published` column. Anything this module does not
know how to evaluate (a query type it has not met) raises Unsupported, and the caller falls
back to Whoosh's own search, which answers the same (tests/test_search_differential.py
checks both against a reference written from the documents).

Posting lists are read by tui/search/postings.py, which reaches into Whoosh internals (and
checks them: a changed Whoosh makes search slower, never wrong); MultiTerm._btexts is read
here. At run time each evaluator first reads one posting list of every segment both ways
(internals_ok); if they disagree it reads through Whoosh's public API only and evaluate()
raises Unsupported.

The cache is tied to one Whoosh searcher; the SearchIndex makes a new Evaluator when the
index changes.
"""

from __future__ import annotations

import bisect
import heapq
from array import array
from collections import OrderedDict

from whoosh import query as Q
from whoosh.fields import NUMERIC

from .postings import Postings, position_decoder, read_ids_weights, read_postings, reads_agree
from .scoring import field_lengths, live_avg_field_length

K1, B = 1.2, 0.75  # whoosh.scoring.BM25F defaults, used by the searcher's weighting
MAX_CACHED_POSTINGS = 3_000_000  # ids + impacts: 12 bytes each, ~36 MB at most
MAX_MASK_BYTES = 160 * 2**20  # position bitmasks of phrase words (all of them at 10,000 articles)


class Unsupported(Exception):
    """A query this evaluator does not handle; use Whoosh's matchers instead."""


class Evaluator:
    """Evaluates parsed Whoosh queries against one searcher: {docnum: score}."""

    def __init__(self, searcher):
        self.searcher = searcher
        self.schema = searcher.schema
        self.leaves = list(searcher.leaf_searchers())
        self._postings: OrderedDict[tuple[str, bytes], Postings] = OrderedDict()
        self._cached = 0
        self._cached_values = 0
        self._norms: dict[str, list[float]] = {}
        self._deleted = []
        for sub, offset in self.leaves:
            reader = sub.reader()
            deleted: set[int] | frozenset[int] = set()
            if reader.has_deletions():
                deleted = getattr(reader, "deleted_docs_set", None) or {
                    d for d in range(reader.doc_count_all()) if reader.is_deleted(d)}
            self._deleted.append(deleted)
        self.doc_count_all = searcher.doc_count_all()
        self._all: frozenset[int] | None = None
        self._dates: tuple[list[int], list[int]] | None = None
        self._term_sets: OrderedDict[tuple[str, bytes], frozenset[int]] = OrderedDict()
        self._internals_ok: bool | None = None  # read both ways and compared on first use

    # -- Whoosh internals ---------------------------------------------------------------------
    def internals_ok(self) -> bool:
        """Whether the block-at-a-time reads and the position decoder give what Whoosh's public
        API gives, on a word of the body and the title of every segment (checked once)."""
        if self._internals_ok is None:
            self._internals_ok = all(reads_agree(sub.reader(), fieldname, deleted, self.schema[fieldname].format)
                                     for (sub, _), deleted in zip(self.leaves, self._deleted)
                                     for fieldname in ("body", "title") if fieldname in self.schema)
        return self._internals_ok

    # -- the documents ------------------------------------------------------------------------
    def all_docs(self) -> frozenset[int]:
        if self._all is None:
            docs = []
            for (sub, offset), deleted in zip(self.leaves, self._deleted):
                count = sub.reader().doc_count_all()
                docs.extend(offset + d for d in range(count) if d not in deleted)
            self._all = frozenset(docs)
        return self._all

    def term_docs(self, fieldname: str, text: str | bytes) -> frozenset[int]:
        """Document numbers holding a term (kind, entity filters: kept as sets)."""
        key = (fieldname, text if isinstance(text, bytes) else self._to_bytes(fieldname, text))
        found = self._term_sets.get(key)
        if found is None:
            found = frozenset(self.postings(*key).ids)
            self._term_sets[key] = found
            if len(self._term_sets) > 64:
                self._term_sets.popitem(last=False)
        return found

    def _to_bytes(self, fieldname: str, text: str) -> bytes:
        field = self.schema[fieldname] if fieldname in self.schema else None
        if field is None:
            return text.encode("utf-8")
        return field.to_bytes(text)

    def _norm(self, fieldname: str) -> list[float]:
        """K1 * (1 - B + B * length / average length) per document, as BM25F uses it (the
        average over live documents: tui/search/scoring.py)."""
        norm = self._norms.get(fieldname)
        if norm is None:
            avg = live_avg_field_length(self.searcher, fieldname) or 1
            norm = []
            for sub, offset in self.leaves:
                lengths = field_lengths(sub.reader(), fieldname)
                norm.extend(K1 * ((1 - B) + B * (length or 1) / avg) for length in lengths)
            self._norms[fieldname] = norm
        return norm

    def postings(self, fieldname: str, btext: bytes) -> Postings:
        key = (fieldname, btext)
        found = self._postings.get(key)
        if found is not None:
            self._postings.move_to_end(key)
            return found
        ids, weights = array("i"), array("f")
        for (sub, offset), deleted in zip(self.leaves, self._deleted):
            read_ids_weights(sub.reader(), fieldname, btext, deleted, offset, ids, weights,
                              blockwise=self.internals_ok())
        field = self.schema[fieldname] if fieldname in self.schema else None
        if field is not None and field.scorable and len(ids):
            idf = self.searcher.idf(fieldname, btext)
            norm = self._norm(fieldname)
            scale = idf * (K1 + 1)
            impacts = array("d", (scale * w / (w + norm[d]) for d, w in zip(ids, weights)))
        else:
            impacts = array("d", weights)
        found = Postings(ids, impacts)
        self._postings[key] = found
        self._cached += found.size
        while self._cached > MAX_CACHED_POSTINGS and len(self._postings) > 1:
            _, old = self._postings.popitem(last=False)
            self._cached -= old.size
            if old.values is not None:
                self._cached_values -= old.values_bytes
        return found

    def masks(self, fieldname: str, btext: bytes) -> dict[int, int]:
        """docnum -> the term's positions in that document as the bits of an int: a phrase
        "a b" is then `(mask_a << 1) & mask_b` per document, one operation in C."""
        found = self.postings(fieldname, btext)
        if found.values is None:
            format_ = self.schema[fieldname].format
            decode = position_decoder(format_) if self.internals_ok() else format_.decode_positions
            masks = []
            for (sub, offset), deleted in zip(self.leaves, self._deleted):
                for _, _, value in read_postings(sub.reader(), fieldname, btext, deleted, values=True,
                                         blockwise=self.internals_ok()):
                    mask = 0
                    for position in decode(value):
                        mask |= 1 << position
                    masks.append(mask)
            if len(masks) != found.size:
                raise Unsupported("posting values out of step")
            found.values = dict(zip(found.ids, masks))
            found.values_bytes = sum(m.bit_length() // 8 for m in masks) + 140 * len(masks)
            self._cached_values += found.values_bytes
            while self._cached_values > MAX_MASK_BYTES:
                victim = next((p for p in self._postings.values() if p.values is not None and p is not found), None)
                if victim is None:
                    break
                victim.values = None
                self._cached_values -= victim.values_bytes
        return found.values

    def dates(self) -> tuple[list[int], list[int]]:
        """(sorted `published` values, their document numbers): from the full-precision terms
        of the field (a document without a date has none), in the numbers ranges compare."""
        if self._dates is None:
            pairs = []
            field = self.schema["published"] if "published" in self.schema else None
            for (sub, offset), deleted in zip(self.leaves, self._deleted):
                if field is None:
                    break
                reader = sub.reader()
                for btext in field.sortable_terms(reader, "published"):
                    value = NUMERIC.from_bytes(field, btext)
                    pairs.extend((value, offset + d) for d in reader.postings("published", btext).all_ids()
                                 if d not in deleted)
            pairs.sort()
            self._dates = ([v for v, _ in pairs], [d for _, d in pairs])
        return self._dates

    # -- evaluation ---------------------------------------------------------------------------
    # evaluate(query, within): {docnum: score} of the documents the query matches, limited to
    # `within` when given. An And evaluates its most selective part first and hands the
    # documents left to the others, so a phrase next to a rare word checks few documents.

    def evaluate(self, query, within: set[int] | frozenset[int] | None = None) -> dict[int, float]:
        if not self.internals_ok():
            raise Unsupported("this Whoosh's internals are not the ones the evaluator reads")
        kind = type(query)
        if query is Q.NullQuery or kind is type(Q.NullQuery):
            return {}
        if within is not None and not within:
            return {}
        if kind is Q.Term:
            return self._term(query.fieldname, query.text, query.boost, within)
        if kind in (Q.And, Q.Or):
            if kind is Q.Or and (getattr(query, "minmatch", 0) or getattr(query, "scale", None)):
                raise Unsupported("Or with minmatch or scale")
            return self._compound(query, within)
        if kind is Q.AndNot:
            positive = self.evaluate(query.a, within)
            negative = self.docs(query.b, set(positive))
            return {d: s for d, s in positive.items() if d not in negative}
        if kind is Q.Not:
            pool = within if within is not None else self.all_docs()
            negative = self.docs(query.query, pool)
            return {d: 1.0 * query.boost for d in pool if d not in negative}
        if kind is Q.AndMaybe:
            base = self.evaluate(query.a, within)
            extra = self.evaluate(query.b, set(base))
            return {d: s + extra.get(d, 0.0) for d, s in base.items()}
        if kind is Q.Require:
            base = self.evaluate(query.a, within)
            required = self.docs(query.b, set(base))
            return {d: s for d, s in base.items() if d in required}
        if kind is Q.Phrase:
            return self._phrase(query, within)
        if kind in (Q.NumericRange, Q.DateRange):
            return self._range(query, within)
        if kind is Q.Every:
            if query.fieldname:
                raise Unsupported("Every on a field")
            return dict.fromkeys(within if within is not None else self.all_docs(), float(query.boost))
        if isinstance(query, Q.MultiTerm) and kind in (Q.Prefix, Q.Wildcard, Q.Regex, Q.TermRange, Q.FuzzyTerm,
                                                       Q.Variations):
            return self._multiterm(query, within)
        raise Unsupported(type(query).__name__)

    def docs(self, query, within=None) -> set[int] | frozenset[int]:
        if type(query) is Q.Term:
            docs = self.term_docs(query.fieldname, query.text)
            return docs if within is None else docs & within
        return set(self.evaluate(query, within))

    def _estimate(self, query) -> tuple[int, int]:
        """(does it check phrases, how many documents it may match at most): And's order."""
        kind = type(query)
        if kind is Q.Term:
            return 0, self.postings(query.fieldname, self._bytes(query.fieldname, query.text)).size
        if kind is Q.Phrase:
            words = [w for w in query.words if w]
            if not words or query.fieldname not in self.schema:
                return 0, 0
            return 1, min(self.postings(query.fieldname, self._bytes(query.fieldname, w)).size for w in words)
        if kind is Q.And:
            parts = [self._estimate(c) for c in query.subqueries if type(c) is not Q.Not] or [(0, self.doc_count_all)]
            return max(p for p, _ in parts), min(n for _, n in parts)
        if kind is Q.Or:
            parts = [self._estimate(c) for c in query.subqueries] or [(0, 0)]
            return max(p for p, _ in parts), sum(n for _, n in parts)
        if kind in (Q.AndNot, Q.Require, Q.AndMaybe):
            return self._estimate(query.a)
        return 0, self.doc_count_all

    def _bytes(self, fieldname: str, text) -> bytes:
        return text if isinstance(text, bytes) else self._to_bytes(fieldname, text)

    def _term(self, fieldname: str, text, boost: float = 1.0, within=None) -> dict[int, float]:
        postings = self.postings(fieldname, self._bytes(fieldname, text))
        ids, impacts = postings.ids, postings.impacts
        if within is None:
            found = dict(zip(ids, impacts))
        elif len(within) * 8 < postings.size:
            found = {}
            for d in within:
                i = bisect.bisect_left(ids, d)
                if i < len(ids) and ids[i] == d:
                    found[d] = impacts[i]
        else:
            found = {d: s for d, s in zip(ids, impacts) if d in within}
        if boost != 1:
            found = {d: s * boost for d, s in found.items()}
        return found

    def _compound(self, query, within) -> dict[int, float]:
        positives = [c for c in query.subqueries if type(c) is not Q.Not]
        negatives = [c.query for c in query.subqueries if type(c) is Q.Not]
        if type(query) is Q.And:
            if not positives:
                pool = within if within is not None else self.all_docs()
                result = dict.fromkeys(pool, 0.0)
            else:
                ordered = sorted(positives, key=self._estimate)
                result = self.evaluate(ordered[0], within)
                for child in ordered[1:]:
                    if not result:
                        break
                    part = self.evaluate(child, set(result))
                    result = {d: s + part[d] for d, s in result.items() if d in part}
        else:
            if negatives:
                raise Unsupported("NOT inside OR")
            result = {}
            for child in positives:
                part = self.evaluate(child, within)
                if not result:
                    result = dict(part) if len(positives) > 1 else part
                    continue
                get = result.get
                for d, s in part.items():
                    result[d] = get(d, 0.0) + s
        for child in negatives:
            # Whoosh's matcher for an excluded part scores 1 where it lets a document through.
            excluded = self.docs(child, set(result))
            result = {d: s + 1.0 for d, s in result.items() if d not in excluded}
        if query.boost != 1:
            result = {d: s * query.boost for d, s in result.items()}
        return result

    def _multiterm(self, query, within) -> dict[int, float]:
        # As Whoosh scores them, segment by segment (it expands a pattern against each
        # segment's own lexicon): where the pattern expands to one term, that term's score;
        # to several, a constant per document (constantscore) or the sum of their scores.
        fieldname = query.field()
        result: dict[int, float] = {}
        bounds = [offset for _, offset in self.leaves[1:]] + [self.doc_count_all]
        for (sub, offset), end in zip(self.leaves, bounds):
            expand = getattr(query, "_btexts", None)
            if expand is None:
                raise Unsupported("this Whoosh's MultiTerm has no _btexts")
            terms = [btext for btext in expand(sub.reader()) if btext]
            if not terms:
                continue
            constant = len(terms) > 1 and query.constantscore
            get = result.get
            for btext in terms:
                postings = self.postings(fieldname, btext)
                ids = postings.ids
                lo, hi = bisect.bisect_left(ids, offset), bisect.bisect_left(ids, end)
                pairs = zip(ids[lo:hi], postings.impacts[lo:hi])
                if within is not None:
                    pairs = ((d, s) for d, s in pairs if d in within)
                if constant:
                    for d, _ in pairs:
                        result[d] = float(query.boost)
                else:
                    for d, s in pairs:
                        result[d] = get(d, 0.0) + s * query.boost
        return result

    def _phrase(self, query, within) -> dict[int, float]:
        words = [w for w in query.words if w]
        fieldname = query.fieldname
        field = self.schema[fieldname] if fieldname in self.schema else None
        if field is None or not words:
            return {}
        if query.slop != 1 or not field.format.supports("positions"):
            raise Unsupported("phrase with slop or without positions")
        if len(words) == 1:
            return self._term(fieldname, words[0], query.boost, within)
        btexts = [self._bytes(fieldname, w) for w in words]
        postings = [self.postings(fieldname, t) for t in btexts]
        order = sorted(range(len(postings)), key=lambda i: postings[i].size)
        candidates = set(postings[order[0]].ids) if within is None else set(within)
        for i in order:
            if not candidates:
                return {}
            candidates.intersection_update(postings[i].ids)
        if not candidates:
            return {}
        columns = [self.masks(fieldname, t) for t in btexts]
        first = columns[0]
        ends = {d: first[d] for d in candidates}  # where the phrase so far ends, per document
        for masks in columns[1:]:
            ends = {d: found for d, m in ends.items() if (found := (m << 1) & masks[d])}
            if not ends:
                return {}
        return {d: sum(p.impacts[p.index(d)] for p in postings) * query.boost for d in ends}

    def _range(self, query, within) -> dict[int, float]:
        if query.fieldname != "published":
            raise Unsupported("range on another field")
        values, docnums = self.dates()
        start = bisect.bisect_left(values, query.start) if query.start is not None else 0
        if query.start is not None and query.startexcl:
            start = bisect.bisect_right(values, query.start)
        end = bisect.bisect_right(values, query.end) if query.end is not None else len(values)
        if query.end is not None and query.endexcl:
            end = bisect.bisect_left(values, query.end)
        found = docnums[start:end]
        if within is not None:
            found = [d for d in found if d in within]
        return dict.fromkeys(found, float(query.boost))

    # -- ranking -------------------------------------------------------------------------------
    def excluded(self, allowed: frozenset[int]) -> frozenset[int]:
        """The live documents not in `allowed` (for a kind: the other kinds), cached."""
        key = ("not", allowed)
        found = self._term_sets.get(key)  # type: ignore[arg-type]
        if found is None:
            found = self.all_docs() - allowed
            self._term_sets[key] = found  # type: ignore[index]
        return found

    def top(self, scores: dict[int, float], allowed, limit: int | None) -> tuple[list[tuple[int, float]], int]:
        """Best `limit` (docnum, score) among `allowed`, by score then docnum (as Whoosh
        orders them), and how many of `allowed` matched."""
        if isinstance(allowed, frozenset) and len(allowed) * 2 > len(self.all_docs()):
            # Most documents are allowed (the articles): set aside the few that are not.
            dropped = {d for d in self.excluded(allowed) if d in scores}
            count = len(scores) - len(dropped)
            wanted = None if limit is None else limit + len(dropped)
            return [item for item in _best(scores, wanted) if item[0] not in dropped][:limit], count
        if len(allowed) < len(scores):
            matched = {d: scores[d] for d in allowed if d in scores}
        else:
            matched = {d: s for d, s in scores.items() if d in allowed}
        return _best(matched, limit), len(matched)


def _best(scores: dict[int, float], limit: int | None) -> list[tuple[int, float]]:
    """The `limit` best items by score, then docnum: a threshold from the scores alone, then a
    sort of what reaches it (no Python key call per document)."""
    if limit is None or len(scores) <= limit:
        return sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    if limit <= 0:
        return []
    threshold = heapq.nlargest(limit, scores.values())[-1]
    found = [(d, s) for d, s in scores.items() if s >= threshold]
    found.sort(key=lambda item: (-item[1], item[0]))
    return found[:limit]
