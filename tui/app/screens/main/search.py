"""Main screen: the search box's query → results, sources and the search bar's notice."""

from __future__ import annotations

import time

from textual import work
from textual.widgets import ContentSwitcher
from textual.worker import get_current_worker

from ...backend import QueryError, SearchResults
from ...richtext import pane_title
from ...widgets.brief_view import BriefView
from ...widgets.entities import EntitiesPane
from ...widgets.results import ResultsList
from ...widgets.search_bar import SearchBar
from ...widgets.sources import SourcesPane


HINTS_AFTER_SECONDS = 0.3  # longer than a pause between two keystrokes


class SearchFlow:
    """Runs the query (in a worker) and fills the panes; the palette and watches run queries too."""

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
        self.workers.cancel_group(self, "hints")
        bar = self.query_one(SearchBar)
        bar.show_error(error or (results.notice if results else None))
        if results is None:
            return
        self.results = results
        self.query_one(ResultsList).show(results.hits, results.total, query, entity)
        if not results.hits and query.strip():
            self.find_hints(query, entity)
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

    @work(thread=True, exclusive=True, exit_on_error=False, group="hints")
    def find_hints(self, query: str, entity: str | None) -> None:
        """What to try instead of a query that found nothing, once typing has paused: a
        word half typed finds nothing too, and the hints (the first builds the workspace's
        vocabulary) must never stand between a keystroke and its results."""
        worker = get_current_worker()
        resume = time.monotonic() + HINTS_AFTER_SECONDS
        while time.monotonic() < resume:
            if worker.is_cancelled or query != self.query_text:
                return
            time.sleep(0.01)
        hints = self.backend.suggest(query, entity, lambda: worker.is_cancelled or query != self.query_text)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_hints, query, entity, hints)

    def _show_hints(self, query: str, entity: str | None, hints) -> None:
        results = self.results
        if query != self.query_text or entity != self.entity or not hints or results is None or results.hits:
            return
        self.query_one(ResultsList).show(results.hits, results.total, query, entity, hints)

    @work(thread=True, exit_on_error=False, group="fragments")
    def add_fragments(self, query: str, hits: list) -> None:
        """Fragments for hits laid out after the first page (the search highlighted that one)."""
        if query != self.query_text:
            return
        highlighted = self.backend.highlight(query, hits)
        self.app.call_from_thread(self.query_one(ResultsList).add_fragments, query, highlighted)

    def run_query(self, query: str) -> None:
        """Put a query in the search box and show its results (a watch, the palette)."""
        bar = self.query_one(SearchBar)
        bar.input.value = query
        self.query_text = query
        self.run_search(query, self.entity)
        self._switch("results")
        self.query_one(ResultsList).focus()

    # -- query history: up / down in the search box, Recent: in the palette ------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="query-history")
    def load_query_history(self) -> None:
        history = self.backend.query_history.load()
        self.app.call_from_thread(self._remember_queries, history)

    @work(thread=True, exit_on_error=False, group="query-history")
    def record_query(self, query: str) -> None:
        """Keep a query that was asked for (enter, or a hit of it opened)."""
        if not query.strip():
            return
        history = self.backend.query_history.record(query)
        self.app.call_from_thread(self._remember_queries, history)

    def _remember_queries(self, history: list[str]) -> None:
        self.query_one(SearchBar).remember(history)
        notices = self.backend.query_history.notices
        while notices:  # a damaged or unwritable history file: said once, never in the way
            self.notify(notices.pop(0), severity="warning", timeout=4, markup=False)

    def action_focus_search(self) -> None:
        self.query_one(SearchBar).input.focus()
