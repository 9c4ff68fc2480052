"""Main screen: the three panes — h/l between them, z to zoom the focused one."""

from __future__ import annotations

from textual.widgets import ContentSwitcher


class PaneLayout:
    """Sources | centre | Entities: moving between them and maximising one."""

    def action_zoom(self) -> None:
        """Maximise the focused pane (the others collapse); again to restore (lazygit's +)."""
        self.toggle_class("-zoomed")
        zoomed = self.has_class("-zoomed")
        if zoomed:
            pane = self._pane_of(self.focused)
            for name in ("sources", "center", "entities"):
                self.query_one(f"#{name}").set_class(name != pane, "-collapsed")
        else:
            for widget in self.query(".-collapsed"):
                widget.remove_class("-collapsed")

    def _pane_of(self, widget) -> str:
        for name in ("sources", "entities"):
            if widget is not None and (widget is self.query_one(f"#{name}") or self.query_one(f"#{name}") in widget.ancestors):
                return name
        return "center"

    def action_pane(self, step: int) -> None:
        """h / l: the pane to the left / right (Sources, the centre view, Entities)."""
        order = ["sources", "center", "entities"]
        target = order[(order.index(self._pane_of(self.focused)) + int(step)) % len(order)]
        if self.has_class("-zoomed"):
            self.action_zoom()  # leaving the zoomed pane restores the layout
        # Narrow: only the target pane is shown (a hidden widget cannot take focus).
        self.set_class(target == "sources", "-show-sources")
        self.set_class(target == "entities", "-show-entities")
        self.call_after_refresh(self._focus_pane, target)

    def _focus_pane(self, target: str) -> None:
        if target == "center":
            self._focus_view(self.query_one("#center", ContentSwitcher).current or "results")
        else:
            self.query_one(f"#{target}").focus()
