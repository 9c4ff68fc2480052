"""The search input, with its error line underneath. Debounces typing before it asks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static

from ..richtext import safe_line

DEBOUNCE_SECONDS = 0.05  # long enough to skip keystrokes typed together, short enough to feel immediate
PLACEHOLDER = 'Search: words, "a phrase", rail*, site:sinuiju, outlet:hankyoreh, published:[2020 TO 2026]'


class SearchBar(Vertical):
    class QueryChanged(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Submitted(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Input(placeholder=PLACEHOLDER, id="query", select_on_focus=False)
        yield Static(id="query-error")

    @property
    def input(self) -> Input:
        return self.query_one("#query", Input)

    @property
    def value(self) -> str:
        return self.input.value

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        query = event.value
        self._timer = self.set_timer(DEBOUNCE_SECONDS, lambda: self._ask(query))

    def _ask(self, query: str) -> None:
        self._timer = None
        self.post_message(self.QueryChanged(query))

    @property
    def query_pending(self) -> bool:
        """Typing is waiting out the debounce: the query in the box has not been asked yet."""
        return self._timer is not None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.post_message(self.Submitted(event.value))

    def show_error(self, message: str | None) -> None:
        error = self.query_one("#query-error", Static)
        error.update(safe_line(message or ""))
        self.set_class(bool(message), "-error")
