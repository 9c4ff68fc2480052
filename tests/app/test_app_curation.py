"""Curation while the app runs: problems are listed, changes are picked up."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from conftest import file_monitor_up, settle, wait_for
from tui.app.screens.problems import ProblemsScreen

BROKEN = "id: broken-site\nkind: site\ntype: city\nname: Broken\nsummary: [unclosed\n"


async def test_a_broken_brief_written_while_running_shows_in_problems(shipped_copy: Path, make_app):
    app = make_app(shipped_copy, monitor_files=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.backend.briefing.workspace.problems == []
        await file_monitor_up(app)
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
    app = make_app(shipped_copy, monitor_files=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await file_monitor_up(app)
        path = shipped_copy / "corpus" / "2023-rason-russia-cooperation.md"
        path.write_text(path.read_text(encoding="utf-8") + "\nA zeppelinophile visited.\n", encoding="utf-8")
        assert await wait_for(pilot, lambda: "zeppelinophile" in app.backend.briefing.articles[path.stem].body)
        await settle(pilot)
        results = app.backend.search("zeppelinophile")
        assert [h.article_id for h in results.hits] == [path.stem]
