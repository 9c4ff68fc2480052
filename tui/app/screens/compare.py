"""Compare: the disputes (and unreviewed suggestions) on the left, sources side by side.
Enter on a source opens it over the comparison; escape comes back to the same place."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList
from textual.widgets.option_list import Option

from ...compare import compare_dispute, dispute_columns, disputes_for, source_count_text, suggest_conflicts
from ...measures import measures_for_dispute
from ..backend import Backend
from ..richtext import DIM, one_line, pane_title, safe_line
from ..widgets.dispute_columns import DisputeColumns
from ..widgets.side_by_side import SideBySide
from ..worker_failures import ReportsWorkerFailures
from ..widgets.motion_list import MotionList

KIND_STYLE = {"contradiction": "bold red", "different-measure": "bold yellow", "evolving-status": "bold cyan",
              "attribution-dispute": "bold magenta", "framing": "bold blue"}


class CompareScreen(ReportsWorkerFailures, Screen):
    CSS_PATH = ["compare.tcss", "../widgets/side_by_side.tcss"]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("slash", "focus_filter", "Filter"),
        Binding("y", "copy", "Copy"),
        Binding("x", "clear_entity", "All entities", show=False),
        Binding("f", "chart", "Figures", show=False),
    ]

    def __init__(self, backend: Backend, entity: str | None = None, dispute: str | None = None) -> None:
        super().__init__()
        self.backend = backend
        self.entity = entity
        self.initial = dispute
        self._entries: list[tuple[str, object]] = []  # ("dispute", comparison) | ("suggestion", Suggestion)
        # Option id -> index in _entries. A highlight event can arrive after the list it came
        # from was replaced (a paste, fast typing): its id is then unknown and it is ignored.
        self._entry_of_option: dict[str, int] = {}
        self._suggestions = []

    def compose(self) -> ComposeResult:
        with Horizontal():
            with Vertical(id="dispute-pane"):
                yield Input(placeholder="Filter disputes…", id="dispute-filter")
                yield MotionList(id="disputes")
            yield DisputeColumns(id="dispute-view")
        yield Footer()

    def on_mount(self) -> None:
        self._fill("")
        self.load_suggestions()
        self.query_one("#disputes", OptionList).focus()

    @work(thread=True, exclusive=True, exit_on_error=False, group="suggest")
    def load_suggestions(self) -> None:
        suggestions = suggest_conflicts(self.backend.briefing)
        self.app.call_from_thread(self._suggestions_ready, suggestions)

    def _suggestions_ready(self, suggestions) -> None:
        self._suggestions = suggestions
        self._fill(self.query_one("#dispute-filter", Input).value)

    def _fill(self, text: str) -> None:
        briefing = self.backend.briefing
        comparisons = disputes_for(briefing, entity=self.entity, text=text)
        needle = text.casefold().strip()
        suggestions = [s for s in self._suggestions
                       if (not self.entity or s.entity_id == self.entity)
                       and (not needle or needle in f"{s.reason} {briefing.briefs[s.entity_id].name}".casefold())]
        self._entries = []
        self._entry_of_option = {}
        options: list[Option | None] = []
        for comparison in comparisons:
            d = comparison.dispute
            prompt = Text.assemble(safe_line(d.question, "bold"), "\n",
                                   (d.kind.replace("-", " ") + (" · internal" if d.internal else ""),
                                    KIND_STYLE.get(d.kind, "")),
                                   (f" · {source_count_text(comparison.source_count)}", DIM))
            self._entry_of_option[f"d-{d.id}"] = len(self._entries)
            self._entries.append(("dispute", comparison))
            if options:
                options.append(None)
            options.append(Option(prompt, id=f"d-{d.id}"))
        if suggestions:
            for index, suggestion in enumerate(suggestions):
                options.append(None)
                name = briefing.briefs[suggestion.entity_id].name
                prompt = Text.assemble(("unreviewed ", "bold yellow"), safe_line(name, "bold"), "\n",
                                       safe_line(suggestion.reason, DIM, limit=80))
                self._entry_of_option[f"s-{index}"] = len(self._entries)
                self._entries.append(("suggestion", suggestion))
                options.append(Option(prompt, id=f"s-{index}"))
        disputes = self.query_one("#disputes", OptionList)
        disputes.set_options(options)
        pane = self.query_one("#dispute-pane")
        conflicts = sum(c.dispute.is_conflict for c in comparisons)
        framing = len(comparisons) - conflicts
        pane.border_title = pane_title(f"Disputes ({conflicts})" + (f" · framing ({framing})" if framing else ""))
        pane.border_subtitle = pane_title((f"{len(suggestions)} unreviewed" if suggestions else "") + (
            f" · {briefing.briefs[self.entity].name} · x all" if self.entity and self.entity in briefing.briefs else ""))
        if not self._entries:
            self.query_one(DisputeColumns).show_empty("No dispute matches." if text or self.entity else "No disputes yet.")
            return
        index = 0
        if self.initial:
            index = next((i for i, (k, c) in enumerate(self._entries) if k == "dispute" and c.dispute.id == self.initial), 0)
        disputes.highlighted = disputes.get_option_index(options[_option_position(options, index)].id)
        # Once laid out: the list may open on a dispute below its first screen.
        self.call_after_refresh(disputes.scroll_to_highlight)
        self._show(index)

    def _show(self, index: int) -> None:
        kind, entry = self._entries[index]
        view = self.query_one(DisputeColumns)
        if kind == "dispute":
            view.show_dispute(compare_dispute(self.backend.briefing, entry.dispute))
        else:
            view.show_suggestion(self.backend.briefing, entry)

    @on(OptionList.OptionHighlighted, "#disputes")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        index = self._entry_index(event.option_id)
        if index is not None:
            self._show(index)

    @on(OptionList.OptionSelected, "#disputes")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if self.query_one(SideBySide).current is not None:
            self.query_one(SideBySide).focus()

    def _entry_index(self, option_id: str | None) -> int | None:
        """The entry an option of the current list stands for; None for a stale or missing one."""
        return self._entry_of_option.get(option_id) if option_id else None

    def _highlighted_entry(self) -> tuple[str, object] | None:
        option = self.query_one("#disputes", OptionList).highlighted_option
        index = self._entry_index(option.id) if option is not None else None
        return self._entries[index] if index is not None else None

    @on(Input.Changed, "#dispute-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#dispute-filter")
    def _filter_done(self) -> None:
        self.query_one("#disputes", OptionList).focus()

    @on(SideBySide.Open)
    def _open(self, event: SideBySide.Open) -> None:
        """The source over the comparison: escape comes back to this dispute and column."""
        from .source import SourceScreen

        self.app.push_screen(SourceScreen(self.backend, event.article_id, event.span))

    def action_back(self) -> None:
        if isinstance(self.focused, SideBySide):
            self.query_one("#disputes", OptionList).focus()
            return
        self.dismiss(None)

    def action_focus_filter(self) -> None:
        self.query_one("#dispute-filter", Input).focus()

    def action_clear_entity(self) -> None:
        self.entity = None
        self._fill(self.query_one("#dispute-filter", Input).value)

    def action_copy(self) -> None:
        highlighted = self._highlighted_entry()
        if highlighted is None:
            self.notify("No dispute to copy: the filter matches none", severity="warning")
            return
        kind, entry = highlighted
        briefing = self.backend.briefing
        if kind == "suggestion":
            self.app.copy_to_clipboard(entry.skeleton(briefing))
            self.notify("Dispute skeleton copied: paste it into a new file in briefs/disputes/", title="Copied")
        else:
            d = entry.dispute
            lines = [f"{d.question} ({d.kind})"]
            for column in dispute_columns(compare_dispute(briefing, d)).columns:
                # The title names a source whose outlet is unknown ("outlet unknown" alone names none).
                date = column.published.iso() if column.published else "undated"
                for side in column.sides:
                    lines.append(f"- {one_line(column.heading)}, {date}: “{one_line(side.claim.quote)}”")
            self.app.copy_to_clipboard("\n".join(lines))
            self.notify(lines[0], title="Comparison copied")


    def action_chart(self) -> None:
        """The figures chart of the measures the highlighted dispute's claims quantify."""
        entry = self._highlighted_entry()
        if entry is None or entry[0] != "dispute":
            self.notify("Highlight a dispute to chart its figures", severity="warning")
            return
        dispute = entry[1].dispute
        related = measures_for_dispute(self.backend.briefing, dispute.id)
        if not related:
            self.notify("No figure in this dispute is given by two or more claims of one measure", severity="warning")
            return
        self.app.open_chart(measure=related[0], related=related, context="• in this dispute")


def _option_position(options: list, entry_index: int) -> int:
    """Position in `options` (which has separators) of the entry_index-th real option."""
    seen = -1
    for position, option in enumerate(options):
        if option is not None:
            seen += 1
            if seen == entry_index:
                return position
    return 0
