"""Main screen: which view the centre shows (results, reader, brief), opening into it and escape."""

from __future__ import annotations

from textual import work
from textual.widgets import ContentSwitcher

from ...widgets.brief_view import BriefView
from ...widgets.reader import ArticleReader
from ...widgets.search_bar import SearchBar


class ViewNavigation:
    """Opening an article, claim or brief in the centre, and escape back out of it."""

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
        reader.show_from(briefing, article, matches=matches, focus=focus)
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
