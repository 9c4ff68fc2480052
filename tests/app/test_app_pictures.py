"""The pictures in the app, driven as a person would: the map (m), the timeline (t) and the
figures chart (f), and what each looks like (SVG snapshots at 120x40)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conftest import settle
from tui.app.screens.chart import ChartScreen
from tui.app.screens.main import MainScreen
from tui.app.screens.map import MapScreen
from tui.app.screens.timeline import TimelineScreen
from tui.app.widgets.brief_view import BriefView
from tui.app.widgets.map_view import MapView
from tui.app.widgets.reader import ArticleReader
from tui.app.widgets.timeline_view import TimelineView
from tui.geo import label_variants


def screen_lines(app) -> list[str]:
    """What the screen shows, line by line, read back from its SVG screenshot."""
    svg = app.export_screenshot()
    rows: dict[float, list[str]] = {}
    for y, text in re.findall(r'<text[^>]*?\by="([\d.]+)"[^>]*>(.*?)</text>', svg):
        rows.setdefault(float(y), []).append(html.unescape(text).replace("\xa0", " "))
    return ["".join(parts) for _, parts in sorted(rows.items())]


def screen_text(app) -> str:
    return "\n".join(screen_lines(app))


def located(app) -> dict[str, tuple[float, float]]:
    briefing = app.backend.briefing
    return {b.id: (b.location.lat, b.location.lon) for b in briefing.briefs.values()
            if b.kind == "site" and b.location is not None}


async def open_map(pilot, entity: str | None = None) -> MapView:
    await settle(pilot)
    if entity:
        pilot.app.open_entity(entity)
        await settle(pilot)
    await pilot.press("m")
    await settle(pilot)
    assert isinstance(pilot.app.screen, MapScreen)
    return pilot.app.screen.query_one(MapView)


# -- map ------------------------------------------------------------------------------------------------

async def test_m_opens_the_map_with_every_located_sites_label_on_screen(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_map(pilot)
        layout = view.layout_now()
        names = {pid: app.backend.briefing.briefs[pid].name for pid in located(app)}
        assert set(layout.labels) == set(names)
        lines = screen_lines(app)
        for place_id, label in layout.labels.items():
            assert label.text in label_variants(names[place_id]), place_id
            assert any(label.text in line for line in lines), f"{label.text!r} is not on screen"


async def test_arrows_select_the_nearest_site_and_show_it(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_map(pilot, entity="pyongyang")
        assert view.selected == "pyongyang"
        expected = view.layout_now().nearest_in_direction("pyongyang", "up", view.data.ids)
        await pilot.press("up")
        await settle(pilot)
        places = located(app)
        assert view.selected == expected
        assert places[view.selected][0] > places["pyongyang"][0]  # north of where we were
        name = app.backend.briefing.briefs[view.selected].name
        assert name in str(app.screen.query_one("#map-info").render())
        await pilot.press("right")
        await settle(pilot)
        assert places[view.selected][1] > places[expected][1]  # then east


async def test_enter_on_the_map_opens_the_selected_sites_brief(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_map(pilot, entity="rason")
        await pilot.press("left")
        await settle(pilot)
        chosen = view.selected
        assert chosen != "rason"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.entity == chosen
        assert app.screen.query_one(BriefView).brief.id == chosen


async def test_a_click_on_the_map_selects_the_site_there(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_map(pilot)
        label = view.layout_now().labels["seoul"]
        await pilot.click(MapView, offset=(label.col + 2, label.row + 1))  # +1: the border
        await settle(pilot)
        assert view.selected == "seoul"


async def test_plus_and_minus_zoom_around_the_selection(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_map(pilot, entity="hunchun")
        across = view.layout_now().projection.across_km
        await pilot.press("plus")
        await settle(pilot)
        layout = view.layout_now()
        assert view.zoom == 1 and layout.projection.across_km == pytest.approx(across / 2)
        marker = layout.markers["hunchun"]
        assert (marker.x, marker.y) == pytest.approx(((layout.width - 1) / 2, (layout.height - 1) / 2))
        assert "zoom ×2" in view.border_title
        await pilot.press("minus", "minus")
        await settle(pilot)
        assert view.zoom == -1 and view.layout_now().projection.across_km == pytest.approx(across * 2)


async def test_a_search_becomes_a_picture(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Hunchun", "enter")
        await pilot.pause(0.3)
        await settle(pilot)
        view = await open_map(pilot)
        assert view.searching and "hunchun" in view.emphasis
        assert view.emphasis <= set(located(app))
        assert "the results for “Hunchun”" in str(app.screen.query_one("#map-legend").render())


async def test_escape_leaves_the_map(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_map(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


# -- timeline -------------------------------------------------------------------------------------------

async def open_timeline(pilot, entity: str | None = None) -> TimelineView:
    await settle(pilot)
    if entity:
        pilot.app.open_entity(entity)
        await settle(pilot)
    await pilot.press("t")
    await settle(pilot)
    assert isinstance(pilot.app.screen, TimelineScreen)
    return pilot.app.screen.query_one(TimelineView)


def detail(app) -> str:
    return str(app.screen.query_one("#timeline-detail").render())


async def test_t_opens_the_timeline_and_selecting_an_event_shows_its_quote(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_timeline(pilot)
        claims = app.backend.briefing.claims
        assert view.selected.claim_id == "nyrb-completed-2014"
        assert claims["nyrb-completed-2014"].quote in detail(app)
        await pilot.press("right")
        await settle(pilot)
        assert view.selected.claim_id == "nyrb-renewed-construction-2025"
        assert claims["nyrb-renewed-construction-2025"].quote in detail(app)
        assert "renewed construction" in detail(app)


async def test_enter_on_an_event_opens_its_source_at_the_quote(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_timeline(pilot, entity="sino-korean-friendship-bridge")
        assert view.selected.brief_id == "sino-korean-friendship-bridge"
        claim = app.backend.briefing.claims[view.selected.claim_id]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        reader = app.screen.query_one(ArticleReader)
        assert reader.article.id == claim.source


async def test_up_and_down_move_between_lanes_and_s_regroups_them(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_timeline(pilot)
        await pilot.press("down")
        await settle(pilot)
        assert view.selected.brief_id == "sino-korean-friendship-bridge"
        before = view.selected
        await pilot.press("s")
        await settle(pilot)
        assert view.by == "source" and "by source" in view.border_title
        assert view.selected == before
        assert view.lanes[view.lane_index].key == before.article_id


# -- figures chart --------------------------------------------------------------------------------------

async def test_the_chart_of_trade_values_shows_every_sources_value(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_entity("kotra")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, ChartScreen)
        assert app.screen.current == "nk-trade-volume-kotra"
        text = screen_text(app)
        for shown in ("US$3.2bn", "US$0.863bn", "US$3,200,000,000", "US$863,000,000", "Radio Free Asia", "2019", "2020"):
            assert shown in text, shown


async def test_the_chart_of_a_dispute_shows_both_sources(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_compare(dispute="china-share-of-nk-trade")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, ChartScreen)
        assert app.screen.current == "nk-china-trade-share"
        chart_lines = [line for line in screen_lines(app) if "90%" in line]
        assert any(line.count("90%") == 2 for line in chart_lines)  # the two bars, side by side
        text = screen_text(app)
        assert "The Hankyoreh" in text and "Radio Free Asia" in text
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CompareScreen"


async def test_enter_on_a_charted_value_opens_its_source(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_chart(measure="nk-china-trade-share")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(ArticleReader).article.id == "2022-09-rfa-rail-trade-restart"


# -- what they look like --------------------------------------------------------------------------------

class TestPictures:
    def test_map(self, snap_compare, shipped_copy: Path, make_app):
        async def show(pilot):
            await open_map(pilot)

        assert snap_compare(make_app(shipped_copy), terminal_size=(120, 40), run_before=show)

    def test_map_narrow(self, snap_compare, shipped_copy: Path, make_app):
        async def show(pilot):
            await open_map(pilot)

        assert snap_compare(make_app(shipped_copy), terminal_size=(80, 24), run_before=show)

    def test_timeline(self, snap_compare, shipped_copy: Path, make_app):
        async def show(pilot):
            await open_timeline(pilot)

        assert snap_compare(make_app(shipped_copy), terminal_size=(120, 40), run_before=show)

    def test_chart(self, snap_compare, shipped_copy: Path, make_app):
        async def show(pilot):
            await settle(pilot)
            pilot.app.open_chart(measure="nk-trade-volume-kotra")
            await settle(pilot)

        assert snap_compare(make_app(shipped_copy), terminal_size=(120, 40), run_before=show)


async def test_the_palette_opens_the_pictures(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Picture: Map of the located")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MapScreen)


async def test_hostile_names_and_values_are_drawn_literally(shipped_copy: Path, make_app):
    """Markup and escape sequences in a brief reach the pictures as visible text, never obeyed."""
    (shipped_copy / "briefs" / "sites" / "evil-site.yaml").write_text('''\
id: evil-site
kind: site
type: city
name: "[bold]Evil[/bold]\\e[31m"
location: {lat: 43.8, lon: 126.0}
summary: A test site.
claims:
  - id: evil-claim
    says: "[@click=app.quit]quit[/]"
    value: "[link=https://example.com]open\\e]0;pwn\\a"
    as_of: 2024
    source: 2022-09-rfa-rail-trade-restart
    quote: "trade volume was more than U.S. $3.2 billion"
''', encoding="utf-8")
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_map(pilot, entity="evil-site")
        assert view.layout_now().labels["evil-site"].text == "[bold]Evil[/bold]␛[31m"
        assert any("[bold]Evil[/bold]␛[31m" in line for line in screen_lines(app))
        await pilot.press("escape")
        await settle(pilot)
        timeline = await open_timeline(pilot, entity="evil-site")
        assert timeline.selected.claim_id == "evil-claim"
        shown = detail(app)
        assert "[link=https://example.com]open␛]0;pwn␇" in shown and "[@click=app.quit]quit[/]" in shown
        assert app.is_running and isinstance(app.screen, TimelineScreen)
