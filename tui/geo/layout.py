"""Where everything goes on a grid of cells at a zoom level: markers (off-map sites pinned to
the edge with an arrow), the lines' visible runs and the labels; nearest-site lookup."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterator

from ..geolines import Polyline
from .clipping import clip_polyline, line_cells
from .labels import place_labels
from .marks import Label, Marker
from .places import MapData
from .projection import CELL_ASPECT, Projection, base_projection, round_cell, screen_distance

ZOOM_MIN, ZOOM_MAX = -4, 5
DIRECTIONS = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}
ARROWS = "→↗↑↖←↙↓↘"  # by 45° sector, counter-clockwise from east


@dataclass
class MapLayout:
    projection: Projection
    zoom: int
    markers: dict[str, Marker]
    labels: dict[str, Label]  # place id -> its label (absent: no room, see `unlabelled`)
    areas: list[Label]
    lines: list[tuple[Polyline, list[list[tuple[float, float]]]]]  # each line's visible runs, in cells
    unlabelled: list[str] = field(default_factory=list)

    @property
    def width(self) -> int:
        return self.projection.width

    @property
    def height(self) -> int:
        return self.projection.height

    @property
    def on_map(self) -> list[str]:
        return [i for i, m in self.markers.items() if not m.off_map]

    @property
    def off_map(self) -> list[str]:
        return [i for i, m in self.markers.items() if m.off_map]

    @property
    def shown(self) -> list[Marker]:
        return [m for m in self.markers.values() if m.shown]

    def nearest_to(self, col: float, row: float) -> str | None:
        """The site under a click: its label, else the nearest marker (rows weigh double)."""
        for place_id, label in self.labels.items():
            if label.contains(int(col), int(row)):
                return place_id
        best = min(self.shown, key=lambda m: (screen_distance(m.x - col, m.y - row), m.place_id), default=None)
        return best.place_id if best else None

    def nearest_in_direction(self, place_id: str | None, direction: str, order: list[str] | None = None) -> str | None:
        """The nearest site seen on screen in a direction (left, right, up, down) from a site.

        Candidates lie in that half of the screen; the score favours straight ahead over
        sideways. Sites drawn at exactly the same point are stepped through in `order`.
        Sites off a zoomed-in map count where they would be, so moving on reaches them.
        """
        dx, dy = DIRECTIONS[direction]
        if place_id not in self.markers:
            return order[0] if order else next(iter(self.markers), None)
        here = self.markers[place_id]
        rank = {pid: i for i, pid in enumerate(order or list(self.markers))}
        best, best_score = None, math.inf
        for other in self.markers.values():
            if other.place_id == place_id:
                continue
            ahead = (other.x - here.x) * dx + (other.y - here.y) * dy * CELL_ASPECT
            side = abs((other.x - here.x) * dy) + abs((other.y - here.y) * dx * CELL_ASPECT)
            if abs(ahead) < 1e-9 and side < 1e-9:
                # The same spot: step through them in order (forward for right/down).
                forward = rank.get(other.place_id, 0) > rank.get(place_id, 0)
                if forward != (dx + dy > 0):
                    continue
                score = abs(rank.get(other.place_id, 0) - rank.get(place_id, 0)) * 1e-6
            elif ahead <= 1e-9 or side > ahead * 3:
                continue  # behind, beside, or too far off the line of travel
            else:
                score = ahead + 2 * side
            if score < best_score:
                best, best_score = other.place_id, score
        return best


def layout_map(data: MapData, width: int, height: int, zoom: int = 0,
               center: tuple[float, float] | None = None) -> MapLayout:
    """Where everything goes on a width × height grid of cells, at a zoom level (0 shows the
    default view, each step halves or doubles the ground covered) around a centre (lat, lon)."""
    width, height = max(1, width), max(1, height)
    zoom = max(ZOOM_MIN, min(ZOOM_MAX, zoom))
    projection = base_projection(data.geo, width, height)
    if zoom or center is not None:
        projection = projection.zoomed(zoom, center)
    markers: dict[str, Marker] = {}
    for place in data.places:
        x, y = projection.to_cell(place.lat, place.lon)
        if projection.contains(x, y):
            markers[place.id] = Marker(place.id, x, y, round_cell(x), round_cell(y))
        elif zoom <= 0:
            ex, ey, arrow = _pin_to_edge(projection, x, y)
            markers[place.id] = Marker(place.id, ex, ey, round_cell(ex), round_cell(ey), off_map=True, arrow=arrow)
        else:
            _, _, arrow = _pin_to_edge(projection, x, y)
            markers[place.id] = Marker(place.id, x, y, round_cell(x), round_cell(y), off_map=True, arrow=arrow, shown=False)
    lines = [(line, clip_polyline([projection.to_cell(lat, lon) for lat, lon in line.points], width, height))
             for line in data.geo.lines]
    drawn = line_cells(run for _, runs in lines for run in runs)
    labels, unlabelled, areas = place_labels(data, markers, projection, drawn)
    return MapLayout(projection, zoom, markers, labels, areas, lines, unlabelled)


def _pin_to_edge(projection: Projection, x: float, y: float) -> tuple[float, float, str]:
    cx, cy = projection.center_cell
    dx, dy = x - cx, y - cy
    scale = min((cx / abs(dx)) if dx else math.inf, (cy / abs(dy)) if dy else math.inf)
    angle = math.degrees(math.atan2(-dy * CELL_ASPECT, dx)) % 360
    arrow = ARROWS[int(((angle + 22.5) % 360) // 45)]
    return cx + dx * scale, cy + dy * scale, arrow


def cells_of(layout: MapLayout) -> Iterator[tuple[str, tuple[int, int]]]:
    """(owner, cell) for every label cell: handy for checking that nothing overlaps."""
    for label in [*layout.labels.values(), *layout.areas]:
        for cell in label.cells():
            yield label.owner, cell
