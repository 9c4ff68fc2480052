"""Vim motions, shared by every list and the reader: j/k, g/G, ctrl+d/ctrl+u.

Arrow keys, home/end and page keys keep working; these are added beside them, as in
lazygit, k9s and less.
"""

from __future__ import annotations

from textual.binding import Binding


def _motions(down: str, up: str, top: str, bottom: str, page: str) -> list[Binding]:
    """j/k, g/G and ctrl+d/ctrl+u bound to a widget's own actions of those names."""
    return [
        Binding("j", down, "Down", show=False),
        Binding("k", up, "Up", show=False),
        Binding("g", top, "Top", show=False),
        Binding("G", bottom, "Bottom", show=False),
        Binding("ctrl+d", "page_down", f"{page} down", show=False),
        Binding("ctrl+u", "page_up", f"{page} up", show=False),
    ]


# OptionList's own actions.
LIST_MOTIONS = _motions("cursor_down", "cursor_up", "first", "last", "Half page")

# A scrolling container's own actions (the reader).
SCROLL_MOTIONS = _motions("scroll_down", "scroll_up", "scroll_home", "scroll_end", "Page")

# A Tree: cursor moves; top and bottom are actions of the pane (see EntitiesPane).
TREE_MOTIONS = _motions("cursor_down", "cursor_up", "cursor_top", "cursor_bottom", "Page")
