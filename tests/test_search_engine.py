"""The set-based evaluator (tui/search/engine.py) against Whoosh's own matchers: the same
documents, the same BM25F scores, the same order; and fragments on demand."""

from __future__ import annotations

import pytest

from support import CHINA_TRADE, replace_in
from test_search import QUERIES, documents
from tui.search import SearchIndex

PARITY = [q for q, _, _ in QUERIES if "*" not in q] + [
    "trade", "bridge OR Sinuiju", "trade -sanctions", "Rason NOT (Kremlin OR Moscow)", '"North Korea" China',
    "+bridge customs", "title:rason OR body:kremlin", "published:>2020 customs", "*:*", "kind:claim",
]


def whoosh_order(index: SearchIndex, text: str, kind: str) -> list[tuple[str, float]]:
    """Every match of one kind, ranked by Whoosh's own scoring (no top-k pruning)."""
    searcher = index._get_searcher()
    query = index.parse(text)
    results = index._search_with_whoosh(searcher, text, query, None, (kind,), None, 0, None)
    return sorted(((h.doc_id, h.score) for h in results.hits), key=lambda item: -item[1])


@pytest.mark.parametrize("text", PARITY)
@pytest.mark.parametrize("kind", ["article", "claim"])
def test_the_evaluator_ranks_as_whoosh_scores(small_index, text, kind):
    ours = [(h.doc_id, h.score) for h in small_index.search(text, kinds=(kind,), limit=None, fragments=0).hits]
    theirs = whoosh_order(small_index, text, kind)
    assert [d for d, _ in ours] == [d for d, _ in theirs] or sorted(ours) == sorted(theirs)
    assert sorted(d for d, _ in ours) == sorted(d for d, _ in theirs)
    for (_, a), (_, b) in zip(sorted(ours), sorted(theirs)):
        assert a == pytest.approx(b, rel=1e-6)


@pytest.mark.parametrize("text", ["rail*", "bri* OR sanc*", "custom* Dandong"])
def test_patterns_match_the_same_documents(small_index, text):
    for kind in ("article", "claim"):
        ours = {h.doc_id for h in small_index.search(text, kinds=(kind,), limit=None, fragments=0).hits}
        assert ours == {d for d, _ in whoosh_order(small_index, text, kind)}


def test_a_query_the_evaluator_does_not_handle_is_answered_by_whoosh(corpus_index):
    text = '"economic cooperation"~3'
    results = corpus_index.search(text, kinds=("article",), limit=None)
    assert {h.doc_id for h in results.hits} == {d for d, _ in whoosh_order(corpus_index, text, "article")}
    assert results.hits


def test_hits_past_the_highlighted_ones_get_fragments_later(corpus_index):
    full = corpus_index.search("Sinuiju", kinds=("article",), limit=None)
    first = corpus_index.search("Sinuiju", kinds=("article",), limit=None, highlight=1)
    assert [h.doc_id for h in first.hits] == [h.doc_id for h in full.hits]
    assert first.hits[0].fragments == full.hits[0].fragments
    assert all(not h.fragments for h in first.hits[1:])
    later = corpus_index.highlight("Sinuiju", first.hits[1:])
    assert [h.fragments for h in later] == [h.fragments for h in full.hits[1:]]
    assert all(h.fragments for h in later)


def test_deleted_documents_are_never_found(workspace, index_dir):
    index = SearchIndex(index_dir)
    index.sync(documents(workspace))
    assert {h.doc_id for h in index.search("molybdenum").hits} == {CHINA_TRADE}
    replace_in(workspace / "corpus" / f"{CHINA_TRADE}.md", "molybdenum", "tungstenite")
    index.sync(documents(workspace))  # the old version is deleted, still in its segment
    assert index.search("molybdenum").hits == []
    assert {h.doc_id for h in index.search("tungstenite").hits} == {CHINA_TRADE}
    assert index.search("molybdenum OR tungstenite").total == 1
    assert index.search("", kinds=("article",), limit=None).total == 5


def test_a_first_build_is_searchable_while_it_is_written(workspace, index_dir, monkeypatch):
    import tui.search.sync as index_module

    monkeypatch.setattr(index_module, "FIRST_BATCH", 2)
    docs = sorted(documents(workspace), key=lambda d: d.doc_key)
    seen = []

    def progress(done: int, total: int) -> None:
        if done == 4:  # the first two are committed; the rest are being written
            seen.append(SearchIndex(index_dir).search("", kinds=("article",), limit=None).total)

    report = SearchIndex(index_dir).sync(docs, progress=progress)
    assert report.rebuilt and report.reason == "no index yet"
    assert seen == [2]
    assert SearchIndex(index_dir).search("", kinds=("article",), limit=None).total == 5
