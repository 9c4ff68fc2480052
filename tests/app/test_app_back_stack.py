"""Escape goes back to exactly the place before: what it showed, its scroll and its selection.
A one-line breadcrumb names the places escape goes back through."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import ContentSwitcher, OptionList

from app.conftest import open_first_result, settle
from support import make_workspace, write_file
from tui.app.screens.main.backstack import LIMIT, BackStack, Place
from tui.app.widgets.breadcrumb import Breadcrumb, breadcrumb_line, crumb
from tui.app.widgets.brief_view import BriefView
from tui.app.widgets.reader import ArticleReader
from tui.app.widgets.results import ResultsList
from tui.app.widgets.sources import SourcesPane


def view_of(app) -> str:
    return app.screen.query_one("#center", ContentSwitcher).current


def breadcrumb_of(app) -> str:
    bar = app.screen.query_one(Breadcrumb)
    return bar.plain if bar.display else ""


async def test_escape_from_a_second_article_returns_to_the_first_where_it_was_scrolled(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = await open_first_result(pilot)
        first = reader.article.id
        await pilot.press("ctrl+d", "ctrl+d")
        await settle(pilot)
        scrolled = reader.scroll_y
        assert scrolled > 0, "the first article is long enough to scroll at 120x30"
        await pilot.press("h")  # to the Sources pane
        sources = app.screen.query_one(SourcesPane)
        while sources.highlighted_option.id == first:
            await pilot.press("down")
        second = sources.highlighted_option.id
        await pilot.press("enter")
        await settle(pilot)
        assert reader.article.id == second and reader.scroll_y == 0

        await pilot.press("escape")
        await settle(pilot)
        assert (view_of(app), reader.article.id, reader.scroll_y) == ("reader", first, scrolled)
        assert app.focused is reader

        await pilot.press("escape")
        await settle(pilot)
        assert view_of(app) == "results"


async def test_escape_walks_back_through_article_brief_and_another_article(shipped_copy: Path, make_app):
    """results → article A → (a mark) brief → (a claim from another source) article B:
    escape shows the brief with its item still highlighted, then A, then the results with
    the hit that was opened still highlighted. Before, the second escape showed B again."""
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        await pilot.press("down")
        opened_hit = results.highlighted
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(ArticleReader)
        first = reader.article.id
        briefing = app.backend.briefing

        def leads_elsewhere(mark) -> bool:
            """The mark's brief has a claim quoted from another article than A."""
            brief_id = mark.target if mark.kind != "claim" else briefing.claims[mark.target].brief_id
            return any(claim.source != first for claim in briefing.briefs[brief_id].claims)

        await pilot.press("right_square_bracket")
        while not leads_elsewhere(reader.marks[reader.current_mark]):
            await pilot.press("right_square_bracket")
        await pilot.press("enter")
        await settle(pilot)
        assert view_of(app) == "brief"
        brief_view = app.screen.query_one(BriefView)
        brief = brief_view.brief
        items = app.screen.query_one("#brief-items", OptionList)
        # The brief's first claim from another article than A.
        index = next(i for i, (kind, target) in enumerate(brief_view.entries)
                     if kind == "claim" and briefing.claims[target].source != first)
        while items.highlighted != index:
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert view_of(app) == "reader" and reader.article.id != first
        assert f"Brief {brief.name} › Article " in breadcrumb_of(app)

        await pilot.press("escape")
        await settle(pilot)
        assert (view_of(app), brief_view.brief.id, items.highlighted) == ("brief", brief.id, index)
        await pilot.press("escape")
        await settle(pilot)
        assert (view_of(app), reader.article.id) == ("reader", first)
        await pilot.press("escape")
        await settle(pilot)
        assert (view_of(app), results.highlighted) == ("results", opened_hit)
        assert breadcrumb_of(app) == ""


