"""The main screen: search bar, Sources | Results/Reader/Brief | Entities, footer.

This module composes the screen and routes the panes' events; each job lives in its own module
of this package (search, views, panes, yank, tools, pictures).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer

from ...backend import Backend, SearchResults
from ...widgets.breadcrumb import Breadcrumb
from ...widgets.brief_view import BriefView
from ...widgets.entities import EntitiesPane
from ...widgets.reader import ArticleReader
from ...widgets.results import ResultsList
from ...widgets.search_bar import SearchBar
from ...widgets.sources import SourcesPane
from ...worker_failures import ReportsWorkerFailures
from .backstack import BackStack
from .panes import PaneLayout
from .pictures import Pictures
from .search import SearchFlow
from .tools import OtherScreens
from .views import ViewNavigation
from .yank import Yank


class MainScreen(SearchFlow, ViewNavigation, PaneLayout, Yank, OtherScreens, Pictures,
                 ReportsWorkerFailures, Screen):
    CSS_PATH = "main.tcss"
    # Below 70 columns the side panes would leave the reader a dozen columns: the centre
    # takes the whole width (as when zoomed), and h/l or tab still reach the side panes.
    HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (70, "-narrow"), (110, "-wide")]
    # The footer shows the keys that always work, then those that apply to what is on
    # screen (check_action hides the rest); every key is on the help screen (?).
    BINDINGS = [
        Binding("slash", "focus_search", "Search"),
        Binding("escape", "back", "Back", show=False),
        Binding("c", "compare", "Compare"),
        Binding("m", "map", "Map"),
        Binding("t", "timeline", "Timeline"),
        Binding("v", "coverage", "Coverage"),
        Binding("b", "crossings", "Crossings"),
        Binding("e", "edit_brief", "Edit"),
        Binding("f", "chart", "Figures"),
        Binding("w", "save_watch", "Watch"),
        Binding("p", "problems", "Problems"),
        Binding("y", "copy_citation", "Cite", show=False),
        Binding("Y", "copy_menu", "Copy…", show=False),
        Binding("o", "open_url", "Open url", show=False),
        Binding("a", "add_article", "Add", show=False),
        Binding("W", "watches", "Watches", show=False),
        Binding("z", "zoom", "Zoom", show=False),
        Binding("h", "pane(-1)", "Pane left", show=False),
        Binding("l", "pane(1)", "Pane right", show=False),
    ]

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self.backend = backend
        self.query_text = ""
        self.entity: str | None = None
        self.results = SearchResults("", [], 0)
        self.back_stack = BackStack()  # the places escape returns to

    def compose(self) -> ComposeResult:
        yield SearchBar(id="search-bar")
        yield Breadcrumb(id="breadcrumb")
        with Horizontal(id="panes"):
            yield SourcesPane(id="sources")
            with ContentSwitcher(initial="results", id="center"):
                yield ResultsList(id="results")
                yield ArticleReader(id="reader")
                yield BriefView(id="brief")
            yield EntitiesPane(id="entities")
        yield Footer(compact=True, show_command_palette=False)  # ctrl+p is on the help screen

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that apply only to some views are hidden (and idle) elsewhere."""
        view = self.query_one("#center", ContentSwitcher).current if self.is_mounted else "results"
        if action == "edit_brief":
            return view == "brief" or self.focused is self.query_one(EntitiesPane)
        if action == "chart":
            return view == "brief"
        if action == "save_watch":
            return view == "results" and bool(self.query_text.strip())
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_mount(self) -> None:
        self.refresh_workspace()
        self.load_query_history()
        # Start on the results, so the footer shows every key; `/` goes to the search box.
        self.query_one(ResultsList).focus()

    # -- events from the panes ------------------------------------------------------------------

    @on(SearchBar.QueryChanged)
    def _query_changed(self, event: SearchBar.QueryChanged) -> None:
        self.query_text = event.query
        self.run_search(self.query_text, self.entity)
        self.refresh_bindings()

    @on(SearchBar.Submitted)
    def _query_submitted(self, event: SearchBar.Submitted) -> None:
        self.query_text = event.query
        self.run_search(self.query_text, self.entity)
        self.record_query(event.query)
        self._switch("results")
        self.query_one(ResultsList).focus()

    @on(SourcesPane.ArticleChosen)
    def _article_chosen(self, event: SourcesPane.ArticleChosen) -> None:
        self.open_article(event.article_id)

    @on(ResultsList.HitChosen)
    def _hit_chosen(self, event: ResultsList.HitChosen) -> None:
        hit = event.hit
        self.record_query(self.query_text)
        if hit.kind == "dispute":
            self.app.open_dispute(hit.doc_id)
        elif hit.kind == "claim":
            self.open_claim(hit.doc_id)
        else:
            self.open_article(hit.article_id)

    @on(ResultsList.FragmentsWanted)
    def _fragments_wanted(self, event: ResultsList.FragmentsWanted) -> None:
        event.stop()
        self.add_fragments(self.query_text, event.hits)

    @on(ResultsList.SuggestionChosen)
    def _suggestion_chosen(self, event: ResultsList.SuggestionChosen) -> None:
        if event.suggestion.clears_entity:
            self.entity = None
        self.run_query(event.suggestion.query)

    @on(EntitiesPane.EntityChosen)
    def _entity_chosen(self, event: EntitiesPane.EntityChosen) -> None:
        self.open_entity(event.entity_id)

    @on(ArticleReader.MarkChosen)
    def _mark_chosen(self, event: ArticleReader.MarkChosen) -> None:
        target = event.brief_id(self.backend.briefing)
        if target is not None:
            self.open_entity(target)

    @on(BriefView.ItemChosen)
    def _brief_item_chosen(self, event: BriefView.ItemChosen) -> None:
        if event.kind == "entity":
            self.open_entity(event.target)
        elif event.kind == "claim":
            self.open_claim(event.target)
        elif event.kind == "dispute":
            self.app.open_dispute(event.target)
