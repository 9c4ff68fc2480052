"""Reader: one article with search terms, entity mentions and claim quotes marked.

The body is laid out as one widget per paragraph, so `n`/`N` can scroll a hit into view,
and long articles are shown a page of paragraphs at a time.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import AwaitMount
from textual.events import Click
from textual.message import Message
from textual.widgets import Static

from ...briefing import Briefing
from ...model import Article, Claim
from ..worker_failures import ReportsWorkerFailures
from .find_bar import FindBar
from .motions import SCROLL_MOTIONS
from .reader_find import FindInArticle
from ...article_header import article_header
from ..richtext import (ACTOR, CURRENT_MATCH, DIM, MARK_META, MATCH, QUOTE, SITE, claim_style,
                        entity_style, one_line, pane_title, safe, safe_line)

PAGE_CHARS = 40_000  # a page of paragraphs; a 20 MB article is read a page at a time
HEADER_STYLES = {"outlet": "cyan", "unknown": DIM, "date": "", "sep": "", "author": "", "url": "underline", "note": DIM}
LONGEST_MARK = 2_000  # a claim quote is a sentence at most; marks start no further back than this


@dataclass(frozen=True)
class Mark:
    """Something in the text that opens a brief: an entity mention or a claim quote."""

    start: int
    end: int
    kind: str  # site | actor | claim
    target: str  # entity id or claim id


class ArticleReader(FindInArticle, ReportsWorkerFailures, VerticalScroll, can_focus=True):
    BINDINGS = [
        Binding("slash", "find", "Find"),
        Binding("n", "next_match", "Next"),
        Binding("N", "previous_match", "Prev"),
        Binding("right_square_bracket", "next_mark", "Next mark", show=False),
        Binding("left_square_bracket", "previous_mark", "Prev mark", show=False),
        Binding("enter", "open_mark", "Open mark", show=False),
        Binding("greater_than_sign", "next_page", "Next page", show=False),
        Binding("less_than_sign", "previous_page", "Prev page", show=False),
        *SCROLL_MOTIONS,
    ]

    class MarkChosen(Message):
        def __init__(self, mark: Mark) -> None:
            super().__init__()
            self.mark = mark

        def brief_id(self, briefing: Briefing) -> str | None:
            """The brief the mark leads to: the entity mentioned, or the brief a claim is in."""
            if self.mark.kind != "claim":
                return self.mark.target
            claim = briefing.claims.get(self.mark.target)
            return claim.brief_id if claim else None

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.article: Article | None = None
        self.matches: list[tuple[int, int]] = []
        self.marks: list[Mark] = []
        self.current_match = -1
        self.current_mark = -1
        self.page = 0
        self._mark_starts: list[int] = []
        self._match_starts: list[int] = []
        self._paragraphs: list[tuple[int, int]] = []
        self._paragraph_starts: list[int] = []
        self._pages: list[tuple[int, int]] = []  # paragraph index ranges
        self._page_firsts: list[int] = []
        # The shown page's paragraph widgets by paragraph index. They carry no DOM id: the old
        # page's widgets are still being removed when the next page (or article) is mounted.
        self._shown: dict[int, Static] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="reader-header")
        yield Static(id="reader-legend")
        yield FindBar()

    def show_from(self, briefing: Briefing, article: Article, *, matches: list[tuple[int, int]],
                  focus: tuple[int, int] | None = None) -> None:
        """Show `article` with its mentions and claim quotes from `briefing` marked."""
        self.show(article, mentions=briefing.mentions.get(article.id, []), kinds=briefing.matcher.kinds,
                  claims=briefing.claims_from(article.id), matches=matches, focus=focus)

    def show(self, article: Article, *, mentions, kinds: dict[str, str], claims: list[Claim],
             matches: list[tuple[int, int]], focus: tuple[int, int] | None = None) -> None:
        self.article = article
        self.reset_find(sorted(matches))
        self.matches = self.query_matches
        marks = [Mark(m.start, m.end, kinds.get(m.entity_id, "site"), m.entity_id) for m in mentions]
        marks += [Mark(c.quote_span[0], c.quote_span[1], "claim", c.id) for c in claims if c.quote_span]
        self.marks = sorted(marks, key=lambda m: (m.start, m.kind != "claim"))
        self._mark_starts = [m.start for m in self.marks]
        self._match_starts = [a for a, _ in self.matches]
        self.current_match = -1
        self.current_mark = -1
        self.show_match_counter()
        self._paragraphs = _paragraph_spans(article.body)
        self._paragraph_starts = [a for a, _ in self._paragraphs]
        self._pages = _pages(self._paragraphs, PAGE_CHARS)
        self._page_firsts = [first for first, _ in self._pages]
        self.border_title = pane_title(one_line(article.title, 80))
        self._render_header(len(mentions), len(claims))
        self.page = 0
        if focus is not None:
            self.page = self._page_of(focus[0])
        mounted = self._render_page()
        if focus is not None:
            self._scroll_once_mounted(mounted, focus[0])
        else:
            self.scroll_home(animate=False)

    # -- rendering ------------------------------------------------------------------------
    def _render_header(self, n_mentions: int, n_claims: int) -> None:
        article = self.article
        header = Text("\n").join(
            Text.assemble(*(part.text if part.role == "sep"  # our own punctuation, spaces kept
                            else safe(part.text, "bold") if part.role == "title"
                            else safe_line(part.text, HEADER_STYLES[part.role]) for part in parts))
            for parts in article_header(article))
        header.append(f"\n{article.id} · {len(self.matches)} hit(s) · {n_mentions} mention(s) · {n_claims} claim quote(s)", style=DIM)
        self.query_one("#reader-header", Static).update(header)
        legend = Text.assemble(("site", SITE), "  ", ("actor", ACTOR), "  ", (" claim quote ", QUOTE), "  ",
                               (" search hit ", MATCH), "   ", ("/ find · n/N hits · [/] marks · enter opens", DIM))
        if len(self._pages) > 1:
            legend.append(f" · page {self.page + 1}/{len(self._pages)} (< >)", style=DIM)
        self.query_one("#reader-legend", Static).update(legend)

    def _render_page(self) -> AwaitMount | None:
        for old in self._shown.values():
            old.remove()
        self._shown = {}
        if not self._pages:
            return None
        first, last = self._pages[self.page]
        self._shown = {i: Static(self._paragraph_text(i), classes="paragraph") for i in range(first, last)}
        mounted = self.mount_all(self._shown.values())
        self._render_header(sum(1 for m in self.marks if m.kind != "claim"), sum(1 for m in self.marks if m.kind == "claim"))
        return mounted

    def return_to(self, page: int, scroll_y: float) -> None:
        """Put the reader back at `page`, scrolled to `scroll_y`, as it was left (escape)."""
        mounted = None
        if page != self.page and 0 <= page < len(self._pages):
            self.page = page
            mounted = self._render_page()

        async def scroll() -> None:
            if mounted is not None:
                await mounted
            self.call_after_refresh(self.scroll_to, y=scroll_y, animate=False, immediate=True)

        self.call_later(scroll)

    def _scroll_once_mounted(self, mounted: AwaitMount | None, offset: int) -> None:
        """Scroll to `offset` once the page's paragraphs are mounted and laid out: before
        that they have no place to scroll to (the reader opened at its top)."""
        async def scroll() -> None:
            if mounted is not None:
                await mounted
            self.call_after_refresh(self._scroll_to_offset, offset)

        self.call_later(scroll)

    def _paragraph_text(self, index: int) -> Text:
        start, end = self._paragraphs[index]
        body = self.article.body
        text = safe(body[start:end])
        current_match = self.matches[self.current_match] if 0 <= self.current_match < len(self.matches) else None
        current_mark = self.marks[self.current_mark] if 0 <= self.current_mark < len(self.marks) else None
        # Only the marks and hits that can touch this paragraph (a long article has 100,000s).
        first_mark = bisect_left(self._mark_starts, start - LONGEST_MARK)
        last_mark = bisect_left(self._mark_starts, end)
        for mark in self.marks[first_mark:last_mark]:
            if mark.end <= start or mark.start >= end:
                continue
            style = claim_style(mark.target) if mark.kind == "claim" else entity_style(mark.kind, mark.target)
            if mark == current_mark:
                style += Style(reverse=True)
            text.stylize(style, max(mark.start, start) - start, min(mark.end, end) - start)
        first_match = bisect_left(self._match_starts, start - LONGEST_MARK)
        last_match = bisect_left(self._match_starts, end)
        for span in self.matches[first_match:last_match]:
            if span[1] <= start or span[0] >= end:
                continue
            style = CURRENT_MATCH if span == current_match else MATCH
            text.stylize(style, max(span[0], start) - start, min(span[1], end) - start)
        return text

    def set_matches(self, matches: list[tuple[int, int]]) -> None:
        """Highlight other matches (a find, or the query's hits again): n/N start over."""
        self.matches = matches
        self._match_starts = [a for a, _ in matches]
        self.current_match = -1
        for index, widget in self._shown.items():
            widget.update(self._paragraph_text(index))

    def _refresh_paragraph_at(self, offset: int) -> None:
        index = self._paragraph_of(offset)
        widget = self._shown.get(index)  # None: not on the current page
        if widget is not None:
            widget.update(self._paragraph_text(index))

    # -- navigation -----------------------------------------------------------------------
    def _paragraph_of(self, offset: int) -> int:
        return max(0, bisect_right(self._paragraph_starts, offset) - 1)

    def _page_of(self, offset: int) -> int:
        paragraph = self._paragraph_of(offset)
        page = bisect_right(self._page_firsts, paragraph) - 1
        return max(0, page)

    def _scroll_to_offset(self, offset: int) -> None:
        page = self._page_of(offset)
        if page != self.page:
            self.page = page
            self._scroll_once_mounted(self._render_page(), offset)
            return
        widget = self._shown.get(self._paragraph_of(offset))
        if widget is None:
            return
        self.scroll_to_widget(widget, animate=False, center=True)

    def _move(self, attribute: str, items: list, step: int) -> None:
        if not items:
            self.notify("Nothing to jump to", severity="warning", timeout=2)
            return
        old = getattr(self, attribute)
        new = (old + step) % len(items) if old >= 0 else (0 if step > 0 else len(items) - 1)
        setattr(self, attribute, new)
        wrapped = old >= 0 and (new <= old if step > 0 else new >= old)
        # The position and a wrap are said in a counter where the eye already is (the find bar,
        # the pane's subtitle), not in a toast: at 80x24 a toast covers the find bar.
        if attribute == "current_match":
            self.show_match_counter("wrapped" if wrapped else "")
        else:
            self.show_mark_counter("wrapped" if wrapped else "")
        if old >= 0:
            self._refresh_paragraph_at(self._start_of(items[old]))
        target = self._start_of(items[new])
        if self._page_of(target) == self.page:
            self._refresh_paragraph_at(target)
        self._scroll_to_offset(target)

    def show_mark_counter(self, note: str = "") -> None:
        """`mark 3/41 · claim` in the pane's subtitle: where ] / [ are among the marks."""
        mark = self.marks[self.current_mark]
        counter = f"mark {self.current_mark + 1}/{len(self.marks)} · {mark.kind}"
        self.border_subtitle = pane_title(f"{counter} · {note}" if note else counter)

    @staticmethod
    def _start_of(item) -> int:
        return item.start if isinstance(item, Mark) else item[0]

    def action_next_match(self) -> None:
        self._move("current_match", self.matches, 1)

    def action_previous_match(self) -> None:
        self._move("current_match", self.matches, -1)

    def action_next_mark(self) -> None:
        self._move("current_mark", self.marks, 1)

    def action_previous_mark(self) -> None:
        self._move("current_mark", self.marks, -1)

    def action_open_mark(self) -> None:
        if 0 <= self.current_mark < len(self.marks):
            self.post_message(self.MarkChosen(self.marks[self.current_mark]))

    def on_click(self, event: Click) -> None:
        """A click on a mention or a claim quote opens it, as enter does on the current mark."""
        found = event.style.meta.get(MARK_META)
        if not found:
            return
        kind, target = found
        event.stop()
        self.post_message(self.MarkChosen(Mark(0, 0, kind, target)))

    def action_next_page(self) -> None:
        if self.page + 1 < len(self._pages):
            self.page += 1
            self._render_page()
            self.scroll_home(animate=False)

    def action_previous_page(self) -> None:
        if self.page > 0:
            self.page -= 1
            self._render_page()
            self.scroll_home(animate=False)


def _paragraph_spans(body: str, longest: int = 8_000) -> list[tuple[int, int]]:
    """Non-blank lines; a line longer than `longest` is cut at white space into pieces."""
    spans, start = [], 0
    for line in body.split("\n"):
        end = start + len(line)
        if line.strip():
            piece = start
            while end - piece > longest:
                cut = body.rfind(" ", piece + longest // 2, piece + longest)
                cut = cut + 1 if cut > piece else piece + longest
                spans.append((piece, cut))
                piece = cut
            spans.append((piece, end))
        start = end + 1
    return spans


def _pages(paragraphs: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    pages, first, size = [], 0, 0
    for index, (start, end) in enumerate(paragraphs):
        size += end - start
        if size >= limit:
            pages.append((first, index + 1))
            first, size = index + 1, 0
    if first < len(paragraphs) or not pages:
        pages.append((first, len(paragraphs)))
    return pages
