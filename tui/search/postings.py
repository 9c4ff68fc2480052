"""Reading a term's posting list from a Whoosh segment, fast: a block at a time.

Whoosh's matchers hand out one posting per Python call; its codec (whoosh3) stores postings
in blocks whose document numbers (as deltas) and weights are decoded in one piece, so these
functions read the blocks' fields directly, and decode positions from a Characters value
without building Whoosh's (position, start, end) tuples. Those are Whoosh internals (the
block fields of the codec's matcher, the layout of a Characters posting value): the version
pinned in pyproject.toml is the one this was written against, tests/test_whoosh_internals.py
fails loudly if they are missing or differently shaped, and `reads_agree` lets an evaluator
check at run time that both ways read alike before it trusts the fast one.
"""

from __future__ import annotations

import bisect
from array import array
from itertools import accumulate, islice
from pickle import loads
from typing import Callable, Iterable

from whoosh.reading import TermNotFound

try:  # a Whoosh internal (the size of the count before a pickled posting value)
    from whoosh.system import _INT_SIZE
except ImportError:
    _INT_SIZE = None


class Postings:
    """A term's live documents in one searcher, with their scores (and positions, for phrases)."""

    __slots__ = ("ids", "impacts", "values", "values_bytes", "size")

    def __init__(self, ids: array, impacts: array):
        self.ids = ids  # sorted global document numbers (live documents only)
        self.impacts = impacts  # BM25F score of the term in each document (weight for unscored fields)
        self.values: dict[int, int] | None = None  # docnum -> position bitmask, made on demand (phrases)
        self.values_bytes = 0
        self.size = len(ids)

    def contains(self, docnum: int) -> bool:
        ids = self.ids
        i = bisect.bisect_left(ids, docnum)
        return i < len(ids) and ids[i] == docnum

    def index(self, docnum: int) -> int:
        ids = self.ids
        i = bisect.bisect_left(ids, docnum)
        return i if i < len(ids) and ids[i] == docnum else -1


def read_ids_weights(reader, fieldname: str, btext: bytes, deleted, offset: int, ids: array, weights: array, *,
                      blockwise: bool = True) -> None:
    """Append a term's (global) document numbers and weights in one segment to the arrays:
    a block at a time when the codec allows (no Python step per posting), else via read_postings."""
    try:
        matcher = reader.postings(fieldname, btext)
    except TermNotFound:
        return
    leaf = getattr(matcher, "child", matcher) if type(matcher).__name__ == "FilterMatcher" else matcher
    if not blockwise or not _blockwise(leaf) or deleted:
        for docnum, weight, _ in read_postings(reader, fieldname, btext, deleted, values=False, blockwise=blockwise):
            ids.append(docnum + offset)
            weights.append(weight)
        return
    while not leaf._atend:
        leaf._read_data()
        data, count = leaf._data, leaf._blocklength
        block = accumulate(data[0])
        ids.extend((d + offset for d in block) if offset else block)
        block_weights = data[1]
        if block_weights is None:
            weights.extend([1.0] * count)
        elif isinstance(block_weights, float):
            weights.extend([block_weights] * count)
        else:
            weights.extend(block_weights)
        leaf._next_block()


def position_decoder(format_) -> Callable[[bytes], Iterable[int]]:
    """Positions from an encoded posting value. For whoosh's Characters format (what title
    and body use) without its per-posting list of (position, start, end) tuples."""
    if type(format_).__name__ != "Characters" or _INT_SIZE is None:
        return format_.decode_positions

    def decode(value: bytes) -> Iterable[int]:
        codes = loads(value[_INT_SIZE:] if value.endswith(b".") else value[_INT_SIZE:] + b".")
        return accumulate(code[0] for code in codes)

    return decode


def _blockwise(leaf) -> bool:
    return all(hasattr(leaf, name) for name in ("_read_data", "_next_block", "_atend", "_blocklength", "_data")) \
        and not getattr(leaf, "_byteids", False)


def read_postings(reader, fieldname: str, btext: bytes, deleted: set[int], *, values: bool, blockwise: bool = True):
    """(docnum, weight, value) of a term's postings in one segment, block by block when the
    codec allows (whoosh3 blocks), else through the public matcher API."""
    try:
        matcher = reader.postings(fieldname, btext)
    except TermNotFound:
        return
    leaf = getattr(matcher, "child", matcher) if type(matcher).__name__ == "FilterMatcher" else matcher
    if blockwise and _blockwise(leaf):
        while not leaf._atend:
            leaf._read_data()
            data = leaf._data
            count = leaf._blocklength
            ids = list(accumulate(data[0]))
            weights = data[1]
            if weights is None:
                weights = [1.0] * count
            elif isinstance(weights, float):
                weights = [weights] * count
            if values:
                leaf._read_values()
                block_values = leaf._values
            else:
                block_values = None
            for i in range(count):
                if ids[i] in deleted:
                    continue
                yield ids[i], weights[i], block_values[i] if values else None
            leaf._next_block()
        return
    while matcher.is_active():
        yield matcher.id(), matcher.weight(), matcher.value() if values else None
        matcher.next()


def reads_agree(reader, fieldname: str, deleted, format_) -> bool:
    """One posting list of a segment read block by block and through the public matcher API:
    the same documents, weights and positions, or the internals have changed."""
    try:
        # The most frequent of the first words: a list of one posting reads alike either way.
        words = list(islice(reader.lexicon(fieldname), 200))
        if not words:
            return True
        btext = max(words, key=lambda w: reader.doc_frequency(fieldname, w))
        fast = list(read_postings(reader, fieldname, btext, deleted, values=True))
        public = list(read_postings(reader, fieldname, btext, deleted, values=True, blockwise=False))
        if [(d, float(w)) for d, w, _ in fast] != [(d, float(w)) for d, w, _ in public]:
            return False
        decode = position_decoder(format_)
        return all(list(decode(a)) == list(format_.decode_positions(b))
                   for (_, _, a), (_, _, b) in zip(fast[:8], public[:8]))
    except Exception:  # a missing attribute, a different layout: anything unexpected
        return False
