"""Watches: saved searches and what is new in them; a dialog to save the current search."""

from __future__ import annotations

import re

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ..backend import WatchReport
from ..richtext import DIM, safe_line, pane_title
from ..widgets.motion_list import MotionList


class SaveWatchDialog(ModalScreen[str | None]):
    """Asks for a name for the current search; dismisses with it, or None."""

    CSS_PATH = "watches.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, query: str) -> None:
        super().__init__()
        self.search = query

    def compose(self) -> ComposeResult:
        with Vertical(id="watch-box") as box:
            box.border_title = "Watch this search"
            yield Label(Text.assemble("Query: ", safe_line(self.search, "bold", limit=80)))
            suggested = "-".join(re.findall(r"[A-Za-z0-9]+", self.search))[:40] or "watch"
            yield Input(value=suggested, placeholder="a name", id="watch-name")
            yield Static(id="watch-error")
            yield Static(Text("enter saves · escape cancels · new matching articles are counted after each change", style=DIM))

    @on(Input.Submitted, "#watch-name")
    def _submit(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.dismiss(event.value.strip())

    def show_error(self, message: str) -> None:
        self.query_one("#watch-error", Static).update(Text(message, style="bold red"))

    def action_cancel(self) -> None:
        self.dismiss(None)


class WatchesScreen(ModalScreen[str | None]):
    """The watches with their new-article badges. Dismisses with the query to run, or None."""

    CSS_PATH = "watches.tcss"
    BINDINGS = [Binding("escape", "close", "Close"), Binding("d", "delete", "Delete")]

    def __init__(self, reports: list[WatchReport]) -> None:
        super().__init__()
        self.reports = reports

    def compose(self) -> ComposeResult:
        watches = MotionList(id="watch-list")
        watches.border_title = pane_title(f"Watches ({len(self.reports)})")
        watches.border_subtitle = "enter runs it and marks it seen · d deletes · escape"
        yield watches

    def on_mount(self) -> None:
        self._fill()

    def _fill(self) -> None:
        options = []
        for report in self.reports:
            badge = (f" {len(report.new)} new ", "bold black on yellow") if report.new else (" 0 new ", DIM)
            line = Text.assemble(badge, " ", safe_line(report.watch.name, "bold"), ("  ", ""),
                                 safe_line(report.watch.query, "cyan"), (f"   {report.matches} match(es)", DIM))
            if report.error:
                line.append(f"   query error: {report.error}", style="red")
            options.append(Option(line))
        if not options:
            options = [Option(Text("No watches yet: search, then press w to watch the search.", style=DIM), disabled=True)]
        watch_list = self.query_one(OptionList)
        watch_list.set_options(options)
        if self.reports:
            watch_list.highlighted = 0  # a cursor from the start: the first enter runs a watch
        watch_list.focus()

    @on(OptionList.OptionSelected)
    def _run(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.reports[event.option_index].watch.name)

    def action_delete(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is None or index >= len(self.reports):
            return
        name = self.reports[index].watch.name
        self.app.delete_watch(name)
        self.reports = [r for r in self.reports if r.watch.name != name]
        self._fill()

    def action_close(self) -> None:
        self.dismiss(None)
