"""A dispute laid out one column per source (tui/compare/columns.py): which columns, which
rows, each paragraph once with its quoted spans, how many fit, which window shows."""

from __future__ import annotations

import pytest

from support import REPO_ROOT
from tui.briefing import Briefing
from tui.dates import span_between
from tui.compare import (columns_that_fit, compare_dispute, dispute_columns, source_count_text, stacks, window,
                         window_hint)

SHIPPED = Briefing.load(REPO_ROOT)
DISPUTES = sorted(SHIPPED.disputes)


def _layout(dispute_id: str):
    return dispute_columns(compare_dispute(SHIPPED, SHIPPED.disputes[dispute_id]))


@pytest.mark.parametrize("dispute_id", DISPUTES, ids=DISPUTES)
def test_one_column_per_source_holding_all_its_claims(dispute_id: str):
    comparison = compare_dispute(SHIPPED, SHIPPED.disputes[dispute_id])
    layout = dispute_columns(comparison)
    sources = [c.article_id for c in layout.columns]
    assert len(sources) == len(set(sources)) == comparison.source_count
    assert sources == list(dict.fromkeys(s.claim.source for s in comparison.sides)), "publication order"
    for column in layout.columns:
        assert {s.claim.source for s in column.sides} == {column.article_id}
        as_of = [s.claim.as_of.sort_key() for s in column.sides if s.claim.as_of]
        assert as_of == sorted(as_of), "a source's claims stack in date order"
    assert sorted(s.claim.id for c in layout.columns for s in c.sides) == sorted(s.claim.id for s in comparison.sides)
    assert layout.rows == max(len(c.sides) for c in layout.columns)
    assert layout.columns[0].gap is None
    for previous, column in zip(layout.columns, layout.columns[1:]):
        # the time between two sources, never between two claims of one source
        expected = span_between(previous.published, column.published) if previous.published and column.published else None
        assert column.gap == expected


@pytest.mark.parametrize("dispute_id", DISPUTES, ids=DISPUTES)
def test_each_paragraph_once_with_every_quote_marked_in_it(dispute_id: str):
    for column in _layout(dispute_id).columns:
        body = column.article.body
        starts = [p.start for p in column.passages]
        assert starts == sorted(set(starts)), "each paragraph once, in article order"
        marked = [p.text[a:b] for p in column.passages for a, b in p.marks]
        for side in column.sides:
            start, end = side.claim.quote_span
            assert body[start:end] in marked
        for passage in column.passages:
            assert body[passage.start:passage.start + len(passage.text)] == passage.text
        assert column.opens_at == column.sides[0].claim.quote_span


def test_a_source_giving_several_claims_in_one_paragraph_shows_it_once():
    shared = [(d, c) for d in DISPUTES for c in _layout(d).columns
              if len(c.passages) < len(c.sides)]
    assert shared, "the shipped briefs have a source quoted twice in one paragraph"
    for _, column in shared:
        assert sum(len(p.marks) for p in column.passages) >= len(column.passages)


@pytest.mark.parametrize("width, count, fit", [
    pytest.param(82, 4, 3, id="120-terminal-three"),
    pytest.param(76, 4, 2, id="80-terminal-two"),
    pytest.param(160, 4, 4, id="wide-but-only-four-sources"),
    pytest.param(20, 4, 1, id="too-narrow-still-one"),
    pytest.param(82, 1, 1, id="one-source"),
])
def test_columns_that_fit(width, count, fit):
    assert columns_that_fit(width, count) == fit


@pytest.mark.parametrize("terminal, stacked", [
    pytest.param(60, True, id="60-stacks"), pytest.param(69, True, id="69-stacks"),
    pytest.param(70, False, id="70-side-by-side"), pytest.param(80, False, id="80-side-by-side"),
])
def test_narrow_terminals_stack(terminal, stacked):
    assert stacks(terminal) is stacked


@pytest.mark.parametrize("count, fit, cursor, first, expected", [
    pytest.param(7, 3, 1, 0, 0, id="cursor-inside-window-stays"),
    pytest.param(7, 3, 3, 0, 1, id="cursor-past-right-edge-moves-one"),
    pytest.param(7, 3, 0, 2, 0, id="cursor-past-left-edge-moves-back"),
    pytest.param(7, 3, 6, 0, 4, id="last-column"),
    pytest.param(2, 3, 1, 5, 0, id="all-fit-window-at-start"),
])
def test_window_follows_the_cursor(count, fit, cursor, first, expected):
    assert window(count, fit, cursor, first) == expected


@pytest.mark.parametrize("count, fit, first, hint", [
    pytest.param(7, 2, 1, "2–3 of 7", id="middle"),
    pytest.param(7, 3, 4, "5–7 of 7", id="end"),
    pytest.param(7, 1, 0, "1 of 7", id="one-at-a-time"),
    pytest.param(3, 3, 0, "", id="all-showing-no-hint"),
])
def test_window_hint(count, fit, first, hint):
    assert window_hint(count, fit, first) == hint


@pytest.mark.parametrize("count, text", [
    pytest.param(1, "1 source", id="singular"), pytest.param(2, "2 sources", id="plural"),
    pytest.param(0, "0 sources", id="none"),
])
def test_source_count_grammar(count, text):
    assert source_count_text(count) == text
