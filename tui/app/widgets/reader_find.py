"""The reader's `/`: find a phrase in the article, a `3/12` counter, n/N through the matches.

While a find is active its matches replace the search query's hits (n/N, the highlight);
an empty phrase brings the query's hits back. Folding a 20 MB article takes a moment, so
finding runs in a worker and the folded body is kept for the article on screen.
"""

from __future__ import annotations

from textual import work
from textual.worker import get_current_worker

from ...findtext import find_spans
from ..richtext import pane_title
from ...textfold import Folded, fold
from .find_bar import FindBar


class FindInArticle:
    """Mixed into ArticleReader: owns `find_phrase` and swaps `matches` with the query's hits."""

    find_phrase: str = ""
    _folded: tuple[str, Folded] | None = None  # (article id, its folded body)

    def reset_find(self, query_matches: list[tuple[int, int]]) -> None:
        """A new article: no find yet; n/N walk the search query's hits."""
        self.query_matches = query_matches
        self.find_phrase = ""
        bar = self.query_one(FindBar)
        bar.close()
        bar.input.value = ""

    def action_find(self) -> None:
        if self.article is None:
            return
        self.query_one(FindBar).open()

    def on_find_bar_changed(self, event: FindBar.Changed) -> None:
        event.stop()
        self._find(self.article.id, self.article.body, event.phrase)

    def on_find_bar_closed(self, event: FindBar.Closed) -> None:
        event.stop()
        self.query_one(FindBar).close()
        self.focus()

    @work(thread=True, exclusive=True, exit_on_error=False, group="find")
    def _find(self, article_id: str, body: str, phrase: str) -> None:
        cached = self._folded
        folded = cached[1] if cached and cached[0] == article_id else fold(body)
        self._folded = (article_id, folded)
        spans = find_spans(folded, phrase) if phrase.strip() else None
        if get_current_worker().is_cancelled:
            return
        self.app.call_from_thread(self._show_found, article_id, phrase, spans)

    def _show_found(self, article_id: str, phrase: str, spans: list[tuple[int, int]] | None) -> None:
        if self.article is None or self.article.id != article_id or phrase != self.query_one(FindBar).input.value:
            return  # another article or a longer phrase has replaced this one
        self.find_phrase = phrase.strip() if spans is not None else ""
        self.set_matches(self.query_matches if spans is None else spans)
        if spans:
            self.current_match = 0
            self._refresh_paragraph_at(spans[0][0])
            self._scroll_to_offset(spans[0][0])
        self.show_match_counter()

    def match_counter(self) -> str:
        """`3/12` (the current match of all), `12 hits` before n, `no match` for a find without."""
        total = len(self.matches)
        if self.find_phrase and not total:
            return "no match"
        if 0 <= self.current_match < total:
            return f"{self.current_match + 1}/{total}"
        return f"{total} hit(s)" if total else ""

    def show_match_counter(self, note: str = "") -> None:
        """The counter in the find bar and the pane's subtitle; `note` says a move wrapped."""
        counter = self.match_counter()
        if note and counter:
            counter = f"{counter} · {note}"
        self.query_one(FindBar).show_counter(counter)
        label = f"find “{self.find_phrase[:40]}” " if self.find_phrase else ""
        self.border_subtitle = pane_title(f"{label}{counter}" if counter else "")
