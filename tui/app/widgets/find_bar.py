"""The reader's find bar: a phrase to find in the article, and where among its matches you are."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static


class FindBar(Horizontal):
    """Hidden until `/` in the reader; enter or escape hands the keys back to the reader."""

    DEFAULT_CSS = """
    FindBar { dock: bottom; height: 1; display: none; background: $panel; }
    FindBar.-open { display: block; }
    FindBar Input { border: none; height: 1; width: 1fr; padding: 0 1; background: $panel; }
    FindBar #find-counter { width: auto; min-width: 10; padding: 0 1; }
    """
    BINDINGS = [Binding("escape", "close", "Close find", show=False)]

    class Changed(Message):
        def __init__(self, phrase: str) -> None:
            super().__init__()
            self.phrase = phrase

    class Closed(Message):
        pass

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Find in the article", id="find-input", select_on_focus=True)
        yield Static(id="find-counter")

    @property
    def input(self) -> Input:
        return self.query_one("#find-input", Input)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self) -> None:
        self.add_class("-open")
        self.input.focus()

    def close(self) -> None:
        self.remove_class("-open")

    def show_counter(self, counter: str) -> None:
        self.query_one("#find-counter", Static).update(Text(counter))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Closed())

    def action_close(self) -> None:
        self.post_message(self.Closed())
