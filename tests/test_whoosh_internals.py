"""The Whoosh internals tui/search/postings.py and engine.py read, checked on the installed Whoosh: present,
and shaped as the evaluator reads them. A Whoosh release that changes them fails here, loudly;
and at run time such a Whoosh is answered by Whoosh's own matchers, never wrongly."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from itertools import accumulate

import pytest

from support import REPO_ROOT
from tui.search import SearchIndex
from tui.search.engine import Unsupported


def _pinned() -> tuple[str, str]:
    dependencies = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    found = [re.fullmatch(r"(whoosh[\w.-]*)==([\w.]+)", d.strip()) for d in dependencies if d.startswith("whoosh")]
    assert len(found) == 1 and found[0], f"one exact whoosh pin expected in pyproject.toml, found {dependencies}"
    return found[0].group(1), found[0].group(2)


def test_the_installed_whoosh_is_the_pinned_one():
    name, version = _pinned()
    assert metadata.version(name) == version, f"the evaluator was written against {name} {version}"


@pytest.fixture
def two_segments(workspace, index_dir):
    from tui.briefing import Briefing

    docs = Briefing.load(workspace).search_documents()
    index = SearchIndex(index_dir)
    index.sync(docs[:2])
    index.sync(docs)
    assert len(list(index._get_searcher().leaf_searchers())) == 2
    yield index
    index.close()


def test_the_internals_are_there_and_shaped_as_read(two_segments):
    from whoosh.system import _INT_SIZE

    assert _INT_SIZE == 4
    searcher = two_segments._get_searcher()
    sub, _ = list(searcher.leaf_searchers())[0]
    reader = sub.reader()
    btext = next(iter(reader.lexicon("body")))
    leaf = reader.postings("body", btext)
    for name in ("_read_data", "_next_block", "_read_values", "_atend", "_blocklength", "_data", "_byteids"):
        assert hasattr(leaf, name), f"posting matcher {type(leaf).__name__} has no {name}"
    leaf._read_data()
    deltas, weights = leaf._data[0], leaf._data[1]
    assert list(accumulate(deltas))[: leaf._blocklength] == list(reader.postings("body", btext).all_ids())[
        : leaf._blocklength], "block ids are not stored as deltas"
    assert weights is None or isinstance(weights, float) or len(weights) == leaf._blocklength
    leaf._read_values()
    value = leaf._values[0]
    assert isinstance(value, bytes)
    assert list(searcher.schema["body"].format.decode_positions(value)), "a Characters value has positions"
    from whoosh import query as Q

    assert callable(getattr(Q.Prefix("body", "bri"), "_btexts", None))
    assert two_segments._get_evaluator(searcher).internals_ok()


def test_a_whoosh_shaped_otherwise_is_answered_by_its_own_matchers(two_segments, monkeypatch):
    """A codec that stored absolute ids where this one stores deltas: the evaluator notices,
    raises Unsupported, and every answer is still right."""
    from whoosh.codec.whoosh3 import W3LeafMatcher

    queries = ["Sinuiju bridge", "rail* -sanctions", '"New Yalu River Bridge"', "published:>2020 customs"]
    expected = {q: [h.doc_id for h in two_segments.search(q, limit=None, fragments=0).hits] for q in queries}
    read_data = W3LeafMatcher._read_data

    def absolute_ids(self):
        read_data(self)
        self._data = (tuple(accumulate(self._data[0])),) + tuple(self._data[1:])

    def read_ids(self):
        if self._data is None:
            self._read_data()
        self._ids = tuple(self._data[0])

    monkeypatch.setattr(W3LeafMatcher, "_read_data", absolute_ids)
    monkeypatch.setattr(W3LeafMatcher, "_read_ids", read_ids)
    index = SearchIndex(two_segments.directory)
    evaluator = index._get_evaluator(index._get_searcher())
    assert not evaluator.internals_ok()
    with pytest.raises(Unsupported):
        evaluator.evaluate(index.parse("bridge"))
    assert {q: [h.doc_id for h in index.search(q, limit=None, fragments=0).hits] for q in queries} == expected
    assert any(expected.values())
    index.close()


@pytest.fixture
def segments_with_deletions(workspace, index_dir):
    """Two segments, and in the first, documents replaced since (deleted, not yet merged)."""
    from dataclasses import replace

    from tui.briefing import Briefing

    docs = Briefing.load(workspace).search_documents()
    index = SearchIndex(index_dir)
    index.sync(docs)
    changed = [replace(d, body=d.body + " amended") if i % 3 == 0 else d for i, d in enumerate(docs)]
    index.sync(changed)
    searcher = index._get_searcher()
    assert len(list(searcher.leaf_searchers())) == 2 and searcher.reader().has_deletions()
    yield index
    index.close()


@pytest.mark.parametrize("field", ["title", "body", "outlet", "no-such-field"])
def test_lengths_read_in_one_piece_are_those_whoosh_gives_one_by_one(segments_with_deletions, field):
    from tui.search.scoring import field_lengths

    for sub, _ in segments_with_deletions._get_searcher().leaf_searchers():
        reader = sub.reader()
        one_by_one = [reader.doc_field_length(d, field, 0) or 0 for d in range(reader.doc_count_all())]
        assert field_lengths(reader, field) == one_by_one
        assert (sum(one_by_one) > 0) == (field in ("title", "body", "outlet"))


class _OtherReader:
    """A reader with the public length call only, as another codec's would be."""

    def __init__(self, reader):
        self._reader = reader

    def doc_count_all(self):
        return self._reader.doc_count_all()

    def doc_field_length(self, docnum, fieldname, default=0):
        return self._reader.doc_field_length(docnum, fieldname, default)


def test_a_reader_shaped_otherwise_has_its_lengths_read_one_by_one(segments_with_deletions):
    from tui.search.scoring import field_lengths

    for sub, _ in segments_with_deletions._get_searcher().leaf_searchers():
        reader = sub.reader()
        one_by_one = [reader.doc_field_length(d, "body", 0) or 0 for d in range(reader.doc_count_all())]
        assert field_lengths(_OtherReader(reader), "body") == one_by_one and sum(one_by_one) > 0
