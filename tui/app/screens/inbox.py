"""The curator's inbox: a new article's candidate claims and its suggested conflicts.

`a` appends the highlighted candidate as a claim to its entity's brief (the engine's
atomic, checked, round-trip append: tui/curate.py), `u` undoes the last append, escape
closes. The work runs in a thread worker; the app reloads the brief when it changes.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..richtext import DIM, pane_title, safe, safe_line
from ..worker_failures import ReportsWorkerFailures
from ..widgets.motion_list import MotionList


class InboxScreen(ReportsWorkerFailures, ModalScreen[None]):
    CSS_PATH = "inbox.tcss"
    BINDINGS = [
        Binding("escape,q", "dismiss", "Close"),
        Binding("a", "append", "Append as claim"),
        Binding("u", "undo", "Undo last append"),
    ]

    def __init__(self, backend, article_id: str) -> None:
        super().__init__()
        self.backend = backend
        self.article_id = article_id
        self.candidates: list = []
        self.appended: list = []  # what each append did, newest last, for undo

    def compose(self) -> ComposeResult:
        with Vertical(id="inbox"):
            candidates = MotionList(id="inbox-candidates")
            candidates.border_title = pane_title("Candidate claims: reading the article…")
            candidates.border_subtitle = "a append as claim · u undo · escape closes"
            yield candidates
            conflicts = Static(id="inbox-conflicts")
            conflicts.border_title = pane_title("Suggested conflicts")
            yield conflicts

    def on_mount(self) -> None:
        self.load_inbox()

    @work(thread=True, exclusive=True, exit_on_error=False, group="inbox")
    def load_inbox(self) -> None:
        inbox = self.backend.inbox(self.article_id)
        self.app.call_from_thread(self._show, inbox)

    def _show(self, inbox) -> None:
        self.candidates = inbox.candidates
        options = []
        for candidate in inbox.candidates:
            record = candidate.record
            brief = self.backend.briefing.briefs.get(candidate.entity)
            about = f" · about {record.about.iso()}" if record.about and record.unit != "year" else ""
            line = Text.assemble(safe_line(record.shown(), "bold"), (f"  {candidate.measure}", "cyan"),
                                 ("  ·  ", DIM), safe_line(brief.name if brief else candidate.entity), (about, DIM))
            if candidate.conflicts:
                line.append(f"  ⚠ {len(candidate.conflicts)} conflict(s)", style="yellow")
            line.append("\n  “", style=DIM)
            line.append_text(safe(candidate.quote))
            line.append("”", style=DIM)
            options.append(Option(line))
        listing = self.query_one("#inbox-candidates", OptionList)
        listing.clear_options()
        listing.add_options(options or [Option(Text("No figure here that a brief could hold.", style=DIM), disabled=True)])
        if inbox.candidates:
            listing.highlighted = 0
        listing.border_title = pane_title(f"Candidate claims ({len(inbox.candidates)})")
        text = Text()
        for suggestion in inbox.conflicts:
            text.append("• ", style="yellow")
            text.append_text(safe(suggestion.reason))
            text.append("\n")
        self.query_one("#inbox-conflicts", Static).update(text or Text("None found.", style=DIM))
        listing.focus()

    def action_append(self) -> None:
        index = self.query_one("#inbox-candidates", OptionList).highlighted
        if index is None or index >= len(self.candidates):
            return
        self.append_candidate(self.candidates[index])

    @work(thread=True, exclusive=True, exit_on_error=False, group="inbox-write")
    def append_candidate(self, candidate) -> None:
        from ..backend import CurateError

        try:
            appended = self.backend.append_claim(candidate)
        except (CurateError, OSError) as err:
            self.app.call_from_thread(self.notify, Text(str(err)), title="Claim not added", severity="error")
            return
        self.appended.append(appended)
        message = Text.assemble("Added claim ", (appended.claim_id, "bold"), f" to {appended.path.name}; u undoes it")
        self.app.call_from_thread(self.notify, message, title="Claim added")

    def action_undo(self) -> None:
        if not self.appended:
            self.notify(Text("Nothing to undo"), severity="warning")
            return
        self.undo_last()

    @work(thread=True, exclusive=True, exit_on_error=False, group="inbox-write")
    def undo_last(self) -> None:
        from ..backend import CurateError

        appended = self.appended[-1]
        try:
            self.backend.undo_append(appended)
        except (CurateError, OSError) as err:
            self.app.call_from_thread(self.notify, Text(str(err)), title="Not undone", severity="error")
            return
        self.appended.pop()
        self.app.call_from_thread(self.notify, Text.assemble("Removed claim ", (appended.claim_id, "bold")), title="Undone")

    def action_dismiss(self) -> None:
        self.dismiss(None)
