"""Breadcrumb: one line naming the places escape goes back through, and the one shown.

It is cut from the left when it does not fit: the place you are in matters most.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from ..richtext import DIM, safe_line

SEPARATOR = " › "
ELLIPSIS = "… › "
KINDS = {"results": "Results for", "reader": "Article", "brief": "Brief"}


def crumb(view: str, label: str) -> Text:
    if view == "results" and not label:
        return Text("Articles", style=DIM)  # no query: the results pane lists every article
    text = Text(KINDS.get(view, view), style=DIM)
    if label:
        text.append(" ")
        text.append_text(safe_line(label, limit=60))
    return text


def breadcrumb_line(crumbs: list[Text], width: int) -> Text:
    """The crumbs joined, cut from the left to fit `width` cells; when the last one alone
    does not fit, it is cut at its end."""
    line = Text(SEPARATOR, style=DIM).join(crumbs)
    first = 0
    while line.cell_len > width and first < len(crumbs) - 1:
        first += 1
        line = Text(ELLIPSIS, style=DIM) + Text(SEPARATOR, style=DIM).join(crumbs[first:])
    if line.cell_len > width:  # not even "… › " and the place shown fit: that place, cut
        line = crumbs[-1].copy()
        line.truncate(max(width, 0), overflow="ellipsis")
    return line


class Breadcrumb(Widget):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.crumbs: list[Text] = []

    def show(self, crumbs: list[Text]) -> None:
        self.crumbs = crumbs
        self.refresh()

    @property
    def plain(self) -> str:
        return breadcrumb_line(self.crumbs, self.content_size.width or 10_000).plain

    def render(self) -> Text:
        line = breadcrumb_line(self.crumbs, self.content_size.width)
        line.no_wrap = True
        return line
