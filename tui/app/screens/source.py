"""A compared source's article, opened over the comparison at the quote: escape returns to the
comparison as it was (the same dispute highlighted, the same column under the cursor)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

from ..backend import Backend
from ..widgets.reader import ArticleReader


class SourceScreen(Screen):
    CSS_PATH = "source.tcss"
    BINDINGS = [Binding("escape", "back", "Back to the comparison")]

    def __init__(self, backend: Backend, article_id: str, span: tuple[int, int] | None) -> None:
        super().__init__()
        self.backend = backend
        self.article_id = article_id
        self.span = span

    def compose(self) -> ComposeResult:
        yield ArticleReader(id="reader")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        # After the first layout: a reader with no size has nowhere to scroll the quote to.
        self.call_after_refresh(self._show)

    def _show(self) -> None:
        briefing = self.backend.briefing
        article = briefing.articles.get(self.article_id)
        if article is None:
            self.notify("That article is no longer in the workspace", severity="warning")
            self.dismiss(None)
            return
        reader = self.query_one(ArticleReader)
        reader.show_from(briefing, article, matches=[], focus=self.span)
        reader.focus()

    @on(ArticleReader.MarkChosen)
    def _mark_chosen(self, event: ArticleReader.MarkChosen) -> None:
        """A mention or claim leads to its brief, on the main screen."""
        target = event.brief_id(self.backend.briefing)
        if target is not None:
            self.app.open_entity(target)

    def action_back(self) -> None:
        self.dismiss(None)
