"""The compare screen: every dispute with all its sources; two articles aligned."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from conftest import settle
from support import REPO_ROOT, RFA, CHINA_TRADE
from tui.app.screens.compare import CompareScreen
from tui.app.screens.pair import PairScreen
from tui.app.screens.source import SourceScreen
from tui.app.widgets.side_by_side import Cell, SideBySide
from tui.app.widgets.reader import ArticleReader
from tui.app.widgets.sources import SourcesPane
from tui.briefing import Briefing
from tui.compare import compare_dispute

SHIPPED = Briefing.load(REPO_ROOT)


@pytest.mark.parametrize("dispute_id", sorted(SHIPPED.disputes), ids=sorted(SHIPPED.disputes))
async def test_every_dispute_renders_one_column_per_source(shipped_copy: Path, make_app, dispute_id: str):
    app = make_app(shipped_copy)
    async with app.run_test(size=(200, 55)) as pilot:
        await settle(pilot)
        app.open_compare(dispute=dispute_id)
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        grid = app.screen.query_one(SideBySide)
        comparison = compare_dispute(app.backend.briefing, app.backend.briefing.disputes[dispute_id])
        sources = list(dict.fromkeys(s.claim.source for s in comparison.sides))
        assert [c.article_id for c in grid.arrangement.columns] == sources
        shown = "\n".join(c.content.plain for c in grid.query(Cell))
        for index in grid.visible:
            column = grid.arrangement.columns[index]
            heading = column.article.outlet or column.article.title
            assert heading[:20] in _cell(grid, index, "head").content.plain
            for side in column.sides:
                assert side.claim.id in shown
        assert "outlet unknown" not in shown
        header = app.screen.query_one("#dispute-header").content.plain
        assert comparison.dispute.question in header


async def test_c_opens_compare_and_enter_opens_the_source_at_the_quote(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("enter")  # into the columns
        grid = app.screen.focused
        assert isinstance(grid, SideBySide)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SourceScreen)
        reader = app.screen.query_one(ArticleReader)
        assert reader.article.id == grid.current.article_id


async def test_typing_filters_the_disputes(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        app.open_compare()
        await settle(pilot)
        await pilot.press("slash", *"Yalu")
        await pilot.pause()
        listed = app.screen.query_one("#disputes", OptionList)
        ids = [listed.get_option_at_index(i).id for i in range(listed.option_count) if listed.get_option_at_index(i).id]
        disputes = [i for i in ids if i.startswith("d-")]
        assert disputes and all("yalu" in app.backend.briefing.disputes[i[2:]].question.lower()
                                or "yalu" in app.backend.briefing.disputes[i[2:]].note.lower() for i in disputes)


async def test_two_marked_sources_open_the_aligned_comparison(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        sources = app.screen.query_one(SourcesPane)
        sources.focus()
        for article_id in (CHINA_TRADE, RFA):
            sources.highlighted = sources.get_option_index(article_id)
            await pilot.press("space")
        assert sources.marked == [CHINA_TRADE, RFA]
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, PairScreen)
        shared = {a.entity_id for a in app.screen.pair.shared}
        assert {"dandong", "sinuiju"} <= shared
        dandong = next(a for a in app.screen.pair.shared if a.entity_id == "dandong")
        assert all("Dandong" in s.text for s in dandong.left + dandong.right)


def _cell(grid: SideBySide, column: int, part: str, nth: int = 0) -> Cell:
    return [c for c in grid.query(Cell) if c.column == column and c.part == part][nth]
