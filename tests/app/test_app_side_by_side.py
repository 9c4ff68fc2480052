"""Compare, side by side: as many source columns as the terminal fits, rows aligned across
them, the quotes marked in their paragraphs, h/l paging with its hint, enter opening the
source at the quote and escape coming back to the same dispute and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from conftest import settle
from support import REPO_ROOT
from tui.app.richtext import MATCH
from tui.app.screens.compare import CompareScreen
from tui.app.screens.source import SourceScreen
from tui.app.widgets.reader import ArticleReader
from tui.app.widgets.side_by_side import Cell, SideBySide
from tui.briefing import Briefing
from tui.compare import compare_dispute, dispute_columns

SHIPPED = Briefing.load(REPO_ROOT)
FOUR_SOURCES = "nk-tourism-prospects"  # 7 claims from 4 sources, one source giving 4
THREE_SOURCES = "china-share-of-nk-trade"  # one claim from each of 3 sources


async def _open(app, pilot, dispute_id: str) -> SideBySide:
    await settle(pilot)
    app.open_compare(dispute=dispute_id)
    await settle(pilot)
    grid = app.screen.query_one(SideBySide)
    grid.focus()
    await pilot.pause()
    return grid


def _cells(grid: SideBySide, part: str) -> list[Cell]:
    return [c for c in grid.query(Cell) if c.part == part]


@pytest.mark.parametrize("size, showing, stacked", [
    pytest.param((200, 55), 4, False, id="200-cols-all-four"),
    pytest.param((120, 40), 3, False, id="120-cols-three"),
    pytest.param((80, 24), 2, False, id="80-cols-two"),
    pytest.param((60, 20), 4, True, id="60-cols-stacked"),
])
async def test_the_columns_that_show_at_each_width(shipped_copy: Path, make_app, size, showing, stacked):
    app = make_app(shipped_copy)
    async with app.run_test(size=size) as pilot:
        grid = await _open(app, pilot, FOUR_SOURCES)
        heads = _cells(grid, "head")
        assert len(heads) == showing
        assert grid.stacked is stacked
        lefts = {h.region.x for h in heads}
        tops = {h.region.y for h in heads}
        if stacked:  # one under another: same left edge, each lower than the one before
            assert len(lefts) == 1 and len(tops) == showing
            assert all(h.region.width >= 50 for h in heads)
        else:  # side by side: same top, distinct left edges, none narrower than a readable column
            assert len(tops) == 1 and len(lefts) == showing
            assert all(h.region.width >= 24 for h in heads)


@pytest.mark.parametrize("size", [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")])
async def test_rows_line_up_across_the_columns(shipped_copy: Path, make_app, size):
    app = make_app(shipped_copy)
    async with app.run_test(size=size) as pilot:
        grid = await _open(app, pilot, THREE_SOURCES)
        visible = grid.visible
        claims = _cells(grid, "claim")
        assert len(claims) == len(visible)
        assert len({c.region.y for c in claims}) == 1, "each source's value starts on the same line"
        comparison = compare_dispute(app.backend.briefing, app.backend.briefing.disputes[THREE_SOURCES])
        for cell in claims:
            side = grid.arrangement.columns[cell.column].sides[0]
            first, second = cell.content.plain.splitlines()[:2]
            assert first.startswith(side.claim.value_text())  # value on line 1 ...
            assert second == f"as of {side.claim.as_of.iso()}"  # ... and as of on line 2, in every column
            assert first.endswith("≠") == side.differs
        assert any(s.differs for s in comparison.sides), "the differing value is flagged"


async def test_a_source_with_fewer_claims_leaves_its_row_empty_and_aligned(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(200, 55)) as pilot:
        grid = await _open(app, pilot, FOUR_SOURCES)
        rows = grid.arrangement.rows
        claims = _cells(grid, "claim")
        assert len(claims) == rows * len(grid.visible)
        for row in range(rows):
            in_row = claims[row * len(grid.visible):(row + 1) * len(grid.visible)]
            assert len({c.region.y for c in in_row}) == 1
            for cell in in_row:
                sides = grid.arrangement.columns[cell.column].sides
                assert (cell.content.plain == "—") == (row >= len(sides))


@pytest.mark.parametrize("dispute_id", [FOUR_SOURCES, THREE_SOURCES, "china-nk-rail-timeline"])
async def test_each_paragraph_shows_once_with_every_quote_marked(shipped_copy: Path, make_app, dispute_id):
    app = make_app(shipped_copy)
    async with app.run_test(size=(200, 55)) as pilot:
        grid = await _open(app, pilot, dispute_id)
        for cell in _cells(grid, "passage"):
            column = grid.arrangement.columns[cell.column]
            text = cell.content.plain
            marked = {text[span.start:span.end] for span in cell.content.spans if span.style == MATCH}
            for side in column.sides:
                assert any(side.claim.quote.strip(" “”\"") in m for m in marked), side.claim.id
            for passage in column.passages:
                assert text.count(passage.text) == 1


@pytest.mark.parametrize(("keys", "hint"), [
    pytest.param((), "source 1 of 4", id="opens-on-the-first"),
    pytest.param(("l",), "source 2 of 4", id="l-the-next-source"),
    pytest.param(("l", "l", "l", "l"), "source 4 of 4", id="l-stops-at-the-last"),
    pytest.param(("l", "l", "h"), "source 2 of 4", id="h-back-one"),
])
async def test_stacked_sources_say_which_source_the_cursor_is_on(shipped_copy: Path, make_app, keys, hint):
    app = make_app(shipped_copy)
    async with app.run_test(size=(60, 20)) as pilot:
        grid = await _open(app, pilot, FOUR_SOURCES)
        assert grid.stacked
        await pilot.press(*keys)
        await pilot.pause()
        view = app.screen.query_one("#dispute-view")
        assert str(view.border_subtitle).startswith(hint), str(view.border_subtitle)


async def test_h_and_l_page_through_more_sources_than_fit(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        grid = await _open(app, pilot, FOUR_SOURCES)
        view = app.screen.query_one("#dispute-view")
        assert grid.visible == [0, 1] and "1–2 of 4" in str(view.border_subtitle)
        await pilot.press("l")
        assert grid.visible == [0, 1] and grid.cursor == 1  # the window moves only when it must
        await pilot.press("l")
        await pilot.pause()
        assert grid.visible == [1, 2] and "2–3 of 4" in str(view.border_subtitle)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert grid.cursor == 3 and grid.visible == [2, 3]
        await pilot.press("h", "h", "h")
        await pilot.pause()
        assert grid.cursor == 0 and grid.visible == [0, 1]
        heads = _cells(grid, "head")
        assert [h.has_class("-cursor") for h in heads] == [True, False]


def _deepest_quote() -> tuple[str, int]:
    """The dispute and column whose quote lies furthest into its article."""
    best = max(((d.id, i, c.opens_at[0]) for d in SHIPPED.disputes.values()
                for i, c in enumerate(dispute_columns(compare_dispute(SHIPPED, d)).columns) if c.opens_at),
               key=lambda t: t[2])
    return best[0], best[1]


async def test_enter_opens_the_source_at_the_quote_and_escape_comes_back(shipped_copy: Path, make_app):
    dispute_id, column = _deepest_quote()
    app = make_app(shipped_copy)
    async with app.run_test(size=(200, 55)) as pilot:
        grid = await _open(app, pilot, dispute_id)
        for _ in range(column):
            await pilot.press("l")
        expected = grid.current
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SourceScreen)
        reader = app.screen.query_one(ArticleReader)
        assert reader.article.id == expected.article_id
        quoted = reader._shown[reader._paragraph_of(expected.opens_at[0])]
        assert reader.scroll_y > 0
        assert reader.scroll_y <= quoted.virtual_region.y < reader.scroll_y + reader.scrollable_content_region.height
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        grid = app.screen.query_one(SideBySide)
        assert app.screen.focused is grid and grid.cursor == column
        option = app.screen.query_one("#disputes", OptionList).highlighted_option
        assert option.id == f"d-{dispute_id}"


async def test_the_list_says_1_source_not_1_sources(shipped_copy: Path, make_app):
    single = next(d for d in SHIPPED.disputes.values() if compare_dispute(SHIPPED, d).source_count == 1)
    app = make_app(shipped_copy)
    async with app.run_test(size=(160, 50)) as pilot:
        await _open(app, pilot, single.id)
        listed = app.screen.query_one("#disputes", OptionList)
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)
                   if listed.get_option_at_index(i).id]
        assert any(p.endswith("· 1 source") for p in prompts)
        assert not any("1 sources" in p for p in prompts)
        header = app.screen.query_one("#dispute-header").content.plain
        assert "· 1 source ·" in header


async def test_y_copies_each_source_by_outlet_or_title_never_outlet_unknown(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        grid = await _open(app, pilot, FOUR_SOURCES)
        await pilot.press("y")
        copied = app.clipboard
        assert "outlet unknown" not in copied
        for column in grid.arrangement.columns:
            for side in column.sides:
                assert f"- {column.heading}" in copied and side.claim.quote.split()[0] in copied
        untitled = [c for c in grid.arrangement.columns if not c.outlet]
        assert untitled and all(f"- {c.article.title}," in copied for c in untitled)


async def test_a_click_on_a_column_puts_the_cursor_there(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(200, 55)) as pilot:
        grid = await _open(app, pilot, THREE_SOURCES)
        third = [c for c in _cells(grid, "claim") if c.column == 2][0]
        await pilot.click(third)
        await pilot.pause()
        assert grid.cursor == 2 and app.screen.focused is grid
        assert [h.has_class("-cursor") for h in _cells(grid, "head")] == [False, False, True]


@pytest.mark.parametrize("size", [
    pytest.param((200, 55), id="200x55"),
    pytest.param((120, 40), id="120x40"),
    pytest.param((80, 24), id="80x24"),
])
async def test_the_cells_of_a_row_are_as_tall_as_the_row(shipped_copy: Path, make_app, size):
    """A short cell beside a long one fills its row, so each column's rule runs unbroken."""
    app = make_app(shipped_copy)
    async with app.run_test(size=size) as pilot:
        grid = await _open(app, pilot, FOUR_SOURCES)
        rows = list(grid.query(".grid-row"))
        assert len(rows) > 2
        uneven = 0
        for row in rows:
            heights = [cell.region.height for cell in row.query(Cell)]
            natural = [cell.get_content_height(cell.size, cell.size, cell.content_size.width) for cell in row.query(Cell)]
            uneven += len(set(natural)) > 1
            assert set(heights) == {row.region.height}, heights
        assert uneven, "some row has cells of different lengths (else this proves nothing)"
