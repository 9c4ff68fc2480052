"""Main screen: y copies a citation of what is selected (hit, claim quote or article); Y
offers everything else it can copy (ids, quote, url, path:line); o opens its url."""

from __future__ import annotations

import webbrowser

from textual import work
from textual.widgets import ContentSwitcher

from ....citation import copy_choices, web_url
from ....model import Article, Claim
from ...widgets.brief_view import BriefView
from ...widgets.reader import ArticleReader
from ...widgets.results import ResultsList
from ..copy_menu import CopyMenu


class Yank:
    """The selection's citation, ids, quote, url and place, copied; its url opened."""

    def action_copy_citation(self) -> None:
        choices = self._choices()
        if not choices:
            self.notify("Select a hit, claim or article to cite", severity="warning")
            return
        self._copy("Citation", choices[0][2])

    def action_copy_menu(self) -> None:
        choices = self._choices()
        if not choices:
            self.notify("Select a hit, claim or article to copy from", severity="warning")
            return
        self.app.push_screen(CopyMenu(choices),
                             lambda chosen: self._copy(chosen[0].capitalize(), chosen[1]) if chosen else None)

    def _copy(self, what: str, text: str) -> None:
        self.app.copy_to_clipboard(text)
        self.notify(text, title=f"{what} copied", timeout=4, markup=False)

    def action_open_url(self) -> None:
        article, _ = self._selection()
        if article is None:
            self.notify("Select a hit, claim or article to open", severity="warning")
            return
        url = web_url(article.url)
        if url is None:
            message = ("No url is known for this article" if not article.url
                       else "Its url is not a web address (http or https), so it is not opened")
            self.notify(message, severity="warning", timeout=4)
            return
        self.notify(url, title="Opening in the browser", timeout=4, markup=False)
        self._open_in_browser(url)

    @work(thread=True, exit_on_error=False, group="browser")
    def _open_in_browser(self, url: str) -> None:
        # webbrowser can wait for a browser to start: never on the UI thread.
        if not webbrowser.open(url):
            self.app.call_from_thread(self.notify, "No browser could be started here", severity="warning")

    def _choices(self) -> list[tuple[str, str, str]]:
        article, claim = self._selection()
        return copy_choices(article, claim, self.backend.briefing.root)

    def _selection(self) -> tuple[Article | None, Claim | None]:
        """The article and claim the centre has selected: the reader's article (and the claim
        quote its cursor is on), the brief's highlighted claim, the highlighted hit."""
        briefing = self.backend.briefing
        view = self.query_one("#center", ContentSwitcher).current
        claim = None
        if view == "reader":
            reader = self.query_one(ArticleReader)
            if reader.article is None:
                return None, None
            if 0 <= reader.current_mark < len(reader.marks) and reader.marks[reader.current_mark].kind == "claim":
                claim = briefing.claims.get(reader.marks[reader.current_mark].target)
            return reader.article, claim
        if view == "brief":
            entry = self.query_one(BriefView).highlighted_entry
            if entry is not None and entry[0] == "claim":
                claim = briefing.claims.get(entry[1])
            return (briefing.articles.get(claim.source) if claim else None), claim
        hit = self.query_one(ResultsList).highlighted_hit
        if hit is None:
            return None, None
        if hit.kind == "claim":
            claim = briefing.claims.get(hit.doc_id)
        return briefing.articles.get(hit.article_id), claim
