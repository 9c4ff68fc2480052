"""The per-kind and per-entity filter of both search paths (the evaluator and Whoosh's own
matchers): an empty filter means no hits, never "no filter"."""

from __future__ import annotations

import pytest

from support import ALL_ARTICLES

# '"…"~3' is a proximity phrase: the evaluator does not handle it, Whoosh's matchers answer.
FAST, FALLBACK, BROWSE = "Sinuiju bridge", '"economic cooperation"~3', ""


@pytest.mark.parametrize("text", [FAST, FALLBACK, BROWSE], ids=["evaluator", "whoosh-fallback", "empty-query"])
def test_an_unknown_entity_finds_nothing(corpus_index, text):
    results = corpus_index.search(text, entity="no-such-entity", limit=None)
    assert (results.hits, results.total) == ([], 0)


@pytest.mark.parametrize("text", [FAST, FALLBACK, BROWSE], ids=["evaluator", "whoosh-fallback", "empty-query"])
def test_a_kind_with_no_documents_finds_nothing(corpus_index, text):
    """The corpus index has articles and no claims."""
    results = corpus_index.search(text, kinds=("claim",), limit=None)
    assert (results.hits, results.total) == ([], 0)


@pytest.mark.parametrize("text", [FAST, FALLBACK, BROWSE], ids=["evaluator", "whoosh-fallback", "empty-query"])
def test_each_article_is_listed_once(corpus_index, text):
    results = corpus_index.search(text, limit=None)
    ids = [h.doc_id for h in results.hits]
    assert ids and len(ids) == len(set(ids)) == results.total
    assert set(ids) <= ALL_ARTICLES
    assert {h.kind for h in results.hits} == {"article"}
