"""Main screen: which view the centre shows (results, reader, brief), opening into it and escape."""

from __future__ import annotations

from textual import work
from textual.widgets import ContentSwitcher, OptionList

from ...widgets.breadcrumb import Breadcrumb, crumb
from ...widgets.brief_view import BriefView
from ...widgets.reader import ArticleReader
from ...widgets.results import ResultsList
from ...widgets.search_bar import SearchBar
from .backstack import Place


class ViewNavigation:
    """Opening an article, claim or brief in the centre, and escape back out of it."""

    def open_article(self, article_id: str, focus: tuple[int, int] | None = None) -> None:
        if article_id not in self.backend.briefing.articles:
            self.notify(f"No article '{article_id}'", severity="error")
            return
        self._load_reader(article_id, self.query_text, focus, None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="reader")
    def _load_reader(self, article_id: str, query: str, focus: tuple[int, int] | None,
                     returning_to: Place | None) -> None:
        briefing = self.backend.briefing
        article = briefing.articles[article_id]
        matches = self.backend.term_spans(query, article.body) if query.strip() else []
        self.app.call_from_thread(self._show_reader, article_id, matches, focus, returning_to)

    def _show_reader(self, article_id: str, matches, focus, returning_to: Place | None = None) -> None:
        briefing = self.backend.briefing
        article = briefing.articles.get(article_id)
        if article is None:
            return
        if returning_to is None:
            self.back_stack.leave(self.current_place(), Place("reader", article_id))
        reader = self.query_one(ArticleReader)
        # First: a hidden reader has no layout to scroll to the quote in. The breadcrumb waits
        # for the new article's title.
        self._switch("reader", breadcrumb=False)
        reader.show_from(briefing, article, matches=matches, focus=focus)
        if returning_to is not None:
            reader.return_to(returning_to.page, returning_to.scroll_y)
        reader.focus()
        self.show_breadcrumb()

    def open_claim(self, claim_id: str) -> None:
        claim = self.backend.briefing.claims.get(claim_id)
        if claim is None:
            self.notify(f"No claim '{claim_id}'", severity="error")
            return
        self.open_article(claim.source, focus=claim.quote_span)

    def open_entity(self, entity_id: str, returning_to: Place | None = None) -> None:
        briefing = self.backend.briefing
        brief = briefing.briefs.get(entity_id)
        if brief is None:
            self.notify(f"No brief '{entity_id}'", severity="error")
            return
        if returning_to is None:
            self.back_stack.leave(self.current_place(), Place("brief", entity_id))
        self.entity = entity_id
        view = self.query_one(BriefView)
        if returning_to is None or view.brief is None or view.brief.id != entity_id:
            view.show(briefing, brief)
        self._switch("brief", breadcrumb=False)
        items = self.query_one("#brief-items", OptionList)
        if returning_to is not None:
            view.return_to(returning_to.selection, returning_to.scroll_y)
        items.focus()
        self.run_search(self.query_text, self.entity)
        self.show_breadcrumb()

    def current_place(self) -> Place:
        """The centre as it is now: what it shows, its scroll and its highlighted item."""
        view = self.query_one("#center", ContentSwitcher).current or "results"
        if view == "reader":
            reader = self.query_one(ArticleReader)
            article = reader.article
            return Place("reader", article.id if article else None, article.title if article else "",
                         page=reader.page, scroll_y=reader.scroll_y)
        if view == "brief":
            brief_view = self.query_one(BriefView)
            brief = brief_view.brief
            return Place("brief", brief.id if brief else None, brief.name if brief else "",
                         scroll_y=brief_view.scroll_y,
                         selection=self.query_one("#brief-items", OptionList).highlighted)
        results = self.query_one(ResultsList)
        return Place("results", None, self.query_text.strip(), scroll_y=results.scroll_y,
                     selection=results.highlighted)

    def _switch(self, view: str, *, breadcrumb: bool = True) -> None:
        self.remove_class("-show-sources", "-show-entities")  # narrow: the centre comes back
        switcher = self.query_one("#center", ContentSwitcher)
        if view == "results":
            self.back_stack.clear()  # results are the root: a new search starts again
        if switcher.current != view:
            switcher.current = view
        self.refresh_bindings()
        if breadcrumb:
            self.show_breadcrumb()

    def show_breadcrumb(self) -> None:
        """One line: the places escape goes back through, then this one (none at the root)."""
        places = [*self.back_stack, self.current_place()]
        bar = self.query_one(Breadcrumb)
        bar.show([crumb(place.view, place.label) for place in places])
        bar.set_class(len(places) > 1, "-shown")

    def action_back(self) -> None:
        """Escape always leads out: search box → the view under it; reader or brief → exactly
        the place before (what it showed, scrolled and highlighted as it was left); results →
        the entity filter cleared. It never leads into the search box."""
        switcher = self.query_one("#center", ContentSwitcher)
        if self.focused is self.query_one(SearchBar).input:
            self._focus_view(switcher.current or "results")
        elif switcher.current != "results":
            self.go_back_to(self.back_stack.pop() or Place("results"))
        elif self.entity:
            self.entity = None
            self.run_search(self.query_text, None)

    def go_back_to(self, place: Place) -> None:
        briefing = self.backend.briefing
        if place.view == "reader" and place.subject in briefing.articles:
            reader = self.query_one(ArticleReader)
            if reader.article is not None and reader.article.id == place.subject:
                self._switch("reader")  # shows the breadcrumb of the stack as popped
                reader.return_to(place.page, place.scroll_y)
                reader.focus()
            else:
                self._load_reader(place.subject, self.query_text, None, place)
        elif place.view == "brief" and place.subject in briefing.briefs:
            self.open_entity(place.subject, returning_to=place)
        else:
            self._switch("results")
            results = self.query_one(ResultsList)
            if place.selection is not None and place.selection < results.option_count:
                results.highlighted = place.selection
            results.scroll_to(y=place.scroll_y, animate=False)
            results.focus()

    def _focus_view(self, view: str) -> None:
        widget = self.query_one(f"#{view}")
        (widget.query_one("#brief-items") if view == "brief" else widget).focus()
