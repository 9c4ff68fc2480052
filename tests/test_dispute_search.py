"""Disputes answer a search: a plain query whose words are all in a dispute's question or in
the name of a measure its claims quantify."""

from __future__ import annotations

import json

import pytest

from support import REPO_ROOT
from tui.briefing import Briefing
from tui.dispute_search import dispute_hits

SHIPPED = Briefing.load(REPO_ROOT)


@pytest.mark.parametrize(("query", "entity", "found"), [
    pytest.param("trade share", None, ["china-share-of-nk-trade", "dandong-gateway-health"], id="a-measure-name"),
    pytest.param("tourism", None, ["nk-tourism-prospects"], id="a-word-of-the-question"),
    pytest.param("bridges", None, ["nyrb-opening-status"], id="stemmed-as-the-index-is"),
    pytest.param("Sinŭiju rail", None, ["china-nk-rail-timeline", "nk-border-closure-since-2020"], id="accents-folded"),
    pytest.param("tourism", "hunchun-customs-facility", [], id="of-another-entity-none"),
    pytest.param("site:sinuiju", None, [], id="a-field-query-is-not-plain"),
    pytest.param("trade OR tourism", None, [], id="operators-are-not-plain"),
    pytest.param('"trade share"', None, [], id="a-phrase-is-not-plain"),
    pytest.param("the of and", None, [], id="only-stop-words-find-nothing"),
])
def test_the_disputes_a_query_finds(query, entity, found):
    assert [hit.doc_id for hit in dispute_hits(SHIPPED, query, entity)] == found
    assert all(hit.kind == "dispute" and hit.title == SHIPPED.disputes[hit.doc_id].question
               for hit in dispute_hits(SHIPPED, query, entity))


def test_the_cli_lists_disputes_after_articles_and_claims(run_cli):
    result = run_cli("search", "--json", "-n", "200", "tourism", workspace=REPO_ROOT)
    hits = json.loads(result.stdout)
    kinds = [hit["kind"] for hit in hits]
    assert "article" in kinds and "dispute" in kinds
    assert set(kinds[kinds.index("dispute"):]) == {"dispute"}  # after every article and claim
    only = json.loads(run_cli("search", "--json", "--kind", "dispute", "tourism", workspace=REPO_ROOT).stdout)
    assert [hit["id"] for hit in only] == ["nk-tourism-prospects"]
