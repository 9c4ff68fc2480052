"""What a person sees, as SVG snapshots (update with --snapshot-update after a deliberate change)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import search_for, settle

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
# The main screen, the reader and the comparison at the sizes people use them.
THREE_SIZES = [*SIZES, pytest.param((200, 55), id="200x55")]


async def _settled(pilot) -> None:
    await settle(pilot)


class TestMainScreen:
    @pytest.mark.parametrize("size", THREE_SIZES)
    def test_main_screen(self, snap_compare, shipped_copy: Path, make_app, size):
        assert snap_compare(make_app(shipped_copy), terminal_size=size, run_before=_settled)

    @pytest.mark.parametrize("size", SIZES)
    def test_search_results(self, snap_compare, shipped_copy: Path, make_app, size):
        async def search(pilot):
            await settle(pilot)
            await search_for(pilot, "bridge")

        assert snap_compare(make_app(shipped_copy), terminal_size=size, run_before=search)


class TestReader:
    @pytest.mark.parametrize("size", THREE_SIZES)
    def test_reader_with_hits(self, snap_compare, shipped_copy: Path, make_app, size):
        async def open_first(pilot):
            await settle(pilot)
            await search_for(pilot, "Sinuiju")
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("n")
            await settle(pilot)

        assert snap_compare(make_app(shipped_copy), terminal_size=size, run_before=open_first)


class TestBrief:
    @pytest.mark.parametrize("size", SIZES)
    def test_site_brief(self, snap_compare, shipped_copy: Path, make_app, size):
        async def open_brief(pilot):
            await settle(pilot)
            pilot.app.open_entity("new-yalu-river-bridge")
            await settle(pilot)

        assert snap_compare(make_app(shipped_copy), terminal_size=size, run_before=open_brief)


class TestHelp:
    @pytest.mark.parametrize("size", SIZES)
    def test_help_screen(self, snap_compare, shipped_copy: Path, make_app, size):
        assert snap_compare(make_app(shipped_copy), terminal_size=size, press=["question_mark"], run_before=_settled)


class TestCompare:
    """A dispute, sources side by side: three sources (one column each, all showing from 120
    columns), and seven claims from four sources (paged with a "1–2 of 4" hint at 80)."""

    @staticmethod
    def _open_dispute(dispute_id: str):
        async def open_dispute(pilot):
            await settle(pilot)
            pilot.app.open_compare(dispute=dispute_id)
            await settle(pilot)
            await pilot.press("enter")  # into the columns: the cursor column shows
            await settle(pilot)

        return open_dispute

    @pytest.mark.parametrize("size", THREE_SIZES)
    def test_three_source_dispute(self, snap_compare, shipped_copy: Path, make_app, size):
        assert snap_compare(make_app(shipped_copy), terminal_size=size,
                            run_before=self._open_dispute("china-share-of-nk-trade"))

    @pytest.mark.parametrize("size", THREE_SIZES)
    def test_seven_claim_dispute(self, snap_compare, shipped_copy: Path, make_app, size):
        assert snap_compare(make_app(shipped_copy), terminal_size=size,
                            run_before=self._open_dispute("nk-tourism-prospects"))

    def test_aligned_articles(self, snap_compare, shipped_copy: Path, make_app):
        async def open_pair(pilot):
            await settle(pilot)
            pilot.app.compare_articles("2022-09-rfa-rail-trade-restart", "2026-03-12-china-trade-border-infrastructure")
            await settle(pilot)

        assert snap_compare(make_app(shipped_copy), terminal_size=(160, 50), run_before=open_pair)
