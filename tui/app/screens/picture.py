"""What the map and timeline screens share: a picture that takes the keys, a panel beside or
under it that follows the selection, and escape back."""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

Result = TypeVar("Result")


class PictureScreen(Screen[Result]):
    """Subclasses set `self.view` (the picture widget) and write `update()`, which redraws
    the titles and the panel from the view's state; it runs on mount, after every resize
    (once the new size is laid out) and whenever the subclass calls it on a selection."""

    BINDINGS = [Binding("escape", "back", "Back")]
    view: Widget

    def update(self) -> None:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.view.focus()
        self.update()
        self.call_after_refresh(self.update)

    def on_resize(self) -> None:
        self.call_after_refresh(self.update)

    def action_back(self) -> None:
        self.dismiss(None)
