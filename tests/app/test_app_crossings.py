"""The crossing board in the app: b opens it, each source's latest state as of when, a ≠ on
the states that disagree, h for every dated state, enter for the site's brief."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from conftest import settle
from tui.app.screens.crossings import CrossingBoardScreen


def rows_of(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_b_opens_the_board_with_latest_states_and_the_disagreement(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, CrossingBoardScreen)
        table = app.screen.query_one(DataTable)
        rows = rows_of(table)
        nyrb = next(i for i, r in enumerate(rows) if r[0] == "New Yalu River Bridge")
        # One line per source: the 2025 article's latest state, then the 2026 article's.
        assert rows[nyrb][3:5] == ["under-construction", "2025"] and rows[nyrb + 1][3:5] == ["unused", "2026-03"]
        assert rows[nyrb + 1][0] == ""
        flagged = [r for r in rows if r[5] == "≠"]
        assert [r[0] for r in flagged] == ["Beijing–Dandong–Pyongyang pas…"]
        table.move_cursor(row=rows.index(flagged[0]))
        await pilot.pause()
        detail = str(app.screen.query_one("#board-detail", Static).render())
        assert "inside one article" in detail and "planned to begin services again this week" in detail

        await pilot.press("h")
        await settle(pilot)
        history = rows_of(app.screen.query_one(DataTable))
        assert len(history) > len(rows)
        assert ["suspended", "2022-04"] in [r[3:5] for r in history]


async def test_enter_opens_the_site_brief(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        app.open_crossings()
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        rajin = next(i for i, r in enumerate(rows_of(table)) if r[0] == "Rajin port")
        table.move_cursor(row=rajin)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, CrossingBoardScreen)
        assert app.main.entity == "rajin-port"
