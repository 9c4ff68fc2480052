"""Scoring: Whoosh's BM25F, with its statistics taken from the live documents only.

Whoosh counts deleted documents (still in their segments until a merge) in a term's document
frequency, the document count and the average field length, so the same documents ranked
differently depending on the index's history: what was updated, and whether the segments
holding the old versions had been merged yet. Here the idf (log(N / (df + 1)) + 1, Whoosh's
formula) and the average field length count live documents only, and both search paths (the
evaluator in engine.py, which asks the searcher for idf, and Whoosh's own matchers) use them.
"""

from __future__ import annotations

import weakref
from math import log

from whoosh import scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length

_AVERAGES: "weakref.WeakKeyDictionary[object, dict[str, float]]" = weakref.WeakKeyDictionary()


# Whoosh keeps a field's length per document as one byte (a lossy log scale) in a column of
# one byte per document; this is what each byte stands for.
_LENGTH_OF_BYTE = [0] + [byte_to_length(b) for b in range(1, 256)]


def field_lengths(reader, fieldname: str) -> list[int]:
    """The stored length of `fieldname` for every document of a segment reader, deleted ones
    included (0 where there is none). Read as one piece of the length column when the column
    is what whoosh3 writes (one byte a document): the first query on a newly opened index of
    100,000 documents otherwise asks for each length on its own, ~2 s in Python. Any other
    shape (tests/test_whoosh_internals.py checks it) takes the per-document path."""
    count = reader.doc_count_all()
    try:
        column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is None:
            return [0] * count
        if column._fixedlen != 1 or column._typecode != "B" or column._count > count:
            raise TypeError(f"length column of {column._fixedlen} byte(s), {column._typecode!r}")
        stored = column._dbfile.get(column._basepos, column._count) if column._count else b""
    except (AttributeError, TypeError):
        return [reader.doc_field_length(docnum, fieldname, 0) or 0 for docnum in range(count)]
    return list(map(_LENGTH_OF_BYTE.__getitem__, stored)) + [0] * (count - len(stored))


def live_avg_field_length(searcher, fieldname: str) -> float:
    """The mean length of `fieldname` over the searcher's live documents (lengths as the index
    stores them), computed once per searcher."""
    top = searcher.get_parent()
    found = _AVERAGES.setdefault(top, {})
    if fieldname not in found:
        total = count = 0
        for reader, _offset in _leaf_readers(top.reader()):
            lengths = field_lengths(reader, fieldname)
            if reader.has_deletions():
                live = list(reader.all_doc_ids())
                total += sum(map(lengths.__getitem__, live))
                count += len(live)
            else:
                total += sum(lengths)
                count += len(lengths)
        found[fieldname] = total / count if count else 0.0
    return found[fieldname]


def live_doc_frequency(searcher, fieldname: str, text) -> int:
    """How many live documents hold the term."""
    reader = searcher.get_parent().reader()
    if (fieldname, text) not in reader:
        return 0
    return sum(1 for _ in reader.postings(fieldname, text).all_ids())  # deleted ones are filtered out


def _leaf_readers(reader):
    return reader.leaf_readers() if not reader.is_atomic() else [(reader, 0)]


class LiveBM25F(scoring.BM25F):
    """BM25F (Whoosh's defaults, B=0.75, K1=1.2) over the live documents."""

    def idf(self, searcher, fieldname, text):
        parent = searcher.get_parent()
        return log(parent.doc_count() / (live_doc_frequency(parent, fieldname, text) + 1)) + 1

    def scorer(self, searcher, fieldname, text, qf=1):
        if not searcher.schema[fieldname].scorable:
            return scoring.WeightScorer.for_(searcher, fieldname, text)
        return _LiveBM25FScorer(searcher, fieldname, text, self._field_B.get(fieldname, self.B), self.K1, qf=qf)


class _LiveBM25FScorer(scoring.BM25FScorer):
    def __init__(self, searcher, fieldname, text, B, K1, qf=1):
        parent = searcher.get_parent()
        self.idf = parent.idf(fieldname, text)
        self.avgfl = live_avg_field_length(parent, fieldname) or 1
        self.B = B
        self.K1 = K1
        self.qf = qf
        self.setup(searcher, fieldname, text)
