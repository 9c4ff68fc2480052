"""The main screen, driven as a person would: type, open, select, jump, copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import ContentSwitcher, Input, OptionList

from conftest import settle
from support import CHINA_TRADE, HUNCHUN, NEWEST_FIRST, RFA
from tui.app.richtext import MATCH, CURRENT_MATCH
from tui.app.screens.main import MainScreen
from tui.app.widgets.brief_view import BriefView
from tui.app.widgets.entities import EntitiesPane
from tui.app.widgets.reader import ArticleReader
from tui.app.widgets.results import ResultsList
from tui.app.widgets.sources import SourcesPane


def source_ids(app) -> list[str]:
    sources = app.screen.query_one(SourcesPane)
    return [sources.get_option_at_index(i).id for i in range(sources.option_count)
            if sources.get_option_at_index(i).id]


def hit_articles(app, kind: str | None = "article") -> list[str]:
    return [h.article_id for h in app.screen.query_one(ResultsList).hits if kind is None or h.kind == kind]


def center(app) -> str:
    return app.screen.query_one("#center", ContentSwitcher).current


def styled_words(text, style) -> list[str]:
    return [text.plain[s.start:s.end] for s in text.spans if s.style == style]


async def test_opens_with_every_article_newest_first(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert source_ids(app) == NEWEST_FIRST
        assert hit_articles(app) == NEWEST_FIRST
        assert app.screen.query_one(SourcesPane).border_title == "Sources (5)"
        entities = app.screen.query_one(EntitiesPane)
        groups = [str(node.label) for node in entities.root.children]
        assert groups[0].startswith("Sites (") and groups[1].startswith("Actors (")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param('"New Yalu River Bridge"', {HUNCHUN, CHINA_TRADE}, id="phrase-finds-both-articles"),
        pytest.param("molybdenum", {CHINA_TRADE}, id="rare-word-finds-one"),
        pytest.param("outlet:rfa OR outlet:radio", {RFA}, id="field-filter"),
    ],
)
async def test_typing_a_query_lists_its_hits(shipped_copy: Path, make_app, query: str, expected: set[str]):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*query)
        await pilot.pause(0.3)  # past the debounce
        await settle(pilot)
        assert set(hit_articles(app)) == expected
        assert set(source_ids(app)) >= expected


async def test_a_bad_query_shows_an_inline_error_and_keeps_running(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *'"unclosed')
        await pilot.pause(0.3)
        await settle(pilot)
        error = app.screen.query_one("#query-error")
        assert "unbalanced quote" in str(error.render())
        assert error.display and app.screen.query_one("#search-bar").has_class("-error")
        await pilot.press("backspace")
        await pilot.press(*"d bridge")  # now: "unclose bridge" without a quote? still unbalanced
        await pilot.press("home", "delete")
        await pilot.pause(0.3)
        await settle(pilot)
        assert not app.screen.query_one("#search-bar").has_class("-error")


async def test_opening_a_hit_shows_the_article_with_matches_highlighted(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"molybdenum", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert center(app) == "reader"
        reader = app.screen.query_one(ArticleReader)
        assert reader.article.id == CHINA_TRADE
        assert [reader.article.body[a:b] for a, b in reader.matches] == ["molybdenum"]
        texts = [p.content for p in reader.query(".paragraph")]
        assert any("molybdenum" in styled_words(t, MATCH) for t in texts)
        await pilot.press("n")
        texts = [p.content for p in reader.query(".paragraph")]
        assert any(styled_words(t, CURRENT_MATCH) == ["molybdenum"] for t in texts)
        await pilot.press("escape")
        assert center(app) == "results"


async def test_n_and_shift_n_cycle_through_hits(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Dandong", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(ArticleReader)
        count = len(reader.matches)
        assert count >= 2
        await pilot.press("n", "n")
        assert reader.current_match == 1
        await pilot.press("N", "N")
        assert reader.current_match == count - 1  # wraps around


async def test_reader_marks_entities_and_claim_quotes(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_article(HUNCHUN)
        await settle(pilot)
        reader = app.screen.query_one(ArticleReader)
        kinds = {m.kind for m in reader.marks}
        assert kinds == {"site", "actor", "claim"}
        # ] moves to the first mark; enter opens its brief.
        await pilot.press("right_square_bracket")
        first = reader.marks[0]
        await pilot.press("enter")
        await settle(pilot)
        assert center(app) == "brief"
        brief = app.screen.query_one(BriefView).brief
        expected = app.backend.briefing.claims[first.target].brief_id if first.kind == "claim" else first.target
        assert brief.id == expected


async def test_selecting_an_entity_filters_sources_and_shows_its_brief(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        briefing = app.backend.briefing
        app.open_entity("hunchun")
        await settle(pilot)
        assert center(app) == "brief"
        expected = briefing.articles_by_entity["hunchun"]
        assert source_ids(app) == expected
        assert set(hit_articles(app)) == set(expected)
        view = app.screen.query_one(BriefView)
        items = view.query_one("#brief-items", OptionList)
        claim_ids = [target for kind, target in view.entries if kind == "claim"]
        assert claim_ids == [c.id for c in briefing.briefs["hunchun"].claims]
        assert items.option_count == len(view.entries)
        mentions = view.query_one("#brief-mentions").content.plain
        assert "Mentions in context" in mentions and "Hunchun" in mentions
        await pilot.press("escape")  # back to results, still filtered
        assert center(app) == "results"
        await pilot.press("escape")  # clears the filter
        await settle(pilot)
        assert source_ids(app) == NEWEST_FIRST


async def test_a_related_entity_is_navigable(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_entity("new-yalu-river-bridge")
        await settle(pilot)
        view = app.screen.query_one(BriefView)
        first_kind, first_target = view.entries[0]
        assert first_kind == "entity"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one(BriefView).brief.id == first_target


async def test_palette_finds_an_entity(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Sinuiju Station")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert center(app) == "brief"
        assert app.screen.query_one(BriefView).brief.id == "sinuiju-station"


async def test_y_copies_a_citation_of_the_selected_claim(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Kremlin", "enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        claim_index = next(i for i, h in enumerate(results.hits) if h.kind == "claim")
        results.highlighted = results.get_option_index(f"hit-{claim_index}")
        await pilot.press("y")
        claim = app.backend.briefing.claims[results.hits[claim_index].doc_id]
        assert claim.quote in app.clipboard
        article = app.backend.briefing.articles[claim.source]
        assert article.title in app.clipboard
        assert (article.published.iso() if article.published else "undated") in app.clipboard


async def test_help_lists_the_keys(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        console = Console(record=True, width=200)
        for widget in app.screen.query("Static"):
            console.print(widget.content)
        text = console.export_text()
        for key in ("ctrl+p", "n / N", "escape", "enter", "space"):
            assert key in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_q_quits(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_a_dispute_answers_a_search_and_enter_opens_it_side_by_side(shipped_copy: Path, make_app):
    from conftest import search_for
    from tui.app.screens.compare import CompareScreen
    from tui.app.widgets.results import ResultsList

    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await search_for(pilot, "tourism")
        results = app.screen.query_one(ResultsList)
        kinds = [hit.kind for hit in results.hits]
        assert kinds[-1] == "dispute" and results.hits[-1].doc_id == "nk-tourism-prospects"
        await pilot.press("G")  # the last result
        assert results.highlighted_hit.kind == "dispute"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.query_one("SideBySide").current is not None
