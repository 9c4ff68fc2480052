"""The curator's inbox in the app: after `add`, the new article's candidate claims; one key
appends a claim to the right brief, another undoes it."""

from __future__ import annotations

import difflib
from pathlib import Path

from textual.widgets import OptionList

from conftest import settle
from tui.app.screens.inbox import InboxScreen

NEW_ARTICLE = "New bridge\n\nDANDONG, 2026-04-02 — The New Yalu River Bridge was completed in 2012, an engineer said.\n"


async def test_after_add_the_inbox_appends_a_claim_and_undoes_it(shipped_copy: Path, make_app, tmp_path: Path):
    source = tmp_path / "new.txt"
    source.write_text(NEW_ARTICLE, encoding="utf-8")
    brief = shipped_copy / "briefs/sites/new-yalu-river-bridge.yaml"
    before = brief.read_bytes()
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.add_article(source)
        await settle(pilot, rounds=6)
        assert isinstance(app.screen, InboxScreen)
        inbox = app.screen
        assert [c.record.value for c in inbox.candidates] == [2012]
        candidate = inbox.candidates[0]
        assert candidate.entity == "new-yalu-river-bridge" and candidate.conflicts, "2012 against the brief's 2014"
        assert candidate.quote.startswith("The New Yalu River Bridge"), "the dateline is not quoted"
        assert inbox.query_one("#inbox-candidates", OptionList).option_count == 1
        await pilot.press("a")
        await settle(pilot)
        assert len(inbox.appended) == 1, [n.message for n in app._notifications]
        text = brief.read_text(encoding="utf-8")
        assert inbox.appended[0].claim_id in text
        # Only an insertion: every byte that was there is still there, in order.
        changes = difflib.SequenceMatcher(None, before.decode(), text, autojunk=False).get_opcodes()
        assert [tag for tag, *_ in changes if tag != "equal"] == ["insert"]
        await pilot.press("u")
        await settle(pilot)
        assert brief.read_bytes() == before
        assert inbox.appended == []

