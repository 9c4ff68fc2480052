"""Every app screen over the hostile workspace (tests/hostile.py): nothing acts, nothing leaks.

For each screen (reader, briefs, compare, coverage, map, timeline, chart, problems,
watches, help, the command palette) and the toasts: what is drawn holds no raw control
character, the payload's markup is on screen as text, every pane title is literal, and
clicking on titles and toasts runs nothing — `[@click=app.screenshot(…)]` once wrote an
SVG over a brief. The working directory is the workspace, so a screenshot that did run
would land in its briefs/ and change the tree.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets._toast import Toast

from conftest import settle
from hostile import ACTION, ARTICLES, MEASURE, leaks, tree_digest, write_hostile_workspace


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = write_hostile_workspace(tmp_path / "ws", config_home=tmp_path / "xdg-config")
    monkeypatch.chdir(root)
    return root


def drawn(app) -> str:
    """The screen as drawn: the SVG screenshot holds every character of every segment."""
    return app.export_screenshot()


def titles(app) -> list[Content]:
    """Every border title and subtitle on the current screen."""
    out = []
    for widget in app.screen.walk_children(with_self=True):
        for name in ("_border_title", "_border_subtitle"):
            value = getattr(widget, name, None)
            if value is not None:
                out.append(value)
    return out


def assert_inert(app, root: Path, before: dict[str, str]) -> None:
    screen = drawn(app)
    assert leaks(screen) == [], leaks(screen)[:3]
    for title in titles(app):
        assert leaks(title.plain) == []
        for span in title.spans:  # a title never carries an action or a link from the data
            assert "@click" not in str(getattr(span.style, "meta", "") or "")
            assert "link" not in str(span.style)
    assert app.is_running
    assert tree_digest(root) == before


async def click_titles(pilot) -> None:
    app = pilot.app
    for widget in list(app.screen.walk_children()):
        if getattr(widget, "_border_title", None) is not None and widget.region.width > 4:
            await pilot.click(widget, offset=(3, 0))
    await pilot.pause()


async def click_toasts(pilot) -> None:
    for toast in list(pilot.app.query(Toast)):
        if toast.region.width:
            await pilot.click(toast, offset=(2, 1))
    await pilot.pause()


SCREENS = [
    pytest.param(lambda app: app.open_article(ARTICLES[0]), id="reader"),
    pytest.param(lambda app: app.open_entity("dandong"), id="site-brief"),
    pytest.param(lambda app: app.open_entity("zephyr-agency"), id="actor-brief"),
    pytest.param(lambda app: app.open_dispute("hostile-dispute"), id="compare"),
    pytest.param(lambda app: app.open_coverage(), id="coverage"),
    pytest.param(lambda app: app.open_crossings(), id="crossing-board"),
    pytest.param(lambda app: app.open_map(), id="map"),
    pytest.param(lambda app: app.open_timeline(), id="timeline"),
    pytest.param(lambda app: app.open_chart(MEASURE), id="chart"),
    pytest.param(lambda app: app.main.action_problems(), id="problems"),
    pytest.param(lambda app: app.open_watches(), id="watches"),
    pytest.param(lambda app: app.action_help(), id="help"),
]


@pytest.mark.parametrize("open_screen", SCREENS)
async def test_every_screen_over_a_hostile_workspace_is_inert(hostile: Path, make_app, open_screen):
    before = tree_digest(hostile)
    app = make_app(hostile)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        open_screen(app)
        await settle(pilot)
        assert_inert(app, hostile, before)
        await click_titles(pilot)
        await click_toasts(pilot)
        assert_inert(app, hostile, before)


async def test_the_reader_shows_the_markup_as_text_and_its_title_is_literal(hostile: Path, make_app):
    app = make_app(hostile)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        app.open_article(ARTICLES[0])
        await settle(pilot)
        assert "[@click=app.screenshot(" in drawn(app).replace("&#x27;", "'").replace("&#160;", " ")
        reader_titles = [t.plain for t in titles(app) if t.plain.startswith("title:")]
        assert reader_titles and "[@click=app.screenshot(" in reader_titles[0]


async def test_toasts_that_quote_hostile_text_run_nothing(hostile: Path, make_app):
    before = tree_digest(hostile)
    app = make_app(hostile)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)  # the watch with a hostile name reports its news in a toast
        app.open_article(ARTICLES[0])
        await settle(pilot)
        await pilot.press("y")  # the citation toast quotes the hostile title
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any(ACTION in m for m in messages), messages
        assert all(leaks(m) == [] for m in messages)
        await click_toasts(pilot)
        assert_inert(app, hostile, before)


async def test_the_palette_lists_hostile_names_literally(hostile: Path, make_app):
    before = tree_digest(hostile)
    app = make_app(hostile)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        app.action_command_palette()
        await pilot.pause()
        await pilot.press(*"Zephyr")
        await settle(pilot)
        assert leaks(drawn(app)) == []
        assert app.is_running and tree_digest(hostile) == before
