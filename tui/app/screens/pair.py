"""Two articles side by side, aligned on the entities both mention."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ...compare import ArticlePair
from ...briefing import Briefing
from ..richtext import ACTOR, DIM, SITE, date_with_precision, safe, safe_line

FIGURE = "bold magenta"


class PairScreen(Screen):
    CSS_PATH = "pair.tcss"
    BINDINGS = [Binding("escape", "dismiss", "Back")]

    def __init__(self, briefing: Briefing, pair: ArticlePair) -> None:
        super().__init__()
        self.briefing = briefing
        self.pair = pair

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="pair") as scroll:
            scroll.border_title = "Two sources, aligned on what they share"
            yield Static(self._table(), id="pair-table")
            yield Static(self._only(), id="pair-only")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#pair").focus()

    def _head(self, article) -> Text:
        return Text.assemble(safe_line(article.outlet or "outlet unknown", "bold cyan"), (" · " + date_with_precision(article.published), DIM),
                             "\n", safe_line(article.title, "bold"))

    def _sentences(self, sentences) -> Text:
        out = Text()
        for index, sentence in enumerate(sentences):
            if index:
                out.append("\n\n")
            text = safe(" ".join(sentence.text.split()) if "\n" not in sentence.text else sentence.text)
            plain = text.plain
            for figure in sentence.figures:
                found = plain.find(figure.text)
                if found >= 0:
                    text.stylize(FIGURE, found, found + len(figure.text))
            out.append_text(text)
        return out

    def _table(self) -> Table:
        pair = self.pair
        table = Table(expand=True, show_lines=True, border_style="grey50")
        table.add_column("Shared entity", ratio=1)
        table.add_column(self._head(pair.left), ratio=3)
        table.add_column(self._head(pair.right), ratio=3)
        for aligned in pair.shared:
            name = safe_line(aligned.name, SITE if aligned.kind == "site" else ACTOR)
            table.add_row(name, self._sentences(aligned.left), self._sentences(aligned.right))
        if not pair.shared:
            table.add_row(Text("—", style=DIM), Text("These two articles share no entity.", style=DIM), "")
        return table

    def _only(self) -> Text:
        out = Text()
        for label, article, ids in (("Only in the first", self.pair.left, self.pair.only_left),
                                    ("Only in the second", self.pair.right, self.pair.only_right)):
            out.append(f"\n{label} ", style="bold")
            out.append_text(safe_line(f"({article.id})", DIM))
            out.append(": ")
            names = [self.briefing.briefs[i].name for i in ids]
            out.append_text(safe_line(", ".join(names) or "—"))
        return out

    def action_dismiss(self) -> None:
        self.dismiss(None)
