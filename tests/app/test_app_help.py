"""`?` shows the keys of the screen it is opened on first, hidden ones too, then every key."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.binding import Binding
from textual.widgets import Static

from app.conftest import settle
from tui.app.screens.compare import CompareScreen
from tui.app.screens.coverage import CoverageScreen
from tui.app.screens.crossings import CrossingBoardScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.main import MainScreen
from tui.app.screens.timeline import TimelineScreen
from tui.app.widgets.map_view import MapView
from tui.app.widgets.reader import ArticleReader
from tui.app.widgets.timeline_view import TimelineView


def bound_keys(cls: type, leave_out: frozenset[str] = frozenset()) -> set[str]:
    """Every key the class's own BINDINGS list names (show=False ones too)."""
    keys = set()
    for binding in cls.BINDINGS:
        key = binding.key if isinstance(binding, Binding) else binding[0]
        keys |= {k.strip() for k in key.split(",")}
    return keys - leave_out


@pytest.mark.parametrize(("keys", "where", "expected"), [
    pytest.param(("c",), "Compare", bound_keys(CompareScreen), id="compare-x-and-f-too"),
    pytest.param(("v",), "Coverage", bound_keys(CoverageScreen), id="coverage-s-and-b"),
    pytest.param(("b",), "Crossing board", bound_keys(CrossingBoardScreen), id="crossing-board"),
    pytest.param(("m",), "Map", bound_keys(MapView), id="map-0-and-zoom"),
    pytest.param(("t",), "Timeline", bound_keys(TimelineScreen) | bound_keys(TimelineView), id="timeline"),
    pytest.param(("enter",), "Main · reader", bound_keys(ArticleReader), id="reader-marks-and-pages"),
    # On the results there is no query to watch and no brief to edit or chart.
    pytest.param((), "Main · results", bound_keys(MainScreen, frozenset({"w", "e", "f"})), id="main-screen"),
])
async def test_help_lists_the_keys_of_the_screen_it_is_opened_on_first(shipped_copy: Path, make_app, keys, where, expected):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        under = app.screen
        await pilot.press("question_mark")
        await settle(pilot)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        shown_where, rows = help_screen.here
        assert shown_where.startswith(where)
        listed = {key for row_keys, _, _ in rows for key in row_keys}
        assert expected <= listed, f"missing from the help of {type(under).__name__}: {expected - listed}"
        sections = [str(s.render()) for s in help_screen.query(".help-section")]
        assert sections[0] == f"Here ({shown_where})" and sections.index("Anywhere") > 0
        await pilot.press("escape")
        assert app.screen is under
