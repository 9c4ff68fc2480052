"""The timeline: dated claims and publications on one axis of years, a lane per site or per
source. The engine (tui/timeline.py) lays it out in cells; this widget paints that on a
cell canvas (cell_canvas.py) and turns keys and clicks into messages."""

from __future__ import annotations

from textual.binding import Binding
from textual.events import Click
from textual.message import Message

from ...safetext import one_line
from ...timeline import PUBLISHED_LANE, ZOOM_MAX, Event, Timeline, TimelineLayout, layout_timeline
from .cell_canvas import CellCanvas

LANE_COLOURS = {"site": (76, 184, 96), "actor": (74, 156, 224), "source": (97, 175, 239), "published": (229, 192, 123)}
CLAIM = (205, 140, 255)
PUBLISHED = (229, 192, 123)
SPAN = (110, 110, 130)
GRID = (70, 70, 80)
AXIS = (150, 150, 150)
LABEL = (185, 185, 185)
SELECTED_BG = (255, 215, 95)
SELECTED_FG = (0, 0, 0)


class TimelineView(CellCanvas, can_focus=True):
    """Keys: left/right the previous/next event in the lane, up/down the nearest event in the
    lane above/below, enter opens the source, + / - zoom, 0 all years, s lanes by site or by source."""

    BINDINGS = [
        Binding("left", "step(-1)", "Earlier", show=False),
        Binding("right", "step(1)", "Later", show=False),
        Binding("up", "lane(-1)", "Lane up", show=False),
        Binding("down", "lane(1)", "Lane down", show=False),
        Binding("home", "edge(0)", "First", show=False),
        Binding("end", "edge(-1)", "Last", show=False),
        Binding("enter", "open", "Open source"),
        Binding("plus,equals_sign", "zoom(1)", "Zoom in"),
        Binding("minus", "zoom(-1)", "Zoom out"),
        Binding("0", "reset_zoom", "All years", show=False),
        Binding("s", "toggle_lanes", "Lanes by site/source"),
    ]

    class Selected(Message):
        def __init__(self, event: Event | None) -> None:
            super().__init__()
            self.event = event

    class Opened(Message):
        def __init__(self, event: Event) -> None:
            super().__init__()
            self.event = event

    def __init__(self, timeline: Timeline, *, by: str = "site", selected: Event | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.timeline = timeline
        self.by = by
        self.zoom = 0
        self.first_lane = 0
        self.selected: Event | None = None
        self.lane_index = 0
        self._select(selected or self._default_event())

    # -- state ---------------------------------------------------------------------------------
    @property
    def lanes(self):
        return self.timeline.lanes(self.by)

    def _default_event(self) -> Event | None:
        for lane in self.lanes:
            if lane.key != PUBLISHED_LANE and lane.events:
                return lane.events[0]
        return self.timeline.events[0] if self.timeline.events else None

    def _select(self, event: Event | None, lane_index: int | None = None) -> None:
        self.selected = event
        if event is None:
            return
        if lane_index is None or event not in self.lanes[lane_index].events:
            lane_index = next((i for i, lane in enumerate(self.lanes) if event in lane.events), 0)
        self.lane_index = lane_index

    def layout_now(self) -> TimelineLayout:
        width, height = max(1, self.size.width), max(1, self.size.height)
        rows = max(1, height - 2)
        if self.lane_index < self.first_lane:
            self.first_lane = self.lane_index
        elif self.lane_index >= self.first_lane + rows:
            self.first_lane = self.lane_index - rows + 1
        focus = self.selected.start if self.selected else None
        return layout_timeline(self.timeline, self.by, width, height, zoom=self.zoom, focus=focus,
                               first_lane=self.first_lane)

    # -- drawing -------------------------------------------------------------------------------
    def render(self):
        layout = self.layout_now()
        plt, top = self.cells(layout.width, layout.height)
        lanes = self.lanes
        left, right = layout.plot_left, layout.plot_right

        for col, _ in layout.ticks:
            plt.plot([col, col], [top, top - (layout.axis_row - 1)], marker="braille", color=GRID)
        plt.plot([left, right], [top - layout.axis_row, top - layout.axis_row], marker="braille", color=AXIS)
        for col, text in layout.ticks:
            start = min(max(left, col - len(text) // 2), layout.width - len(text))
            plt.text(text, start, top - layout.axis_row - 1, color=AXIS, alignment="left")

        for index, row in layout.lane_rows:
            lane = lanes[index]
            title = one_line(lane.title, max(1, layout.gutter - 1))
            if index == self.lane_index:
                plt.text(title, 0, top - row, color=SELECTED_FG, background=LANE_COLOURS.get(lane.kind, LABEL),
                         alignment="left")
            else:
                plt.text(title, 0, top - row, color=LANE_COLOURS.get(lane.kind, LABEL), alignment="left")

        for placed in layout.events:
            if placed.end_col > placed.col:
                plt.plot([placed.col, placed.end_col], [top - placed.row] * 2, marker="braille", color=SPAN)
        chosen = None
        for placed in layout.events:
            if placed.event == self.selected and placed.lane == self.lane_index:
                chosen = placed
                continue
            published = placed.event.kind == "published"
            plt.text("◆" if published else "●", placed.col, top - placed.row, color=PUBLISHED if published else CLAIM,
                     alignment="left")
            if placed.label:
                plt.text(one_line(placed.label), placed.label_col, top - placed.row, color=LABEL, alignment="left")
        if chosen is not None:
            plt.text("◉", chosen.col, top - chosen.row, color=SELECTED_FG, background=SELECTED_BG, alignment="left")
            if chosen.label:
                plt.text(one_line(chosen.label), chosen.label_col, top - chosen.row, color=SELECTED_FG,
                         background=SELECTED_BG, style="bold", alignment="left")
        return super().render()

    # -- interaction ---------------------------------------------------------------------------
    def _changed(self) -> None:
        self.refresh()
        self.post_message(self.Selected(self.selected))

    def action_step(self, step: int) -> None:
        lane = self.lanes[self.lane_index] if self.lanes else None
        if lane is None or self.selected not in lane.events:
            return
        index = lane.events.index(self.selected) + int(step)
        if not 0 <= index < len(lane.events):
            self.app.bell()
            return
        self._select(lane.events[index], self.lane_index)
        self._changed()

    def action_lane(self, step: int) -> None:
        target = self.lane_index + int(step)
        if not 0 <= target < len(self.lanes):
            self.app.bell()
            return
        when = self.selected.start if self.selected else 0.0
        events = self.lanes[target].events
        if events:
            self._select(min(events, key=lambda e: (abs(e.start - when), e.sort_key())), target)
        self._changed()

    def action_edge(self, which: int) -> None:
        events = self.lanes[self.lane_index].events if self.lanes else []
        if events:
            self._select(events[int(which)], self.lane_index)
            self._changed()

    def action_open(self) -> None:
        if self.selected is not None:
            self.post_message(self.Opened(self.selected))

    def action_zoom(self, step: int) -> None:
        level = max(0, min(ZOOM_MAX, self.zoom + int(step)))
        if level == self.zoom:
            self.app.bell()
            return
        self.zoom = level
        self._changed()

    def action_reset_zoom(self) -> None:
        """Every year again, as the map's 0 shows the whole region."""
        if self.zoom:
            self.zoom = 0
            self._changed()

    def action_toggle_lanes(self) -> None:
        self.by = "source" if self.by == "site" else "site"
        self.first_lane = 0
        self._select(self.selected)
        self._changed()

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        self.focus()
        layout = self.layout_now()
        in_row = [p for p in layout.events if p.row == offset.y]
        if not in_row:
            return
        nearest = min(in_row, key=lambda p: (abs(p.col - offset.x), p.event.sort_key()))
        self._select(nearest.event, nearest.lane)
        self._changed()
        if event.chain >= 2:
            self.post_message(self.Opened(nearest.event))
