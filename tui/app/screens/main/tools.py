"""Main screen: the keys that open the other screens and dialogs (compare, coverage, watches…)."""

from __future__ import annotations

import os
import shlex
import subprocess

from textual.widgets import ContentSwitcher

from ...widgets.brief_view import BriefView
from ...widgets.entities import EntitiesPane
from ...widgets.sources import SourcesPane


class OtherScreens:
    """Actions that hand over to another screen or to $EDITOR."""

    def action_compare(self) -> None:
        """Two marked sources: compare them; else the disputes (of the selected entity or claim)."""
        marked = self.query_one(SourcesPane).marked
        if len(marked) == 2 and self.focused is self.query_one(SourcesPane):
            self.app.compare_articles(*marked)
            return
        dispute = None
        if self.query_one("#center", ContentSwitcher).current == "brief":
            entry = self.query_one(BriefView).highlighted_entry
            if entry is not None:
                kind, target = entry
                if kind == "dispute":
                    dispute = target
                elif kind == "claim":
                    found = self.backend.briefing.disputes_with(target)
                    dispute = next((d.id for d in found if target in d.claim_ids), None)
        self.app.open_compare(entity=self.entity if dispute is None else None, dispute=dispute)

    def action_coverage(self) -> None:
        self.app.open_coverage()

    def action_crossings(self) -> None:
        self.app.open_crossings()

    def action_add_article(self) -> None:
        self.app.open_add_dialog()

    def action_save_watch(self) -> None:
        self.app.save_watch(self.query_text)

    def action_watches(self) -> None:
        self.app.open_watches()

    def action_problems(self) -> None:
        if not self.backend.briefing.workspace.problems:
            self.notify("No problems: the corpus and briefs pass every check", timeout=3)
            return
        self.app.show_problems()

    def action_edit_brief(self) -> None:
        briefing = self.backend.briefing
        entity = None
        if self.focused is self.query_one(EntitiesPane):
            node = self.query_one(EntitiesPane).cursor_node
            entity = node.data if node else None
        entity = entity or self.entity
        brief = briefing.briefs.get(entity) if entity else None
        if brief is None:
            self.notify("Select an entity first (Entities pane or a mention)", severity="warning")
            return
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        try:
            with self.app.suspend():
                subprocess.run([*shlex.split(editor), str(brief.path)], check=False)
        except Exception as err:  # no terminal to suspend (tests), or the editor is missing
            self.notify(f"Could not run {editor}: {err}", severity="error")
            return
        self.app.reload_workspace()
