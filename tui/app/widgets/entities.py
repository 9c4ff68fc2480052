"""Entities pane: sites and actors, grouped, each with its mention count."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import Tree

from ...briefing import Briefing
from .motions import TREE_MOTIONS
from ..richtext import ACTOR, DIM, SITE, safe_line, pane_title


class EntitiesPane(Tree[str]):
    BINDINGS = TREE_MOTIONS

    class EntityChosen(Message):
        def __init__(self, entity_id: str) -> None:
            super().__init__()
            self.entity_id = entity_id

    def __init__(self, **kwargs) -> None:
        super().__init__("Entities", **kwargs)
        self.show_root = False
        self.guide_depth = 2
        self._shown: tuple[Briefing, str | None] | None = None
        self._label_width = 0

    @property
    def label_width(self) -> int:
        """Room for a name and its count, so counts line up on the right."""
        return max(12, (self.size.width or 30) - 6)

    def on_resize(self) -> None:
        if self._shown and self.label_width != self._label_width:
            self.show(*self._shown)

    def show(self, briefing: Briefing, selected: str | None = None) -> None:
        self._shown = (briefing, selected)
        self._label_width = width = self.label_width
        self.clear()
        counts = briefing.mention_counts
        total = 0
        for kind, label, style in (("site", "Sites", SITE), ("actor", "Actors", ACTOR)):
            briefs = sorted((b for b in briefing.briefs.values() if b.kind == kind),
                            key=lambda b: (-counts.get(b.id, 0), b.name.casefold()))
            total += len(briefs)
            group = self.root.add(Text(f"{label} ({len(briefs)})", style="bold"), expand=True)
            for brief in briefs:
                count = counts.get(brief.id, 0)
                number = str(count)
                name = safe_line(brief.name, style if count else DIM, limit=width - len(number) - 1)
                name.pad_right(width - len(name) - len(number))
                node = group.add_leaf(Text.assemble(name, (number, DIM)), data=brief.id)
                if brief.id == selected:
                    self.move_cursor(node)
        self.border_title = pane_title(f"Entities ({total})")

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        event.stop()
        if event.node.data:
            self.post_message(self.EntityChosen(event.node.data))

    def action_cursor_top(self) -> None:
        self.cursor_line = 0

    def action_cursor_bottom(self) -> None:
        self.cursor_line = max(0, self.last_line)
