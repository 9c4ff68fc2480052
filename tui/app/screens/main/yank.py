"""Main screen: y copies a citation of what is selected (hit, claim quote or article)."""

from __future__ import annotations

from textual.widgets import ContentSwitcher

from ....citation import cite_article, cite_claim
from ...widgets.brief_view import BriefView
from ...widgets.reader import ArticleReader
from ...widgets.results import ResultsList


class Yank:
    """The citation of the selection, copied to the clipboard."""

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
