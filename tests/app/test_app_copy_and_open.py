"""Y: a menu of what the selection offers to copy (ids, quote, url, path:line); o: its url
opened in the browser, web addresses only."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.conftest import settle, toasts
from support import make_workspace, write_file
from tui.app.screens.copy_menu import CopyMenu


async def open_a_claim_in_a_brief(app, pilot):
    """The brief of the shipped New Yalu River Bridge with its first claim highlighted."""
    await settle(pilot)
    app.open_entity("new-yalu-river-bridge")
    await settle(pilot)
    view = app.screen.query_one("#brief")
    index = next(i for i, (kind, _) in enumerate(view.entries) if kind == "claim")
    app.screen.query_one("#brief-items").highlighted = index
    await pilot.pause()
    return app.backend.briefing.claims[view.entries[index][1]]


@pytest.mark.parametrize(("key", "expected"), [
    pytest.param("q", lambda claim, root: " ".join(claim.quote.split()), id="q-the-quote"),
    pytest.param("i", lambda claim, root: claim.id, id="i-the-claim-id"),
    pytest.param("a", lambda claim, root: claim.source, id="a-the-article-id"),
    pytest.param("b", lambda claim, root: f"briefs/sites/new-yalu-river-bridge.yaml:{claim.line}", id="b-where-the-claim-is-written"),
    pytest.param("enter", lambda claim, root: " ".join(claim.quote.split()), id="enter-the-citation-with-its-quote"),
])
async def test_Y_offers_what_the_selection_can_copy(shipped_copy: Path, make_app, key, expected):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        claim = await open_a_claim_in_a_brief(app, pilot)
        await pilot.press("Y")
        await settle(pilot)
        menu = app.screen
        assert isinstance(menu, CopyMenu)
        assert [k for k, _, _ in menu.choices] == ["c", "i", "q", "a", "l", "b"]
        await pilot.press(key)
        await settle(pilot)
        assert not isinstance(app.screen, CopyMenu)
        assert expected(claim, shipped_copy) in app.clipboard
        assert any(app.clipboard == t or app.clipboard in t for t in toasts(app))


async def test_escape_closes_the_menu_and_copies_nothing(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_a_claim_in_a_brief(app, pilot)
        await pilot.press("Y", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, CopyMenu) and app.clipboard == ""


@pytest.mark.parametrize(("url", "opened", "said"), [
    pytest.param("https://example.org/rail", "https://example.org/rail", "Opening in the browser", id="a-web-address-opens"),
    # javascript:, file: and the like never get this far: loading refuses an article with
    # such a url (a problem), and web_url() refuses them again (tests/test_copy_choices.py).
    pytest.param(None, None, "No url is known", id="no-url-says-so"),
])
async def test_o_opens_the_articles_url_in_the_browser(tmp_path: Path, make_app, monkeypatch, url, opened, said):
    opened_urls: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda target, *a, **k: opened_urls.append(target) or True)
    root = make_workspace(tmp_path / "ws")
    url_line = f"url: {url!r}\n" if url else ""
    write_file(root, "corpus/2030-url-note.md",
               f"---\nid: 2030-url-note\ntitle: A note with a url\npublished: 2030-01-01\n{url_line}---\n"
               "The Dandong bridge note.\n")
    app = make_app(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_article("2030-url-note")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert opened_urls == ([opened] if opened else [])
        assert any(said in t for t in toasts(app)) or any(said in n.title for n in app._notifications), toasts(app)
