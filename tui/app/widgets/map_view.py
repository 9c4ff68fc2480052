"""The map: sites plotted from their `location`, border rivers and coast drawn in braille.

The engine (tui/geo.py) says where every marker, label and line goes at this widget's size;
this widget only paints that on a cell canvas (cell_canvas.py) and turns keys and clicks
into messages.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.events import Click
from textual.message import Message

from ...geo import Label, MapData, MapLayout, layout_map
from ...safetext import one_line
from .cell_canvas import CellCanvas

# Colours by site type (and a grey for any other type).
TYPE_COLOURS: dict[str, tuple[int, int, int]] = {
    "city": (97, 175, 239),
    "county": (120, 200, 230),
    "bridge": (255, 170, 80),
    "crossing": (240, 215, 90),
    "customs": (220, 190, 120),
    "station": (205, 140, 255),
    "port": (80, 215, 200),
    "zone": (140, 215, 95),
    "market": (255, 135, 175),
    "mountain": (210, 170, 130),
}
OTHER_COLOUR = (170, 170, 170)
RIVER = (70, 140, 230)
COAST = (125, 150, 125)
LEADER = (110, 110, 110)
AREA = (120, 120, 135)
DIMMED = (105, 105, 105)
SELECTED_BG = (255, 215, 95)
SELECTED_FG = (0, 0, 0)
MARKER = "●"
SELECTED_MARKER = "◉"


def type_colour(site_type: str) -> tuple[int, int, int]:
    return TYPE_COLOURS.get(site_type, OTHER_COLOUR)


class MapView(CellCanvas, can_focus=True):
    """Keys: arrows move the selection to the nearest site that way, enter opens its brief,
    + / - zoom around it, 0 back to the whole region. A click selects the nearest site."""

    BINDINGS = [
        Binding("left", "move('left')", "West", show=False),
        Binding("right", "move('right')", "East", show=False),
        Binding("up", "move('up')", "North", show=False),
        Binding("down", "move('down')", "South", show=False),
        Binding("enter", "open", "Open brief"),
        Binding("plus,equals_sign", "zoom(1)", "Zoom in"),
        Binding("minus", "zoom(-1)", "Zoom out"),
        Binding("0", "reset_zoom", "Whole region", show=False),
    ]

    class Selected(Message):
        def __init__(self, place_id: str) -> None:
            super().__init__()
            self.place_id = place_id

    class Opened(Message):
        def __init__(self, place_id: str) -> None:
            super().__init__()
            self.place_id = place_id

    def __init__(self, data: MapData, *, selected: str | None = None, emphasis: frozenset[str] = frozenset(),
                 searching: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.data = data
        self.selected = selected if data.place(selected or "") else (data.places[0].id if data.places else None)
        self.emphasis = emphasis
        self.searching = searching
        self.zoom = 0
        self.center: tuple[float, float] | None = None
        self._layouts: dict[tuple, MapLayout] = {}

    # -- layout ------------------------------------------------------------------------------
    def layout_now(self) -> MapLayout:
        """The layout at the current size, zoom and centre (cached: only these change it)."""
        width, height = max(1, self.size.width), max(1, self.size.height)
        key = (width, height, self.zoom, self.center)
        if key not in self._layouts:
            if len(self._layouts) > 32:
                self._layouts.clear()
            self._layouts[key] = layout_map(self.data, width, height, self.zoom, self.center)
        return self._layouts[key]

    # -- drawing -----------------------------------------------------------------------------
    def render(self):
        layout = self.layout_now()
        plt, top = self.cells(layout.width, layout.height)

        for line, runs in layout.lines:
            colour = RIVER if line.kind == "river" else COAST
            for run in runs:
                plt.plot([x for x, _ in run], [top - y for _, y in run], marker="braille", color=colour)
        for place_id, label in layout.labels.items():
            if label.leader:
                marker = layout.markers[place_id]
                end = _nearest_end(label, marker.col)
                plt.plot([marker.x, end], [top - marker.y, top - label.row], marker="braille", color=LEADER)
        for area in layout.areas:
            plt.text(area.text, area.col, top - area.row, color=AREA, alignment="left")

        # Where sites share a cell, the one drawn last shows: the selected, else the most mentioned.
        rank = {place_id: i for i, place_id in enumerate(self.data.ids)}
        order = sorted(layout.shown, key=lambda m: (m.place_id == self.selected, self._emphasised(m.place_id),
                                                    -rank.get(m.place_id, 0)))
        for marker in order:
            place = self.data.place(marker.place_id)
            char = marker.arrow or (SELECTED_MARKER if marker.place_id == self.selected else MARKER)
            plt.text(char, marker.col, top - marker.row, color=self._colour(place.id, place.type),
                     style="bold" if self._emphasised(place.id) else None, alignment="left")
        for place_id, label in layout.labels.items():
            place = self.data.place(place_id)
            text = one_line(label.text)
            if place_id == self.selected:
                plt.text(text, label.col, top - label.row, color=SELECTED_FG, background=SELECTED_BG,
                         style="bold", alignment="left")
            else:
                plt.text(text, label.col, top - label.row, color=self._colour(place_id, place.type),
                         style="bold" if self._emphasised(place_id) else None, alignment="left")
        return super().render()

    def _emphasised(self, place_id: str) -> bool:
        return self.searching and place_id in self.emphasis

    def _colour(self, place_id: str, site_type: str) -> tuple[int, int, int]:
        if self.searching and place_id not in self.emphasis and place_id != self.selected:
            return DIMMED
        return type_colour(site_type)

    # -- interaction ---------------------------------------------------------------------------
    def select(self, place_id: str | None) -> None:
        if place_id is None or self.data.place(place_id) is None:
            return
        self.selected = place_id
        layout = self.layout_now()
        marker = layout.markers.get(place_id)
        if marker is not None and not marker.shown:
            place = self.data.place(place_id)
            self.center = (place.lat, place.lon)  # follow the selection out of a zoomed view
        self.refresh()
        self.post_message(self.Selected(place_id))

    def action_move(self, direction: str) -> None:
        layout = self.layout_now()
        target = layout.nearest_in_direction(self.selected, direction, order=self.data.ids)
        if target is None:
            self.app.bell()
            return
        self.select(target)

    def action_open(self) -> None:
        if self.selected:
            self.post_message(self.Opened(self.selected))

    def action_zoom(self, step: int) -> None:
        from ...geo import ZOOM_MAX, ZOOM_MIN

        level = max(ZOOM_MIN, min(ZOOM_MAX, self.zoom + int(step)))
        if level == self.zoom:
            self.app.bell()
            return
        self.zoom = level
        place = self.data.place(self.selected or "")
        self.center = (place.lat, place.lon) if place and level != 0 else None
        self.refresh()
        if self.selected:
            self.post_message(self.Selected(self.selected))

    def action_reset_zoom(self) -> None:
        self.zoom, self.center = 0, None
        self.refresh()
        if self.selected:
            self.post_message(self.Selected(self.selected))

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        self.focus()
        self.select(self.layout_now().nearest_to(offset.x, offset.y))
        if event.chain >= 2 and self.selected:
            self.post_message(self.Opened(self.selected))


def _nearest_end(label: Label, col: int) -> int:
    return min(max(col, label.col), label.end - 1)
