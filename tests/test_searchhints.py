"""A search that finds nothing says what to try: a near spelling, a filter or word dropped,
the entity filter cleared; each hint is offered only if it finds something."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import REPO_ROOT, build_index
from tui.briefing import Briefing
from tui.queryexpand import expand_query
from tui.search import QueryError
from tui.searchhints import search_hints

SHIPPED = Briefing.load(REPO_ROOT)


@pytest.fixture(scope="module")
def count(tmp_path_factory):
    index = build_index(REPO_ROOT, tmp_path_factory.mktemp("hints") / "ix")

    def _count(query: str, entity: str | None) -> int:
        try:
            return index.search(expand_query(SHIPPED, query), limit=1, entity=entity).total
        except QueryError:
            return 0

    return _count


@pytest.mark.parametrize(("query", "entity", "first"), [
    pytest.param("Sinuiju brige", None, ("Sinuiju bridge", "near spelling: brige → bridge"), id="a-misspelt-word"),
    pytest.param("Sinuju", None, ("Sinuiju", "near spelling: Sinuju → Sinuiju"), id="a-misspelt-name"),
    pytest.param("Rasun port", None, ("Rason port", "near spelling: Rasun → Rason"), id="a-name-in-a-longer-query"),
    pytest.param("Hunchum customs", None, ("Hunchun customs", "near spelling: Hunchum → Hunchun"), id="a-typo-in-a-city"),
    pytest.param("bridge zzyzxq", None, ("bridge", "without zzyzxq (in no article)"), id="a-word-in-no-article-dropped"),
    pytest.param("bridge outlet:zzyzxq", None, ("bridge", "without the filter outlet:zzyzxq"), id="a-filter-dropped"),
    pytest.param("Vladivostok ferry", "hunchun-customs-facility", ("Vladivostok ferry", "without the entity filter (escape clears it)"),
                 id="the-entity-filter-cleared"),
])
def test_the_first_hint_for_a_query_that_finds_nothing(count, query, entity, first):
    assert count(query, entity) == 0, "the case must find nothing as it is"
    hints = search_hints(query, SHIPPED, count, entity)
    assert hints, query
    assert (hints[0].query, hints[0].why) == first
    assert all(hint.hits == count(hint.query, None if hint.clears_entity else entity) > 0 for hint in hints)


@pytest.mark.parametrize("query", [
    pytest.param("zzyzxq", id="one-word-in-nothing-has-no-way-out"),
    pytest.param("qqqqqqqq wwwwwwww", id="two-words-near-nothing"),
    pytest.param('"[bold]x[/]" \x1b[2J', id="markup-and-escapes-offer-nothing-that-finds-nothing"),
])
def test_no_hint_is_offered_that_finds_nothing(count, query):
    assert search_hints(query, SHIPPED, count) == []


def test_a_word_that_is_spelt_right_is_not_respelt(count):
    hints = search_hints("bridge zzyzxq", SHIPPED, count)
    assert not any(hint.why.startswith("near spelling") and "bridge →" in hint.why for hint in hints)


def test_the_cli_says_what_to_try_on_stderr_and_keeps_json_clean(run_cli, workspace: Path):
    result = run_cli("search", "--json", "Sinuiju", "brige", workspace=REPO_ROOT)
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert "borderbrief: try: borderbrief search -- 'Sinuiju bridge'" in result.stderr
    assert "near spelling: brige → bridge" in result.stderr