async def test_escape_from_a_related_brief_returns_to_the_brief_it_was_opened_from(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.open_entity("dandong")
        await settle(pilot)
        items = app.screen.query_one("#brief-items", OptionList)
        brief_view = app.screen.query_one(BriefView)
        related = next(i for i, (kind, _) in enumerate(brief_view.entries) if kind == "entity")
        while items.highlighted != related:
            await pilot.press("down")
        other = brief_view.entries[related][1]
        await pilot.press("enter")
        await settle(pilot)
        assert brief_view.brief.id == other
        assert app.screen.entity == other

        await pilot.press("escape")
        await settle(pilot)
        assert (brief_view.brief.id, items.highlighted, app.screen.entity) == ("dandong", related, "dandong")
        assert app.focused is items


async def test_a_new_search_starts_the_way_back_again(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_result(pilot)
        assert breadcrumb_of(app).startswith("Articles › Article ")
        await pilot.press("right_square_bracket", "enter")  # a brief, where / is the global search
        await settle(pilot)
        assert view_of(app) == "brief" and len(app.screen.back_stack) == 2
        await pilot.press("slash", *"bridge", "enter")
        await settle(pilot)
        assert view_of(app) == "results" and breadcrumb_of(app) == ""
        assert len(app.screen.back_stack) == 0


async def test_the_breadcrumb_shows_an_article_title_literally(tmp_path: Path, make_app):
    root = make_workspace(tmp_path / "ws")
    write_file(root, "corpus/2024-markup-title.md", """\
        ---
        id: 2024-markup-title
        title: "[bold red]Loud[/] [@click=app.quit]title[/] \\x1b[2J"
        published: 2024
        ---
        A short note about the Dandong bridge.
        """)
    app = make_app(root)
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        app.open_article("2024-markup-title")
        await settle(pilot)
        line = breadcrumb_of(app)
        assert "[bold red]Loud[/] [@click=app.quit]title[/]" in line
        assert "\x1b" not in line
        rendered = app.screen.query_one(Breadcrumb).render()
        assert all(not span.style or "@click" not in str(span.style) for span in rendered.spans)


@pytest.mark.parametrize(
    ("labels", "width", "expected"),
    [
        pytest.param(["bridge", "Rajin port"], 80, "Results for bridge › Article Rajin port", id="fits-whole"),
        pytest.param(["bridge", "Rajin port", "Rason"], 40, "… › Article Rajin port › Brief Rason", id="cut-from-the-left"),
        pytest.param(["bridge", "Rajin port", "Rason"], 15, "… › Brief Rason", id="only-the-place-shown"),
        pytest.param(["bridge", "A very long article title"], 12, "Article A v…", id="the-last-crumb-cut-at-its-end"),
    ],
)
def test_the_breadcrumb_is_cut_from_the_left(labels, width, expected):
    views = ["results", "reader", "brief"][: len(labels)]
    line = breadcrumb_line([crumb(view, label) for view, label in zip(views, labels)], width)
    assert line.plain == expected
    assert line.cell_len <= width


@pytest.mark.parametrize(
    ("opened", "kept"),
    [
        pytest.param([("reader", "a"), ("brief", "x")], [("results", None), ("reader", "a")],
                     id="each-place-left-is-kept"),
        pytest.param([("reader", "a"), ("reader", "a")], [("results", None)],
                     id="the-same-article-again-is-one-place"),
        pytest.param([("reader", "a"), ("brief", "a")], [("results", None), ("reader", "a")],
                     id="same-id-in-another-view-is-another-place"),
    ],
)
def test_the_back_stack_keeps_the_places_left(opened, kept):
    stack = BackStack()
    current = Place("results")
    for view, subject in opened:
        going_to = Place(view, subject)
        stack.leave(current, going_to)
        current = going_to
    assert [(place.view, place.subject) for place in stack] == kept


def test_the_back_stack_is_bounded_and_drops_the_oldest():
    stack = BackStack()
    for number in range(LIMIT + 10):
        stack.leave(Place("reader", f"a{number}"), Place("reader", f"a{number + 1}"))
    subjects = [place.subject for place in stack]
    assert len(subjects) == LIMIT
    assert subjects[0] == "a10" and subjects[-1] == f"a{LIMIT + 9}"
    assert stack.pop().subject == f"a{LIMIT + 9}"
