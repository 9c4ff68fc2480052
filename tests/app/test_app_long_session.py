"""A realistic hour at the app, in one run: many articles opened in a row from results, the
reader, a brief and the chart; the Compare filter pasted into; escape every time."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import ContentSwitcher, Input, OptionList

from conftest import settle
from tui.app.screens.compare import CompareScreen
from tui.app.screens.main import MainScreen
from tui.app.widgets.brief_view import BriefView
from tui.app.widgets.reader import ArticleReader
from tui.app.widgets.results import ResultsList


def center(app) -> str:
    return app.screen.query_one("#center", ContentSwitcher).current


def shown_paragraphs(reader: ArticleReader) -> list[str]:
    return [str(p.render()) for p in reader.query(".paragraph")]


async def test_a_long_session_never_crashes_and_every_screen_is_right(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        opened: list[str] = []

        async def expect_reader() -> ArticleReader:
            await settle(pilot)
            assert app.is_running and isinstance(app.screen, MainScreen) and center(app) == "reader"
            reader = app.screen.query_one(ArticleReader)
            paragraphs = shown_paragraphs(reader)
            assert paragraphs and all(text in reader.article.body for text in paragraphs)
            opened.append(reader.article.id)
            return reader

        # Every article from the results, escape back each time.
        hits = len(app.screen.query_one(ResultsList).hits)
        for n in range(hits):
            await pilot.press("g", *["j"] * n, "enter")
            await expect_reader()
            await pilot.press("escape")
            await settle(pilot)
            assert center(app) == "results" and app.focused is app.screen.query_one(ResultsList)

        # A search, a hit, n through its hits, a mention's brief, a claim of it back to the reader.
        await pilot.press("slash", *"Sinuiju", "enter", "enter")
        reader = await expect_reader()
        await pilot.press("n", "n", "right_square_bracket", "enter")
        await settle(pilot)
        assert center(app) == "brief"
        brief = app.screen.query_one(BriefView).brief
        claims = [i for i, (kind, _) in enumerate(app.screen.query_one(BriefView)._items) if kind == "claim"]
        if claims:
            app.screen.query_one("#brief-items", OptionList).highlighted = claims[0]
            await pilot.press("enter")
            await expect_reader()
            await pilot.press("escape")
            await settle(pilot)
            assert center(app) == "brief" and app.screen.query_one(BriefView).brief.id == brief.id
        await pilot.press("escape")
        await settle(pilot)
        assert center(app) == "reader"
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert center(app) == "results"

        # The chart, enter on two values in turn.
        for row in range(2):
            app.open_chart()
            await settle(pilot)
            await pilot.press(*["down"] * row, "enter")
            await expect_reader()
            await pilot.press("escape")
            await settle(pilot)

        # From the Sources pane: h, then j and enter.
        await pilot.press("h", "j", "enter")
        await expect_reader()
        await pilot.press("escape")
        await settle(pilot)

        # Compare, a pasted filter, back out, and one more article.
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("slash")
        app.screen.query_one("#dispute-filter", Input).post_message(events.Paste("tourism"))
        await settle(pilot)
        assert app.screen.query_one("#dispute-filter", Input).value == "tourism"
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        await pilot.press("escape")  # out of the search box, never into it
        await settle(pilot)
        assert app.focused is not app.screen.query_one("#query", Input)
        await pilot.press("enter")
        await expect_reader()

        assert len(opened) >= 10 and app.is_running
