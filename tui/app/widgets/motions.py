"""Vim motions, shared by every list and the reader: j/k, g/G, ctrl+d/ctrl+u.

Arrow keys, home/end and page keys keep working; these are added beside them, as in
lazygit, k9s and less.
"""

from __future__ import annotations

from textual.binding import Binding

# OptionList's own actions.
LIST_MOTIONS = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
    Binding("g", "first", "Top", show=False),
    Binding("G", "last", "Bottom", show=False),
    Binding("ctrl+d", "page_down", "Half page down", show=False),
    Binding("ctrl+u", "page_up", "Half page up", show=False),
]

# A scrolling container's own actions (the reader).
SCROLL_MOTIONS = [
    Binding("j", "scroll_down", "Down", show=False),
    Binding("k", "scroll_up", "Up", show=False),
    Binding("g", "scroll_home", "Top", show=False),
    Binding("G", "scroll_end", "Bottom", show=False),
    Binding("ctrl+d", "page_down", "Page down", show=False),
    Binding("ctrl+u", "page_up", "Page up", show=False),
]

# A Tree: cursor moves; top and bottom are actions of the pane (see EntitiesPane).
TREE_MOTIONS = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
    Binding("g", "cursor_top", "Top", show=False),
    Binding("G", "cursor_bottom", "Bottom", show=False),
    Binding("ctrl+d", "page_down", "Page down", show=False),
    Binding("ctrl+u", "page_up", "Page up", show=False),
]
