"""The main screen: search bar, Sources | Results/Reader/Brief | Entities, footer."""

from __future__ import annotations

import os
import shlex
import subprocess

from textual import on, work
from textual.worker import get_current_worker
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer

from ...citation import cite_article, cite_claim
from ...measures import measures_for_brief
from ...search import QueryError, SearchResults
from ..backend import Backend
from ..richtext import pane_title, safe_line
from ..widgets.brief_view import BriefView
from ..widgets.entities import EntitiesPane
from ..widgets.reader import ArticleReader
from ..widgets.results import ResultsList
from ..widgets.search_bar import SearchBar
from ..widgets.sources import SourcesPane
from ..worker_failures import ReportsWorkerFailures


class MainScreen(ReportsWorkerFailures, Screen):
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
        Binding("g", "chart", "Chart"),
        Binding("w", "save_watch", "Watch"),
        Binding("p", "problems", "Problems"),
        Binding("y", "copy_citation", "Cite", show=False),
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
        self._history: list[str] = []  # views to return to on escape

    def compose(self) -> ComposeResult:
        yield SearchBar(id="search-bar")
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
        # Start on the results, so the footer shows every key; `/` goes to the search box.
        self.query_one(ResultsList).focus()

    # -- data → panes -----------------------------------------------------------------------
    def refresh_workspace(self) -> None:
        """Fill every pane from the backend's current briefing (after start or a reload)."""
        briefing = self.backend.briefing
        if self.entity and self.entity not in briefing.briefs:
            self.entity = None
        self.query_one(EntitiesPane).show(briefing, self.entity)
        self.run_search(self.query_text, self.entity)
        view = self.query_one("#center", ContentSwitcher).current
        if view == "brief" and self.entity:
            self.query_one(BriefView).show(briefing, briefing.briefs[self.entity])
        problems = len(briefing.workspace.problems)
        self.query_one("#sources").border_subtitle = pane_title(f"{problems} problem(s): p" if problems else "")
        self.refresh_bindings()

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def run_search(self, query: str, entity: str | None) -> None:
        try:
            results = self.backend.search(query, entity=entity)
            error = None
        except QueryError as err:
            results, error = None, str(err)
        if get_current_worker().is_cancelled:
            return  # a newer search has replaced this one: drawing it would only cost time
        self.app.call_from_thread(self._show_results, query, entity, results, error)

    def _show_results(self, query: str, entity: str | None, results: SearchResults | None, error: str | None) -> None:
        if query != self.query_text or entity != self.entity:
            return  # a newer query has been asked; this answer is stale
        bar = self.query_one(SearchBar)
        bar.show_error(error or (results.notice if results else None))
        if results is None:
            return
        self.results = results
        self.query_one(ResultsList).show(results.hits, results.total, query, entity)
        briefing = self.backend.briefing
        if query.strip():
            ids = list(dict.fromkeys(h.article_id for h in results.hits))
            articles = [briefing.articles[i] for i in ids if i in briefing.articles]
        else:
            articles = [briefing.articles[h.article_id] for h in results.hits if h.article_id in briefing.articles]
        self.query_one(SourcesPane).show(articles, len(briefing.articles))
        results_list = self.query_one(ResultsList)
        if self.entity:
            name = briefing.briefs[self.entity].name if self.entity in briefing.briefs else self.entity
            results_list.border_subtitle = pane_title(f"mentioning {name} · esc clears")
        else:
            results_list.border_subtitle = ""

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
        self._switch("results")
        self.query_one(ResultsList).focus()

    @on(SourcesPane.ArticleChosen)
    def _article_chosen(self, event: SourcesPane.ArticleChosen) -> None:
        self.open_article(event.article_id)

    @on(ResultsList.HitChosen)
    def _hit_chosen(self, event: ResultsList.HitChosen) -> None:
        hit = event.hit
        if hit.kind == "claim":
            self.open_claim(hit.doc_id)
        else:
            self.open_article(hit.article_id)

    @on(EntitiesPane.EntityChosen)
    def _entity_chosen(self, event: EntitiesPane.EntityChosen) -> None:
        self.open_entity(event.entity_id)

    @on(ArticleReader.MarkChosen)
    def _mark_chosen(self, event: ArticleReader.MarkChosen) -> None:
        if event.mark.kind == "claim":
            claim = self.backend.briefing.claims.get(event.mark.target)
            if claim:
                self.open_entity(claim.brief_id)
        else:
            self.open_entity(event.mark.target)

    @on(BriefView.ItemChosen)
    def _brief_item_chosen(self, event: BriefView.ItemChosen) -> None:
        if event.kind == "entity":
            self.open_entity(event.target)
        elif event.kind == "claim":
            self.open_claim(event.target)
        elif event.kind == "dispute":
            self.app.open_dispute(event.target)

    # -- opening things -------------------------------------------------------------------------
    def open_article(self, article_id: str, focus: tuple[int, int] | None = None) -> None:
        if article_id not in self.backend.briefing.articles:
            self.notify(f"No article '{article_id}'", severity="error")
            return
        self._load_reader(article_id, self.query_text, focus)

    @work(thread=True, exclusive=True, exit_on_error=False, group="reader")
    def _load_reader(self, article_id: str, query: str, focus: tuple[int, int] | None) -> None:
        briefing = self.backend.briefing
        article = briefing.articles[article_id]
        matches = self.backend.term_spans(query, article.body) if query.strip() else []
        self.app.call_from_thread(self._show_reader, article_id, matches, focus)

    def _show_reader(self, article_id: str, matches, focus) -> None:
        briefing = self.backend.briefing
        article = briefing.articles.get(article_id)
        if article is None:
            return
        reader = self.query_one(ArticleReader)
        self._switch("reader")  # first: a hidden reader has no layout to scroll to the quote in
        reader.show(article, mentions=briefing.mentions.get(article_id, []), kinds=briefing.matcher.kinds,
                    claims=briefing.claims_from(article_id), matches=matches, focus=focus)
        reader.focus()

    def open_claim(self, claim_id: str) -> None:
        claim = self.backend.briefing.claims.get(claim_id)
        if claim is None:
            self.notify(f"No claim '{claim_id}'", severity="error")
            return
        self.open_article(claim.source, focus=claim.quote_span)

    def open_entity(self, entity_id: str) -> None:
        briefing = self.backend.briefing
        brief = briefing.briefs.get(entity_id)
        if brief is None:
            self.notify(f"No brief '{entity_id}'", severity="error")
            return
        self.entity = entity_id
        self.query_one(BriefView).show(briefing, brief)
        self._switch("brief")
        self.query_one("#brief-items").focus()
        self.run_search(self.query_text, self.entity)

    def _switch(self, view: str) -> None:
        self.remove_class("-show-sources", "-show-entities")  # narrow: the centre comes back
        switcher = self.query_one("#center", ContentSwitcher)
        if switcher.current != view:
            if switcher.current and (not self._history or self._history[-1] != switcher.current):
                self._history.append(switcher.current)
            switcher.current = view
        self.refresh_bindings()

    # -- actions ----------------------------------------------------------------------------------
    def run_query(self, query: str) -> None:
        """Put a query in the search box and show its results (a watch, the palette)."""
        bar = self.query_one(SearchBar)
        bar.input.value = query
        self.query_text = query
        self.run_search(query, self.entity)
        self._switch("results")
        self.query_one(ResultsList).focus()

    def action_zoom(self) -> None:
        """Maximise the focused pane (the others collapse); again to restore (lazygit's +)."""
        self.toggle_class("-zoomed")
        zoomed = self.has_class("-zoomed")
        if zoomed:
            pane = self._pane_of(self.focused)
            for name in ("sources", "center", "entities"):
                self.query_one(f"#{name}").set_class(name != pane, "-collapsed")
        else:
            for widget in self.query(".-collapsed"):
                widget.remove_class("-collapsed")

    def _pane_of(self, widget) -> str:
        for name in ("sources", "entities"):
            if widget is not None and (widget is self.query_one(f"#{name}") or self.query_one(f"#{name}") in widget.ancestors):
                return name
        return "center"

    def action_pane(self, step: int) -> None:
        """h / l: the pane to the left / right (Sources, the centre view, Entities)."""
        order = ["sources", "center", "entities"]
        target = order[(order.index(self._pane_of(self.focused)) + int(step)) % len(order)]
        if self.has_class("-zoomed"):
            self.action_zoom()  # leaving the zoomed pane restores the layout
        # Narrow: only the target pane is shown (a hidden widget cannot take focus).
        self.set_class(target == "sources", "-show-sources")
        self.set_class(target == "entities", "-show-entities")
        self.call_after_refresh(self._focus_pane, target)

    def _focus_pane(self, target: str) -> None:
        if target == "center":
            self._focus_view(self.query_one("#center", ContentSwitcher).current or "results")
        else:
            self.query_one(f"#{target}").focus()

    def action_focus_search(self) -> None:
        self.query_one(SearchBar).input.focus()

    def action_back(self) -> None:
        """Escape always leads out: search box → the view under it; reader or brief → the view
        before; results → the entity filter cleared. It never leads into the search box."""
        switcher = self.query_one("#center", ContentSwitcher)
        if self.focused is self.query_one(SearchBar).input:
            self._focus_view(switcher.current or "results")
        elif switcher.current != "results":
            switcher.current = self._history.pop() if self._history else "results"
            if switcher.current == "results":
                self._history.clear()
            self.refresh_bindings()
            self._focus_view(switcher.current)
        elif self.entity:
            self.entity = None
            self.run_search(self.query_text, None)

    def _focus_view(self, view: str) -> None:
        widget = self.query_one(f"#{view}")
        (widget.query_one("#brief-items") if view == "brief" else widget).focus()

    def action_copy_citation(self) -> None:
        text = self._citation()
        if not text:
            self.notify("Select a hit, claim or article to cite", severity="warning")
            return
        self.app.copy_to_clipboard(text)
        self.notify(text, title="Citation copied", timeout=4)

    def _citation(self) -> str | None:
        briefing = self.backend.briefing
        view = self.query_one("#center", ContentSwitcher).current
        if view == "reader":
            reader = self.query_one(ArticleReader)
            if reader.article is None:
                return None
            quote = None
            if 0 <= reader.current_mark < len(reader.marks) and reader.marks[reader.current_mark].kind == "claim":
                claim = briefing.claims.get(reader.marks[reader.current_mark].target)
                quote = claim.quote if claim else None
            return cite_article(reader.article, quote)
        if view == "brief":
            items = self.query_one("#brief-items")
            brief_view = self.query_one(BriefView)
            index = items.highlighted
            if index is not None and index < len(brief_view._items) and brief_view._items[index][0] == "claim":
                claim = briefing.claims[brief_view._items[index][1]]
                return cite_claim(claim, briefing.articles.get(claim.source))
            return None
        hit = self.query_one(ResultsList).highlighted_hit
        if hit is None:
            return None
        if hit.kind == "claim" and hit.doc_id in briefing.claims:
            claim = briefing.claims[hit.doc_id]
            return cite_claim(claim, briefing.articles.get(claim.source))
        article = briefing.articles.get(hit.article_id)
        return cite_article(article) if article else None

    def action_compare(self) -> None:
        """Two marked sources: compare them; else the disputes (of the selected entity or claim)."""
        marked = self.query_one(SourcesPane).marked
        if len(marked) == 2 and self.focused is self.query_one(SourcesPane):
            self.app.compare_articles(*marked)
            return
        dispute = None
        if self.query_one("#center", ContentSwitcher).current == "brief":
            brief_view = self.query_one(BriefView)
            index = self.query_one("#brief-items").highlighted
            if index is not None and index < len(brief_view._items):
                kind, target = brief_view._items[index]
                if kind == "dispute":
                    dispute = target
                elif kind == "claim":
                    found = self.backend.briefing.disputes_with(target)
                    dispute = next((d.id for d in found if target in d.claim_ids), None)
        self.app.open_compare(entity=self.entity if dispute is None else None, dispute=dispute)

    def action_coverage(self) -> None:
        self.app.open_coverage()

    def action_crossings(self) -> None:
        self.app.open_crossings()

    def action_add_article(self) -> None:
        self.app.open_add_dialog()

    def action_save_watch(self) -> None:
        self.app.save_watch(self.query_text)

    def action_watches(self) -> None:
        self.app.open_watches()

    def action_problems(self) -> None:
        if not self.backend.briefing.workspace.problems:
            self.notify("No problems: the corpus and briefs pass every check", timeout=3)
            return
        self.app.show_problems()

    def action_edit_brief(self) -> None:
        briefing = self.backend.briefing
        entity = None
        if self.focused is self.query_one(EntitiesPane):
            node = self.query_one(EntitiesPane).cursor_node
            entity = node.data if node else None
        entity = entity or self.entity
        brief = briefing.briefs.get(entity) if entity else None
        if brief is None:
            self.notify("Select an entity first (Entities pane or a mention)", severity="warning")
            return
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        try:
            with self.app.suspend():
                subprocess.run([*shlex.split(editor), str(brief.path)], check=False)
        except Exception as err:  # no terminal to suspend (tests), or the editor is missing
            self.notify(f"Could not run {editor}: {err}", severity="error")
            return
        self.app.reload_workspace()

    # -- pictures ---------------------------------------------------------------------------------
    def _brief_selection(self) -> tuple[str | None, str | None]:
        """(entity, claim) when the brief view is showing: the entity, and the highlighted claim."""
        if self.query_one("#center", ContentSwitcher).current != "brief" or not self.entity:
            return None, None
        brief_view = self.query_one(BriefView)
        index = self.query_one("#brief-items").highlighted
        if index is not None and index < len(brief_view._items) and brief_view._items[index][0] == "claim":
            return self.entity, brief_view._items[index][1]
        return self.entity, None

    def action_map(self) -> None:
        self.app.open_map()

    def action_timeline(self) -> None:
        entity, claim = self._brief_selection()
        self.app.open_timeline(claim=claim, entity=entity)

    def action_chart(self) -> None:
        """The figures chart: of the measures the shown brief's claims quantify, if any."""
        entity, claim = self._brief_selection()
        if entity is None:
            self.notify("g charts the figures of the brief on screen: open a brief (enter on an entity) first",
                        severity="warning", timeout=4)
            return
        related = measures_for_brief(self.backend.briefing, entity)
        if not related:
            name = safe_line(self.backend.briefing.briefs[entity].name, limit=60).plain
            self.notify(f"No figure of {name} is given by two or more claims of one measure: nothing to chart",
                        severity="warning", timeout=4, markup=False)  # a brief's name is never markup
            return
        measure = None
        if claim:
            found = self.backend.briefing.claims.get(claim)
            measure = found.measure if found and found.measure in related else None
        name = self.backend.briefing.briefs[entity].name if entity and related else ""
        self.app.open_chart(measure=measure or (related[0] if related else None), related=related,
                            context=f"• from {name}" if name else "")
