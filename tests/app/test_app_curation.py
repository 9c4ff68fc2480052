"""Curation while the app runs: problems are listed, changes are picked up."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import OptionList

from conftest import settle
from tui.app.screens.problems import ProblemsScreen

BROKEN = "id: broken-site\nkind: site\ntype: city\nname: Broken\nsummary: [unclosed\n"


async def wait_for(pilot, condition, seconds: float = 8.0) -> bool:
    for _ in range(int(seconds / 0.1)):
        if condition():
            return True
        await asyncio.sleep(0.1)
        await pilot.pause()
    return condition()


async def test_a_broken_brief_written_while_running_shows_in_problems(shipped_copy: Path, make_app):
    app = make_app(shipped_copy, watch=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.backend.briefing.workspace.problems == []
        await asyncio.sleep(0.5)  # the watcher is up
        (shipped_copy / "briefs" / "sites" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
        assert await wait_for(pilot, lambda: app.backend.briefing.workspace.problems)
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        problems = app.screen.query_one(OptionList)
        prompt = problems.get_option_at_index(0).prompt.plain
        assert "briefs/sites/broken.yaml:5" in prompt and "YAML error" in prompt
        # The rest of the workspace still loaded.
        assert len(app.backend.briefing.briefs) > 100


async def test_the_app_opens_with_a_broken_brief(shipped_copy: Path, make_app):
    (shipped_copy / "briefs" / "actors" / "bad.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#sources").border_subtitle == "1 problem(s): p"
        await pilot.press("p")
        prompt = app.screen.query_one(OptionList).get_option_at_index(0).prompt.plain
        assert "bad.yaml" in prompt and "expected a mapping" in prompt


async def test_an_edited_article_is_reindexed_while_running(shipped_copy: Path, make_app):
    app = make_app(shipped_copy, watch=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await asyncio.sleep(0.5)
        path = shipped_copy / "corpus" / "2023-rason-russia-cooperation.md"
        path.write_text(path.read_text(encoding="utf-8") + "\nA zeppelinophile visited.\n", encoding="utf-8")
        assert await wait_for(pilot, lambda: "zeppelinophile" in app.backend.briefing.articles[path.stem].body)
        await settle(pilot)
        results = app.backend.search("zeppelinophile")
        assert [h.article_id for h in results.hits] == [path.stem]
