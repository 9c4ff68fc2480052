"""Indexing progress just above the footer, and search of what is already indexed meanwhile."""

from __future__ import annotations

from pathlib import Path

from conftest import settle
from tui.app.indexprogress import IndexProgress
from tui.search import SyncReport


async def test_indexing_progress_shows_above_the_footer_then_goes(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app._show_progress(250, 1000)
        await pilot.pause()
        bar = app.main.query_one(IndexProgress)
        assert bar.display
        assert "250/1,000 documents" in bar.line.plain and "search covers what is indexed" in bar.line.plain
        footer = app.main.query_one("Footer")
        assert bar.region.y < footer.region.y and bar.region.bottom <= footer.region.y + 1
        app._show_progress(1000, 1000)
        assert "writing the last segments" in bar.line.plain
        app._index_synced(SyncReport())
        await pilot.pause()
        assert not bar.display
