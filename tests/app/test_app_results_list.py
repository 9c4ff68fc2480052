"""The results and sources lists: every line of a hit painted, and long lists laid out a
page at a time yet reachable to their last item."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.generate import generate
from conftest import settle
from tui.app.widgets.paged_list import PAGE
from tui.app.widgets.results import ResultsList
from tui.app.widgets.sources import SourcesPane

RULE = "─" * 20


async def painted_lines(pilot, results: ResultsList) -> list[str]:
    """Every content line of the list as painted, scrolling a screen at a time."""
    height = results.scrollable_content_region.height
    lines: dict[int, str] = {}
    top = 0
    while True:
        results.scroll_to(y=top, animate=False)
        await pilot.pause()
        y = round(results.scroll_y)
        for offset in range(height):
            lines[y + offset] = results.render_line(offset).text.strip()
        if y + height >= results.virtual_size.height:
            return [lines[i] for i in sorted(lines)]
        top = y + height


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("bridge site:sinuiju", id="rfa-item-keeps-its-last-line-and-rule"),
        pytest.param("Rason port", id="fragment-keeps-its-ellipsis"),
    ],
)
async def test_every_hit_is_painted_to_its_last_line(shipped_copy: Path, make_app, query):
    # Once the results overflow, a scrollbar takes columns: text that wraps onto one more line
    # must still get that line (it used to lose it, and the rule under it).
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *query)  # typed: results come while the box has focus
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert results.show_vertical_scrollbar, "the case needs a list taller than the pane"
        lines = await painted_lines(pilot, results)
        blocks, block = [], []
        for line in lines:
            if line.startswith(RULE):
                blocks.append(block)
                block = []
            elif line:
                block.append(line)
        blocks.append(block)
        assert len(blocks) == len(results.hits)
        for hit, block in zip(results.hits, blocks):
            if hit.fragments:  # the last fragment's closing mark is the hit's last line
                assert block[-1].endswith("…"), (hit.title, block)
        assert any(hit.fragments for hit in results.hits)


@pytest.fixture(scope="module")
def many_articles(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("many")
    generate(root, PAGE * 3)
    return root


async def test_a_long_result_list_is_laid_out_a_page_at_a_time(many_articles: Path, make_app):
    app = make_app(many_articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"trade", "enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert len(results.hits) > 2 * PAGE
        assert results.option_count == PAGE  # only what can be seen, and a margin
        assert results.highlighted_hit == results.hits[0]
        await pilot.press("G")
        assert results.option_count == len(results.hits)
        assert results.highlighted_hit == results.hits[-1]
        await pilot.press("g")
        assert results.highlighted_hit == results.hits[0]


async def test_moving_down_lays_out_the_next_page_before_the_cursor_gets_there(many_articles: Path, make_app):
    app = make_app(many_articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"trade", "enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        await pilot.press(*["j"] * (PAGE + 1))
        assert results.highlighted_hit == results.hits[PAGE + 1]
        assert results.option_count > PAGE + 1


async def test_sources_keep_the_chosen_article_past_the_first_page(many_articles: Path, make_app):
    app = make_app(many_articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sources = app.screen.query_one(SourcesPane)
        sources.focus()
        await pilot.press(*["j"] * (PAGE + 3))
        chosen = sources.highlighted_option.id
        await pilot.press("space")  # marking re-draws the list
        await settle(pilot)
        assert sources.highlighted_option.id == chosen
        assert chosen in sources.marked


async def test_hits_past_the_first_page_get_their_fragments_when_laid_out(many_articles: Path, make_app):
    from tui.app.backend import HIGHLIGHT_FIRST

    app = make_app(many_articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"trade", "enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        articles = [i for i, hit in enumerate(results.hits) if hit.kind == "article"]
        assert len(articles) > HIGHLIGHT_FIRST + PAGE
        later = articles[HIGHLIGHT_FIRST:]
        assert not any(results.hits[i].fragments for i in later)  # the search highlighted the first page only
        await pilot.press("G")  # every hit laid out
        await settle(pilot)
        expected = app.backend.highlight("trade", [results.hits[i] for i in later])
        assert [results.hits[i].fragments for i in later] == [hit.fragments for hit in expected]
        assert all(hit.fragments for hit in expected)
        for index, hit in zip(later, expected):  # and each is drawn with them, in its own place
            prompt = "\n".join(str(part) for part in results.get_option(f"hit-{index}").prompt.renderables)
            assert hit.title in prompt and hit.fragments[0].text.split()[-1] in prompt
