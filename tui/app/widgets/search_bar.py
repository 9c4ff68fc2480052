"""The search input, with its error line underneath. Debounces typing before it asks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static

from ..richtext import safe_line

DEBOUNCE_SECONDS = 0.05  # long enough to skip keystrokes typed together, short enough to feel immediate
PLACEHOLDER = 'Search: words, "a phrase", rail*, site:sinuiju, outlet:hankyoreh, published:[2020 TO 2026]'


class SearchBar(Vertical):
    # Up and down step through the queries asked before, as in a shell; down past the
    # newest gives back what was being typed.
    BINDINGS = [
        Binding("up", "older_query", "Older query", show=False),
        Binding("down", "newer_query", "Newer query", show=False),
    ]

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
        self.history: list[str] = []  # queries asked, oldest first
        self._browsing: int | None = None  # the index in history shown in the box, if any
        self._draft = ""  # what was typed before up was pressed

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
        if self._browsing is not None and event.value != self.history[self._browsing]:
            self._browsing = None  # edited: what is in the box is now a new query
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

    # -- query history --------------------------------------------------------------------
    def remember(self, history: list[str]) -> None:
        """The history as now kept (after a query was recorded)."""
        self.history = list(history)
        self._browsing = None

    def action_older_query(self) -> None:
        if not self.history:
            return
        if self._browsing is None:
            self._draft, self._browsing = self.value, len(self.history)
        if self._browsing == 0:
            self.app.bell()  # the oldest is shown already
            return
        self._browsing -= 1
        self._put(self.history[self._browsing])

    def action_newer_query(self) -> None:
        if self._browsing is None:
            return
        self._browsing += 1
        if self._browsing >= len(self.history):
            self._browsing = None
            self._put(self._draft)
        else:
            self._put(self.history[self._browsing])

    def _put(self, query: str) -> None:
        self.input.value = query
        self.input.cursor_position = len(query)

    def show_error(self, message: str | None) -> None:
        error = self.query_one("#query-error", Static)
        error.update(safe_line(message or ""))
        self.set_class(bool(message), "-error")
