"""Sources pane: every article, newest first, with date and outlet; space marks two to compare."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...model import Article
from .motions import LIST_MOTIONS
from .paged_list import PagedOptionList
from ..richtext import DIM, date_text, safe_line, pane_title


class SourcesPane(PagedOptionList[Article]):
    """A page of articles is laid out at a time (see PagedOptionList)."""

    BINDINGS = [Binding("space", "toggle_mark", "Mark", show=False), *LIST_MOTIONS]

    class ArticleChosen(Message):
        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.marked: list[str] = []
        self._articles: list[Article] = []
        self._total = 0

    def show(self, articles: list[Article], total: int) -> None:
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        self._articles, self._total = articles, total
        keep = next((i for i, a in enumerate(articles) if a.id == highlighted), None)
        self.show_items(articles, upto=keep or 0)
        if keep is not None:
            self.highlighted = self.get_option_index(highlighted)
        elif articles:
            self.highlighted = 0  # a cursor from the start: the first space or enter acts
        shown = f"{len(articles)}" if len(articles) == total else f"{len(articles)} of {total}"
        self.border_title = pane_title(f"Sources ({shown})")

    def _make_option(self, index: int, article: Article) -> Option:
        mark = "● " if article.id in self.marked else ""
        # The date line never wraps (a long outlet ends in …); the title may.
        first = Text.assemble((mark, "bold magenta"), (f"{date_text(article.published):<10} ", DIM),
                              safe_line(article.outlet or "outlet unknown", "cyan" if article.outlet else DIM),
                              no_wrap=True, overflow="ellipsis")
        return Option(Group(first, safe_line(article.title, "bold")), id=article.id)

    def action_toggle_mark(self) -> None:
        option = self.highlighted_option
        if option is None or option.id is None:
            return
        if option.id in self.marked:
            self.marked.remove(option.id)
        else:
            self.marked = (self.marked + [option.id])[-2:]
        self.show(self._articles, self._total)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id:
            self.post_message(self.ArticleChosen(event.option_id))
