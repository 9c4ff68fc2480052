"""The crossing board: every crossing, bridge, port, customs post, station and rail link with
its latest state by source and as of when; a ≠ where sources disagree at one date."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from ...briefing import Briefing
from ...status_board import BoardRow, SourcedState, crossing_board, is_running
from ..richtext import DIM, QUOTE, date_text, pane_title, safe_line


class CrossingBoardScreen(Screen[str | None]):
    """Dismisses with the id of a site whose brief to open, or None."""

    CSS_PATH = "crossings.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("h", "toggle_history", "Latest/history"),
    ]

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.briefing = briefing
        self.history = False
        self._rows: list[tuple[BoardRow, SourcedState | None]] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="board-pane"):
            yield DataTable(id="board-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="board-detail")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._fill()
        self.query_one(DataTable).focus()

    def _fill(self) -> None:
        board = crossing_board(self.briefing)
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for label in ("Site", "Type", "Source", "State", "As of", ""):
            table.add_column(Text(label, style="bold"))
        self._rows = []
        for row in board:
            states = row.history if self.history else row.latest
            disputed = {s for d in row.disagreements for s in (d.first, d.second)}
            if not states:
                table.add_row(safe_line(row.name, "bold", limit=30), Text(row.type, style=DIM), Text("—", style=DIM),
                              Text("no status recorded", style=DIM), "", "")
                self._rows.append((row, None))
                continue
            for index, state in enumerate(states):
                source = safe_line(state.source, limit=22)
                source.append(f"  {date_text(state.published)}", style=DIM)
                mark = Text("≠", style="bold red") if state in disputed else Text("")
                table.add_row(safe_line(row.name, "bold", limit=30) if index == 0 else Text(""),
                              Text(row.type, style=DIM) if index == 0 else Text(""), source,
                              Text(state.state, style="bold green" if is_running(state.state) else "yellow"),
                              Text(state.as_of.iso()), mark)
                self._rows.append((row, state))
        disagreeing = sum(bool(r.disagreements) for r in board)
        pane = self.query_one("#board-pane")
        pane.border_title = pane_title(f"Crossing board · {len(board)} sites · "
                                       + ("every dated state" if self.history else "latest state by source"))
        pane.border_subtitle = pane_title(f"≠ {disagreeing} site(s) where states disagree at one date"
                                          if disagreeing else "no disagreement at one date")
        self._show_detail()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one("#board-detail", Static)
        table = self.query_one(DataTable)
        if not self._rows or not (0 <= table.cursor_row < len(self._rows)):
            detail.update("")
            return
        row, state = self._rows[table.cursor_row]
        text = Text()
        text.append_text(safe_line(row.name, "bold"))
        if state is None:
            text.append("\nNo dated state in its brief yet.", style=DIM)
        else:
            text.append(f"  {state.state} as of {state.as_of.iso()}  ", style="bold")
            text.append(f"[{state.claim_id}]", style=DIM)
            text.append("\n")
            text.append_text(safe_line(state.source, "cyan"))
            text.append(f" ({date_text(state.published)}): “")
            text.append_text(safe_line(state.quote, QUOTE))
            text.append("”")
            if state.note:
                text.append("\n")
                text.append_text(safe_line(state.note, DIM))
        for d in row.disagreements:
            if state is not None and state not in (d.first, d.second):
                continue
            text.append("\n≠ ", style="bold red")
            text.append("inside one article: " if d.internal else "sources disagree: ", style="bold red")
            text.append_text(safe_line(f"{d.first.state} ({d.first.as_of.iso()}, {d.first.source})"))
            text.append(" vs ")
            text.append_text(safe_line(f"{d.second.state} ({d.second.as_of.iso()}, {d.second.source})"))
        text.append("\nenter opens the site's brief · h every dated state / latest by source", style=DIM)
        detail.update(text)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        if 0 <= event.cursor_row < len(self._rows):
            self.dismiss(self._rows[event.cursor_row][0].site_id)

    def action_toggle_history(self) -> None:
        self.history = not self.history
        self._fill()

    def action_back(self) -> None:
        self.dismiss(None)
