"""Daily use: the flows a person repeats all day never crash, and every key does what it says."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from textual import events
from textual.geometry import Region
from textual.screen import Screen
from textual.widgets import ContentSwitcher, DataTable, Input, OptionList

from conftest import open_first_result, search_for, settle, toasts
from support import HUNCHUN, NEWEST_FIRST
from tui.app.richtext import ACTOR, SITE
from tui.app.widgets.brief_view import BriefView
import tui.app.screens as screens_package
from tui.app.screens.compare import CompareScreen
from tui.app.screens.main import MainScreen
from tui.app.widgets.reader import ArticleReader
from tui.app.widgets.sources import SourcesPane
from tui.app.widgets.timeline_view import TimelineView
from tui.app.widgets.search_bar import SearchBar


def center(app) -> str:
    return app.screen.query_one("#center", ContentSwitcher).current


async def test_opening_a_second_article_after_escape_shows_it(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        first = app.screen.query_one(ArticleReader).article.id
        await pilot.press("escape", "down", "enter")
        await settle(pilot)
        assert app.is_running and center(app) == "reader"
        reader = app.screen.query_one(ArticleReader)
        assert reader.article.id != first
        shown = [str(p.render()) for p in reader.query(".paragraph")]
        assert shown and all(text in reader.article.body for text in shown), "only the second article's paragraphs"


async def test_opening_the_same_article_twice_in_a_row_shows_it(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for _ in range(3):
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running and center(app) == "reader"
        assert len(app.screen.query(".paragraph")) > 0


async def test_pasting_into_the_compare_filter_narrows_the_disputes(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        everything = app.screen.query_one("#disputes", OptionList).option_count
        await pilot.press("slash")
        box = app.screen.query_one("#dispute-filter", Input)
        # A paste, or keys typed faster than the screen handles them: every change is queued
        # before the first is handled, so highlight events of older lists arrive late.
        for character in "tourism":
            box.insert_text_at_cursor(character)
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, CompareScreen)
        box.value = ""
        box.post_message(events.Paste("tourism"))
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, CompareScreen)
        disputes = app.screen.query_one("#disputes", OptionList)
        assert app.screen.query_one("#dispute-filter", Input).value == "tourism"
        assert 0 < disputes.option_count < everything


async def test_a_compare_filter_that_matches_nothing_says_so(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("slash")
        box = app.screen.query_one("#dispute-filter", Input)
        for character in "zzzz":  # typed faster than the screen handles each change
            box.insert_text_at_cursor(character)
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, CompareScreen)
        assert app.screen.query_one("#disputes", OptionList).option_count == 0
        await pilot.press("down", "enter", "y", "f")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, CompareScreen)


def _luminance(color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = color.triplet
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(foreground, background) -> float:
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def placed_segments(widget):
    """(x, y, segment) for what the widget puts on screen (after the link styling Textual adds)."""
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    placed = []
    for y, strip in enumerate(strips):
        x = 0
        for segment in strip:
            placed.append((x, y, segment))
            x += segment.cell_length
    return placed


def rendered_segments(widget):
    return [segment for _, _, segment in placed_segments(widget)]


@pytest.mark.parametrize("keys", [pytest.param((), id="hit"), pytest.param(("n",), id="current-hit")])
async def test_a_search_hit_inside_an_entity_mention_is_legible(shipped_copy: Path, make_app, keys):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"sinuiju", "enter")
        await settle(pilot)
        await pilot.press("enter", *keys)
        await settle(pilot)
        reader = app.screen.query_one(ArticleReader)
        mentions = {(m.start, m.end) for m in reader.marks if m.kind != "claim"}
        assert any(span in mentions for span in reader.matches), "the hits are site mentions"
        hit_cells = [s for p in reader.query(".paragraph") for s in rendered_segments(p)
                     if s.text.strip().casefold() == "sinuiju" and s.style and s.style.bgcolor]
        assert hit_cells
        for segment in hit_cells:
            assert contrast(segment.style.color, segment.style.bgcolor) >= 4.5, segment


@pytest.mark.parametrize("kind", ["site", "actor"])
async def test_entity_mentions_keep_their_colour(shipped_copy: Path, make_app, kind):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_article(HUNCHUN)
        await settle(pilot)
        reader = app.screen.query_one(ArticleReader)
        expected = (SITE if kind == "site" else ACTOR).color
        words = {reader.article.body[m.start:m.end] for m in reader.marks if m.kind == kind}
        colours = {s.style.color for p in reader.query(".paragraph") for s in rendered_segments(p)
                   if s.text in words and s.style}
        assert colours == {expected}


async def test_a_click_on_a_mention_opens_its_brief(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_article(HUNCHUN)
        await settle(pilot)
        reader = app.screen.query_one(ArticleReader)
        sites = {reader.article.body[m.start:m.end]: m.target for m in reader.marks if m.kind == "site"}
        paragraph, x, y, word = next((p, x, y, s.text) for p in reader.query(".paragraph") if p.region.y < 36
                                     for x, y, s in placed_segments(p) if s.text in sites)
        await pilot.click(offset=(paragraph.region.x + x, paragraph.region.y + y))
        await settle(pilot)
        assert center(app) == "brief"
        assert app.screen.query_one(BriefView).brief.id == sites[word]


@pytest.mark.parametrize(
    ("keys", "typed"),
    [
        pytest.param(("escape",), "", id="escape-from-results"),
        pytest.param(("slash", "escape"), "", id="escape-from-search-box"),
        pytest.param(("slash", *"Rason port", "escape"), "Rason port", id="escape-after-typing"),
    ],
)
async def test_escape_leads_out_of_the_search_box_never_into_it(shipped_copy: Path, make_app, keys, typed):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        box = app.screen.query_one("#query", Input)
        assert app.focused is not box
        assert box.value == typed
        await pilot.press("c")  # a key, not query text
        await settle(pilot)
        assert box.value == typed
        assert isinstance(app.screen, CompareScreen)


async def test_sources_start_with_a_cursor_so_enter_opens_the_first(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sources = app.screen.query_one(SourcesPane)
        sources.focus()
        await pilot.press("space")
        assert sources.marked == [NEWEST_FIRST[0]]
        await pilot.press("enter")
        await settle(pilot)
        assert center(app) == "reader"
        assert app.screen.query_one(ArticleReader).article.id == NEWEST_FIRST[0]


async def test_the_watches_dialog_starts_with_a_cursor(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.backend.watches.add("rail", "rail")
        await pilot.press("W")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one("#query", Input).value == "rail"


async def test_chart_enter_opens_the_source_scrolled_to_the_quote(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_chart()
        await settle(pilot)
        chart = app.screen
        points = chart.measure.points
        # The value whose quote lies furthest into its article: it is off the first screen.
        index = max(range(len(points)), key=lambda i: points[i].quote_span[0] if points[i].quote_span else -1)
        for _ in range(index):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert center(app) == "reader"
        reader = app.screen.query_one(ArticleReader)
        assert reader.article.id == points[index].article_id
        start = points[index].quote_span[0]
        quoted = reader._shown[reader._paragraph_of(start)]
        assert reader.scroll_y > 0
        assert reader.scroll_y <= quoted.virtual_region.y < reader.scroll_y + reader.scrollable_content_region.height


async def test_a_new_watch_reports_nothing_new_until_something_is_added(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Rason", "enter")
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("enter")  # the suggested name
        await settle(pilot)
        assert app.unseen_in_watches and set(app.unseen_in_watches.values()) == {0}
        await pilot.press("W")
        await settle(pilot)
        [report] = app.screen.reports
        assert report.matches > 0 and report.new == []


async def test_coverage_shows_outlets_unknown_not_single_source(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        briefing = app.backend.briefing
        covering = briefing.articles_by_entity["new-yalu-river-bridge"]
        assert len(covering) > 1 and all(briefing.articles[a].outlet is None for a in covering)
        row = table.get_row("new-yalu-river-bridge")
        assert str(row[-1]) == f"outlets unknown ×{len(covering)}"


async def test_timeline_0_shows_every_year_again(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        view = app.screen.query_one(TimelineView)
        await pilot.press("plus", "plus")
        assert view.zoom == 2
        await pilot.press("0")
        assert view.zoom == 0


@pytest.mark.parametrize(
    ("keys", "says"),
    [
        pytest.param(("p",), "No problems", id="p-without-problems"),
    ],
)
async def test_keys_with_nothing_to_show_say_why(shipped_copy: Path, make_app, keys, says):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not app.backend.briefing.workspace.problems
        await pilot.press(*keys)
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert any(says in message for message in toasts(app)), toasts(app)


async def test_f_on_a_brief_without_figures_says_so(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        briefing = app.backend.briefing
        from tui.measures import measures_for_brief
        bare = next(b for b in briefing.briefs.values() if not measures_for_brief(briefing, b.id))
        app.open_entity(bare.id)
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert any("nothing to chart" in message for message in toasts(app))


async def test_a_brief_whose_only_alias_is_its_name_has_no_empty_also_line(shipped_copy: Path, make_app):
    (shipped_copy / "briefs" / "sites" / "quiet-village.yaml").write_text(
        "id: quiet-village\nkind: site\ntype: area\nname: Quiet Village\naliases: [Quiet Village]\n"
        "summary: A place no article names.\n", encoding="utf-8")
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_entity("quiet-village")
        await settle(pilot)
        header = app.screen.query_one("#brief-header").content
        assert "Quiet Village" in str(header) and "Also:" not in str(header)


async def test_the_add_dialog_says_a_directory_is_a_directory(shipped_copy: Path, make_app, tmp_path: Path):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*str(tmp_path), "enter")
        await settle(pilot)
        error = str(app.screen.query_one("#add-error").content)
        assert "is a directory" in error and "No such file" not in error


async def test_adding_an_article_says_so_once(shipped_copy: Path, make_app, tmp_path: Path):
    article = tmp_path / "note.md"
    article.write_text("# Hunchun market notes\n\nTraders in Hunchun spoke of quieter weeks.\n", encoding="utf-8")
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.add_article(article)
        await settle(pilot, rounds=5)
        app.reload_workspace({str(shipped_copy / "corpus")})  # as the file monitor does after the add
        await settle(pilot, rounds=5)
        [added] = [a for a in app.backend.briefing.articles if "hunchun-market-notes" in a]
        assert [m for m in toasts(app) if m.startswith("Added")] == [f"Added {added}"], toasts(app)
        assert not [m for m in toasts(app) if m.startswith("Reloaded")], "nothing changed after the add"



@pytest.mark.parametrize(
    ("pane", "keys", "expected"),
    [
        pytest.param("results", ("j", "j"), 2, id="results-j"),
        pytest.param("results", ("j", "j", "k"), 1, id="results-k"),
        pytest.param("results", ("G",), -1, id="results-G"),
        pytest.param("results", ("G", "g"), 0, id="results-g"),
        pytest.param("sources", ("j",), 1, id="sources-j"),
        pytest.param("sources", ("G", "k"), -2, id="sources-G-k"),
    ],
)
async def test_vim_motions_move_in_lists(shipped_copy: Path, make_app, pane, keys, expected):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        widget = app.screen.query_one(f"#{pane}", OptionList)
        widget.focus()
        await pilot.press(*keys)
        real = [i for i in range(widget.option_count) if widget.get_option_at_index(i).id]
        assert widget.highlighted == real[expected]


async def test_g_in_a_brief_is_the_top_of_its_list_not_the_chart(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_entity("kotra")  # a brief with a chart: f opens it, g must not
        await settle(pilot)
        items = app.screen.query_one("#brief-items", OptionList)
        await pilot.press("G")
        assert items.highlighted not in (None, 0)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert items.highlighted == min(i for i in range(items.option_count) if not items.get_option_at_index(i).disabled)


def _screen_classes() -> dict[str, type[Screen]]:
    """Every Screen class defined in tui.app.screens, by dotted name."""
    found = {}
    for info in pkgutil.walk_packages(screens_package.__path__, screens_package.__name__ + "."):
        module = importlib.import_module(info.name)
        for name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, Screen) and value.__module__ == module.__name__:
                found[f"{module.__name__}.{name}"] = value
    return found


SCREEN_CLASSES = _screen_classes()


@pytest.mark.parametrize("screen", sorted(SCREEN_CLASSES))
def test_no_screen_takes_g_or_G_from_the_lists(screen):
    """g / G are top / bottom in every list (vim); a screen binding them would shadow that."""
    bindings = SCREEN_CLASSES[screen].BINDINGS
    keys = {b.key if hasattr(b, "key") else b[0] for b in bindings}
    assert not keys & {"g", "G"}, f"{screen} binds {sorted(keys & {'g', 'G'})}"


async def test_vim_motions_scroll_the_reader(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(ArticleReader)
        await pilot.press("j", "j", "j")
        assert reader.scroll_y == 3
        await pilot.press("k")
        assert reader.scroll_y == 2
        await pilot.press("G")
        assert reader.scroll_y == reader.max_scroll_y > 0
        await pilot.press("g")
        assert reader.scroll_y == 0


async def test_z_zooms_the_focused_pane_and_back(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(ArticleReader)
        narrow = reader.size.width
        await pilot.press("z")
        await pilot.pause()
        assert not app.screen.query_one("#sources").display and not app.screen.query_one("#entities").display
        assert reader.size.width >= 80 - 4 > narrow  # the whole width but the border and padding
        await pilot.press("z")
        await pilot.pause()
        assert reader.size.width == narrow


@pytest.mark.parametrize("size", [(60, 20), (40, 12)], ids=["60x20", "40x12"])
async def test_a_narrow_screen_shows_one_pane_at_a_time(shipped_copy: Path, make_app, size):
    app = make_app(shipped_copy)
    async with app.run_test(size=size) as pilot:
        reader = await open_first_result(pilot)
        assert reader.size.width >= size[0] - 4  # not the dozen columns left beside two panes
        await pilot.press("h")
        await settle(pilot)
        sources = app.screen.query_one(SourcesPane)
        assert app.focused is sources and sources.size.width >= size[0] - 4
        await pilot.press("enter")  # opens the highlighted source: the centre comes back
        await settle(pilot)
        assert center(app) == "reader" and app.screen.query_one(ArticleReader).size.width >= size[0] - 4


async def test_h_and_l_move_between_panes(shipped_copy: Path, make_app):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.focused.id == "results"
        await pilot.press("l")
        await settle(pilot)
        assert app.focused.id == "entities"
        await pilot.press("l")  # wraps round
        await settle(pilot)
        assert app.focused.id == "sources"
        await pilot.press("h")
        await settle(pilot)
        assert app.focused.id == "entities"


@pytest.mark.parametrize("query, hint", [
    pytest.param("zzyzxq", "rail*", id="a-word-found-nowhere-says-so"),
    pytest.param("bridge outlet:zzyzxq", "without the filter outlet:zzyzxq", id="a-field-filter-is-named-as-what-to-drop"),
    pytest.param("bridge zzyzxq", "without zzyzxq", id="a-word-in-no-article-is-named-as-what-to-drop"),
    pytest.param("Sinuiju brige", "near spelling: brige → bridge", id="a-near-spelling"),
])
async def test_a_search_with_no_results_says_so_and_what_to_loosen(shipped_copy: Path, make_app, query, hint):
    from tui.app.widgets.results import ResultsList

    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *query)
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert results.hits == []
        shown = "\n".join(str(results.get_option_at_index(i).prompt) for i in range(results.option_count))
        assert f"No results for {query}" in shown and hint in shown
        results.highlighted = 0
        await pilot.press("escape", "enter")  # enter on the message opens nothing and breaks nothing
        await settle(pilot)
        assert app.is_running and results.highlighted_hit is None and app.screen.query_text == query


@pytest.mark.parametrize("query, runs", [
    pytest.param("Sinuiju brige", "Sinuiju bridge", id="the-near-spelling"),
    pytest.param("bridge outlet:zzyzxq", "bridge", id="the-query-without-its-filter"),
])
async def test_enter_on_a_hint_runs_it(shipped_copy: Path, make_app, query, runs):
    from tui.app.widgets.results import ResultsList

    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await search_for(pilot, query)
        results = app.screen.query_one(ResultsList)
        assert app.focused is results and results.hits == []
        await pilot.press("enter")  # the first hint is highlighted
        await settle(pilot)
        assert app.screen.query_one(SearchBar).value == runs and app.screen.query_text == runs
        assert results.hits
