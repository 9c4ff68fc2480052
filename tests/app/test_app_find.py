"""Find in the article: `/` in the reader finds a phrase inside it, with a counter and n/N."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import ContentSwitcher

from conftest import open_first_result, settle
from tui.app.widgets.find_bar import FindBar
from tui.app.widgets.reader import ArticleReader
from tui.app.widgets.search_bar import SearchBar
from tui.textfold import fold


def toasts(app) -> list[str]:
    return [n.message for n in app._notifications]


def counter(app) -> str:
    return str(app.screen.query_one("#find-counter").render())


def occurrences(body: str, phrase: str) -> int:
    return fold(body).text.count(fold(phrase).text)


async def open_reader_and_find(pilot, phrase: str) -> ArticleReader:
    reader = await open_first_result(pilot)
    await pilot.press("slash")
    await pilot.press(*phrase)
    await settle(pilot)
    return reader


@pytest.mark.parametrize("phrase", ["yalu", "YALU", "Yālu"], ids=["lower-case", "upper-case", "with-an-accent"])
async def test_find_counts_every_occurrence_ignoring_case_and_accents(shipped_copy: Path, make_app, phrase):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_reader_and_find(pilot, phrase)
        expected = occurrences(reader.article.body, "yalu")
        assert expected >= 2, "the shipped first article names the Yalu more than once"
        assert counter(app) == f"1/{expected}"
        assert [reader.article.body[a:b].lower() for a, b in reader.matches] == ["yalu"] * expected
        assert app.screen.query_one(SearchBar).input.value == "", "the global query is untouched"


@pytest.mark.parametrize(("keys", "position", "note"), [
    (["n"], 2, ""),
    (["N"], -1, " · wrapped"),
    (["N", "n"], 1, " · wrapped"),
], ids=["n-moves-to-the-next", "N-from-the-first-wraps-to-the-last", "n-from-the-last-wraps-to-the-first"])
@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_n_and_N_move_between_matches_and_say_when_they_wrap(shipped_copy: Path, make_app, keys, position, note, size):
    app = make_app(shipped_copy)
    async with app.run_test(size=size) as pilot:
        reader = await open_reader_and_find(pilot, "yalu")
        total = len(reader.matches)
        await pilot.press("enter")  # enter hands the keys back to the reader, matches kept
        assert app.focused is reader
        await pilot.press(*keys)
        await settle(pilot)
        expected = position if position > 0 else total + 1 + position
        # The wrap is said in the counter and the pane's subtitle, where the eye already is;
        # a toast would sit on the find bar at 80x24 and hide the counter.
        assert counter(app) == f"{expected}/{total}{note}"
        assert str(reader.border_subtitle) == f"find “yalu” {expected}/{total}{note}"
        assert not any(t.startswith("wrapped") for t in toasts(app))


async def test_a_phrase_that_is_not_in_the_article_says_no_match(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_reader_and_find(pilot, "zzqx")
        assert reader.matches == [] and counter(app) == "no match"


async def test_escape_closes_the_find_bar_and_returns_to_the_reader(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_reader_and_find(pilot, "yalu")
        bar = app.screen.query_one(FindBar)
        assert bar.is_open and app.focused is bar.input
        await pilot.press("escape")
        await settle(pilot)
        assert not bar.is_open and app.focused is reader
        assert app.screen.query_one("#center", ContentSwitcher).current == "reader", "escape left the find only"
        assert len(reader.matches) == occurrences(reader.article.body, "yalu"), "the matches stay for n/N"


async def test_slash_on_the_results_still_focuses_the_global_query(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert app.focused is app.screen.query_one(SearchBar).input
        assert not app.screen.query_one(FindBar).is_open


@pytest.mark.parametrize(("keys", "position", "note"), [
    (["right_square_bracket"], 1, ""),
    (["right_square_bracket", "right_square_bracket"], 2, ""),
    (["left_square_bracket"], -1, ""),
    (["right_square_bracket", "left_square_bracket"], -1, " · wrapped"),
], ids=["]-goes-to-the-first-mark", "]-again-the-second", "[-starts-at-the-last", "[-from-the-first-wraps-to-the-last"])
@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_marks_have_a_counter_that_says_when_they_wrap(shipped_copy: Path, make_app, keys, position, note, size):
    app = make_app(shipped_copy)
    async with app.run_test(size=size) as pilot:
        reader = await open_first_result(pilot)
        total = len(reader.marks)
        assert total >= 3, "the shipped first article names several entities"
        await pilot.press(*keys)
        await settle(pilot)
        expected = position if position > 0 else total + 1 + position
        kind = reader.marks[expected - 1].kind
        assert reader.current_mark == expected - 1
        assert str(reader.border_subtitle) == f"mark {expected}/{total} · {kind}{note}"
        assert not any(t.startswith("wrapped") for t in toasts(app))
        await pilot.press("escape")  # another article: the counter is of the article on screen
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        assert str(reader.border_subtitle) == ""
