"""Copy menu (Y): what the selection offers to copy, one key each; dismisses with (what, text)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..richtext import DIM, pane_title, safe_line
from ..widgets.motion_list import MotionList


class CopyMenu(ModalScreen[tuple[str, str] | None]):
    CSS_PATH = "copy_menu.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, choices: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.choices = choices  # (key, what, text)

    def compose(self) -> ComposeResult:
        with Vertical(id="copy-box") as box:
            box.border_title = pane_title("Copy")
            box.border_subtitle = pane_title("a key or enter copies · escape cancels")
            options = [Option(Text.assemble((f"{key}  ", "bold"), (f"{what:<24}", DIM), safe_line(text, limit=200)),
                              id=key) for key, what, text in self.choices]
            yield MotionList(*options, id="copy-list")
            yield Static(Text("the text is copied to the clipboard (OSC 52: most terminals, and tmux with set-clipboard on)",
                              style=DIM), id="copy-note")

    def on_mount(self) -> None:
        self.query_one("#copy-list", OptionList).highlighted = 0

    def on_key(self, event) -> None:
        # Each choice's own key copies it at once (c, i, q, a, u, l, b): no bindings to
        # declare, as the keys offered depend on the selection.
        for key, what, text in self.choices:
            if event.character == key:
                event.stop()
                self.dismiss((what, text))
                return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        for key, what, text in self.choices:
            if key == event.option_id:
                self.dismiss((what, text))

    def action_cancel(self) -> None:
        self.dismiss(None)
