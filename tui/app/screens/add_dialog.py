"""A small dialog to add an article to the corpus by its file path."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static


class AddDialog(ModalScreen[Path | None]):
    """Returns the path to add, or None when cancelled."""

    CSS_PATH = "add_dialog.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="add-box") as box:
            box.border_title = "Add an article"
            yield Label("A saved web page (.html), Markdown (.md) or plain text (.txt):")
            yield Input(placeholder="~/Downloads/article.html", id="add-path")
            yield Static(id="add-error")
            yield Static(Text("enter adds · escape cancels · the file is copied into corpus/", style="dim"))

    @on(Input.Submitted, "#add-path")
    def _submit(self, event: Input.Submitted) -> None:
        raw = event.value.strip()
        if not raw:
            return
        path = Path(raw).expanduser()
        if not path.is_file():
            problem = ("is a directory: give the file inside it" if path.is_dir() else
                       "is not a regular file" if path.exists() else "no such file")
            self.query_one("#add-error", Static).update(Text(f"{raw}: {problem}", style="bold red"))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
