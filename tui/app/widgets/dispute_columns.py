"""A dispute as columns, one per source in publication order; or a suggested conflict."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, HorizontalScroll, Vertical
from textual.message import Message
from textual.widgets import Static

from ...compare import DisputeComparison, Side, Suggestion
from ...briefing import Briefing
from ...figures import figures_in
from ..richtext import DIM, MATCH, date_with_precision, safe, safe_line, pane_title

FIGURE = "bold magenta"


class SideColumn(Static, can_focus=True):
    """One source's column. Enter opens the article at the quote."""

    BINDINGS = [Binding("enter", "open", "Open source")]

    class Open(Message):
        def __init__(self, article_id: str, span: tuple[int, int] | None) -> None:
            super().__init__()
            self.article_id = article_id
            self.span = span

    def __init__(self, content: Text, article_id: str, span: tuple[int, int] | None, title: str, **kwargs) -> None:
        super().__init__(content, **kwargs)
        self.article_id = article_id
        self.span = span
        self.border_title = pane_title(title)

    def action_open(self) -> None:
        self.post_message(self.Open(self.article_id, self.span))

    def on_click(self) -> None:
        self.focus()


class DisputeColumns(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(id="dispute-header")
        yield HorizontalScroll(id="columns")

    def show_dispute(self, comparison: DisputeComparison) -> None:
        d = comparison.dispute
        header = Text()
        header.append("⚖ ", style="bold red")
        header.append_text(safe(d.question, "bold"))
        header.append(f"\n{d.kind} · {comparison.source_count} sources · {len(comparison.sides)} claims", style=DIM)
        header.append("\n")
        header.append_text(safe(" ".join(d.note.split()), "italic"))
        self.query_one("#dispute-header", Static).update(header)
        self.border_title = "Comparison"
        self._set_columns([self._side_column(i, side) for i, side in enumerate(comparison.sides)])

    def _side_column(self, index: int, side: Side) -> SideColumn:
        claim, article = side.claim, side.article
        body = Text()
        if side.gap:
            body.append(f"+{side.gap} after the previous source\n", style="bold yellow")
        body.append(date_with_precision(side.published), style=DIM)
        body.append("\n")
        value = claim.value_text()
        if value:
            body.append("value ")
            body.append_text(safe_line(value, "bold red" if side.differs else "bold green"))
            if side.differs:
                body.append("  ≠", style="bold red")
            body.append("\n")
        if claim.as_of:
            body.append(f"as of {claim.as_of.iso()}\n", style=DIM)
        body.append_text(safe_line(claim.says, "italic"))
        body.append("\n\n")
        if article and side.paragraph and claim.quote_span:
            start, end = side.paragraph
            paragraph = safe(article.body[start:end])
            paragraph.stylize(MATCH, claim.quote_span[0] - start, claim.quote_span[1] - start)
            body.append_text(paragraph)
        else:
            body.append_text(safe(claim.quote, MATCH))
        body.append(f"\n\n{claim.id}", style=DIM)
        outlet = article.outlet if article and article.outlet else "outlet unknown"
        title = f"{index + 1}. {safe_line(outlet, limit=30).plain}"
        return SideColumn(body, claim.source, claim.quote_span, title, classes="side")

    def show_suggestion(self, briefing: Briefing, suggestion: Suggestion) -> None:
        entity = briefing.briefs[suggestion.entity_id]
        header = Text()
        header.append("unreviewed ", style="bold yellow")
        header.append_text(safe_line(entity.name, "bold"))
        header.append(f"\n{suggestion.reason}", style=DIM)
        header.append("\nSuggested by the engine, not yet a dispute. y copies a dispute skeleton to paste into briefs/disputes/.",
                      style="italic")
        self.query_one("#dispute-header", Static).update(header)
        columns = []
        for index, (article_id, sentence) in enumerate((suggestion.left, suggestion.right)):
            article = briefing.articles[article_id]
            body = Text(date_with_precision(article.published) + "\n\n", style=DIM)
            text = safe(sentence.text)
            for figure in figures_in(sentence.text):
                text.stylize(FIGURE, figure.start, figure.end)
            body.append_text(text)
            title = f"{index + 1}. {safe_line(article.outlet or 'outlet unknown', limit=30).plain}"
            columns.append(SideColumn(body, article_id, (sentence.start, sentence.end), title, classes="side"))
        self._set_columns(columns)

    def show_empty(self, message: str) -> None:
        self.query_one("#dispute-header", Static).update(Text(message, style=DIM))
        self._set_columns([])

    def _set_columns(self, columns: list[Container | Static]) -> None:
        holder = self.query_one("#columns", HorizontalScroll)
        holder.remove_children()
        holder.mount_all(columns)
        holder.scroll_home(animate=False)
