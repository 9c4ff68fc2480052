"""Main screen: the map, timeline and figures chart, opened on what the brief view selects."""

from __future__ import annotations

from textual.widgets import ContentSwitcher

from ....measures import measures_for_brief
from ...richtext import safe_line
from ...widgets.brief_view import BriefView


class Pictures:
    """m, t and g: pictures of the briefing, focused on the brief and claim on screen."""

    def _brief_selection(self) -> tuple[str | None, str | None]:
        """(entity, claim) when the brief view is showing: the entity, and the highlighted claim."""
        if self.query_one("#center", ContentSwitcher).current != "brief" or not self.entity:
            return None, None
        entry = self.query_one(BriefView).highlighted_entry
        if entry is not None and entry[0] == "claim":
            return self.entity, entry[1]
        return self.entity, None

    def action_map(self) -> None:
        self.app.open_map()

    def action_timeline(self) -> None:
        entity, claim = self._brief_selection()
        self.app.open_timeline(claim=claim, entity=entity)

    def action_chart(self) -> None:
        """The figures chart: of the measures the shown brief's claims quantify, if any."""
        entity, claim = self._brief_selection()
        if entity is None:
            self.notify("f charts the figures of the brief on screen: open a brief (enter on an entity) first",
                        severity="warning", timeout=4)
            return
        related = measures_for_brief(self.backend.briefing, entity)
        if not related:
            name = safe_line(self.backend.briefing.briefs[entity].name, limit=60).plain
            self.notify(f"No figure of {name} is given by two or more claims of one measure: nothing to chart",
                        severity="warning", timeout=4, markup=False)  # a brief's name is never markup
            return
        measure = None
        if claim:
            found = self.backend.briefing.claims.get(claim)
            measure = found.measure if found and found.measure in related else None
        name = self.backend.briefing.briefs[entity].name if entity and related else ""
        self.app.open_chart(measure=measure or (related[0] if related else None), related=related,
                            context=f"• from {name}" if name else "")
