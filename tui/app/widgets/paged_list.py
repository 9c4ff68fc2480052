"""An OptionList that lays out only what can be seen, and re-wraps when its width changes.

OptionList measures every option's height as it is added (a Rich render of each), so a list
of 200 search results costs 200 renders before the first one is painted. This list is given
all its items but makes options for a page at a time, adding the next page when the cursor
or the scroll position comes near the end of what is laid out: a search costs what is
visible, not what it found.

OptionList also keeps each option's height from the width it first had; when a vertical
scrollbar appears that width shrinks, text wraps onto one more line than was counted, and
the last line and rule of an option are cut off. The caches are dropped when the scrollbar
comes or goes.
"""

from __future__ import annotations

from typing import Generic, Sequence, TypeVar

from textual.widgets import OptionList
from textual.widgets.option_list import Option

Item = TypeVar("Item")

PAGE = 25  # items laid out at a time: several screens of the tallest results


class PagedOptionList(OptionList, Generic[Item]):
    """Subclasses give `_make_option(index, item)`; `show_items` replaces the items."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._items: Sequence[Item] = ()
        self._laid_out = 0  # how many of _items have options

    def _make_option(self, index: int, item: Item) -> Option:
        raise NotImplementedError

    def show_items(self, items: Sequence[Item], *, before: Sequence[Option] = (), upto: int = 0) -> None:
        """Replace the list: `before` (options that are not items, e.g. a notice), then the
        items, of which the first page (or up to item `upto`) is laid out now."""
        self._items, self._laid_out = items, 0
        self.set_options(list(before))
        self.lay_out_upto(max(PAGE, upto + 1))

    def lay_out_upto(self, count: int) -> None:
        """Make options for the first `count` items (all of them, for a larger count)."""
        end = min(count, len(self._items))
        if end <= self._laid_out:
            return
        options: list[Option | None] = []
        for index in range(self._laid_out, end):
            options.append(self._make_option(index, self._items[index]))
            if index + 1 < len(self._items):
                options.append(None)  # a rule between items (the last one has none)
        self._laid_out = end
        self.add_options(options)

    @property
    def laid_out(self) -> int:
        return self._laid_out

    def _lay_out_more_if_near_end(self) -> None:
        if self._laid_out >= len(self._items):
            return
        near_cursor = self.highlighted is not None and self.highlighted >= self.option_count - PAGE // 2
        near_scroll = self.scroll_y + 2 * self.scrollable_content_region.height >= self.virtual_size.height
        if near_cursor or near_scroll:
            self.lay_out_upto(self._laid_out + PAGE)

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        self._lay_out_more_if_near_end()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._lay_out_more_if_near_end()

    def action_last(self) -> None:
        self.lay_out_upto(len(self._items))
        super().action_last()

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        # The content width changed: heights counted at the old width are wrong now.
        self._clear_caches()
