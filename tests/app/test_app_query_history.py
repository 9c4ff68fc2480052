"""Up and down in the search box step through the queries asked before, across launches;
the palette offers them as Recent:."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.conftest import search_for, settle
from tui.app.widgets.search_bar import SearchBar


def box(app) -> str:
    return app.screen.query_one(SearchBar).value


async def ask(pilot, *queries: str) -> None:
    for query in queries:
        await search_for(pilot, query)
    await pilot.press("slash", "ctrl+u")  # back in the box, emptied


@pytest.mark.parametrize(("keys", "shown"), [
    pytest.param(("up",), "tumen", id="up-the-newest"),
    pytest.param(("up", "up"), "Rason port", id="up-up-the-one-before"),
    pytest.param(("up", "up", "up", "up"), "bridge", id="up-stops-at-the-oldest"),
    pytest.param(("up", "up", "down"), "tumen", id="down-comes-back"),
    pytest.param(("up", "down"), "draft", id="down-past-the-newest-gives-back-the-draft"),
    pytest.param(("down",), "draft", id="down-without-up-changes-nothing"),
])
async def test_up_and_down_step_through_the_queries_asked(shipped_copy: Path, make_app, keys, shown):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, "bridge", "Rason port", "tumen")
        await pilot.press(*"draft")
        await pilot.press(*keys)
        await settle(pilot)
        assert box(app) == shown
        assert app.screen.query_text == shown  # and its results are the ones shown


async def test_the_history_outlives_the_app_and_edits_start_a_new_query(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, "bridge", "Rason port")
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "up")
        await settle(pilot)
        assert box(app) == "Rason port"
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace", "up")
        await settle(pilot)
        # Edited, the box holds a new query: up starts from the newest again.
        assert box(app) == "Rason port"
        await pilot.press("up")
        assert box(app) == "bridge"


async def test_opening_a_hit_keeps_its_query_though_enter_was_not_pressed(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"sinuiju", "tab")
        await settle(pilot)
        app.screen.query_one("#results").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.backend.query_history.load() == ["sinuiju"]


async def test_the_palette_offers_recent_queries_literally(shipped_copy: Path, make_app):
    hostile = "[@click=app.quit]bridge[/]"
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, hostile, "Rason port")
        app.screen.query_one("#results").focus()
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Recent")
        await settle(pilot)
        from textual.command import CommandList
        options = app.screen.query_one(CommandList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Recent: Rason port" in p for p in prompts)
        assert any(f"Recent: {hostile}" in p for p in prompts)  # shown as typed, not run
        index = next(i for i, p in enumerate(prompts) if "Recent: Rason port" in p)
        options.highlighted = index
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running and box(app) == "Rason port" and app.screen.query_text == "Rason port"
