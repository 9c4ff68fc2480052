"""A dispute (or a suggested conflict): its question and note above, its sources side by side."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ...briefing import Briefing
from ...compare import (ColumnLayout, DisputeComparison, Suggestion, claim_count_text, dispute_columns,
                        source_count_text, suggestion_columns)
from ..richtext import DIM, pane_title, safe, safe_line
from .side_by_side import SideBySide


class DisputeColumns(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(id="dispute-header")
        yield SideBySide(id="columns")

    @property
    def grid(self) -> SideBySide:
        return self.query_one(SideBySide)

    def show_dispute(self, comparison: DisputeComparison, cursor: int = 0) -> None:
        d = comparison.dispute
        header = Text()
        header.append("⚖ ", style="bold red")
        header.append_text(safe(d.question, "bold"))
        header.append(f"\n{d.kind} · {source_count_text(comparison.source_count)} · "
                      f"{claim_count_text(len(comparison.sides))}", style=DIM)
        self.query_one("#dispute-header", Static).update(header)
        self.border_title = "Comparison"
        note = Text("Note ", style="bold")
        note.append_text(safe(" ".join(d.note.split()), "italic"))
        self.grid.show(dispute_columns(comparison), cursor, note=note if d.note.strip() else None)

    def show_suggestion(self, briefing: Briefing, suggestion: Suggestion) -> None:
        entity = briefing.briefs[suggestion.entity_id]
        header = Text()
        header.append("unreviewed ", style="bold yellow")
        header.append_text(safe_line(entity.name, "bold"))
        header.append("\n")
        header.append_text(safe_line(suggestion.reason, DIM))
        header.append("\nSuggested by the engine, not yet a dispute. y copies a dispute skeleton to paste into briefs/disputes/.",
                      style="italic")
        self.query_one("#dispute-header", Static).update(header)
        self.border_title = "Suggested conflict"
        self.grid.show(suggestion_columns(briefing, suggestion))

    def show_empty(self, message: str) -> None:
        self.query_one("#dispute-header", Static).update(Text(message, style=DIM))
        self.grid.show(ColumnLayout([]))

    @on(SideBySide.Windowed)
    def _windowed(self, event: SideBySide.Windowed) -> None:
        self.border_subtitle = pane_title(f"{event.hint} · h/l or [ ] for more" if event.hint else "")
