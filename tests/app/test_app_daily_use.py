"""Daily use: the flows a person repeats all day never crash, and every key does what it says."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import ContentSwitcher, Input, OptionList

from conftest import settle
from tui.app.screens.compare import CompareScreen
from tui.app.screens.main import MainScreen
from tui.app.widgets.reader import ArticleReader


def center(app) -> str:
    return app.screen.query_one("#center", ContentSwitcher).current


async def test_opening_a_second_article_after_escape_shows_it(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        first = app.screen.query_one(ArticleReader).article.id
        await pilot.press("escape", "down", "enter")
        await settle(pilot)
        assert app.is_running and center(app) == "reader"
        reader = app.screen.query_one(ArticleReader)
        assert reader.article.id != first
        shown = [str(p.render()) for p in reader.query(".paragraph")]
        assert shown and all(text in reader.article.body for text in shown), "only the second article's paragraphs"


async def test_opening_the_same_article_twice_in_a_row_shows_it(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for _ in range(3):
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running and center(app) == "reader"
        assert len(app.screen.query(".paragraph")) > 0


async def test_pasting_into_the_compare_filter_narrows_the_disputes(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        everything = app.screen.query_one("#disputes", OptionList).option_count
        await pilot.press("slash")
        box = app.screen.query_one("#dispute-filter", Input)
        # A paste, or keys typed faster than the screen handles them: every change is queued
        # before the first is handled, so highlight events of older lists arrive late.
        for character in "tourism":
            box.insert_text_at_cursor(character)
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, CompareScreen)
        box.value = ""
        box.post_message(events.Paste("tourism"))
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, CompareScreen)
        disputes = app.screen.query_one("#disputes", OptionList)
        assert app.screen.query_one("#dispute-filter", Input).value == "tourism"
        assert 0 < disputes.option_count < everything


async def test_a_compare_filter_that_matches_nothing_says_so(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("slash")
        box = app.screen.query_one("#dispute-filter", Input)
        for character in "zzzz":  # typed faster than the screen handles each change
            box.insert_text_at_cursor(character)
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, CompareScreen)
        assert app.screen.query_one("#disputes", OptionList).option_count == 0
        await pilot.press("down", "enter", "y", "g")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, CompareScreen)
