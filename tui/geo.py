"""The map picture's engine: located sites, the shipped border lines, projection to terminal
cells, label placement that never overlaps, nearest-site lookup and zoom.

Nothing here draws: the app's map widget (and the SVG export through it) asks for a
MapLayout at its size and paints what it is told. A terminal cell is about twice as tall as
it is wide, so one row covers twice the ground of one column.

Projection: azimuthal equidistant around the view's centre. Over a region the size of the
border it is indistinguishable from a plain latitude/longitude grid, with north up; for the
far-away sites the briefs also locate (Moscow, Washington) it still points the right way
along the great circle, which is where an off-map site is pinned to the map's edge.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from .briefing import Briefing, per_briefing
from .safefile import MAX_TEXT_FILE_BYTES, read_regular_file
from .safetext import one_line
from .yamlsource import YamlSourceError, load_yaml

EARTH_RADIUS_KM = 6371.0
CELL_ASPECT = 2.0  # a terminal cell is about twice as tall as it is wide
LINES_FILE = Path("briefs") / "geo" / "border-lines.yaml"
ZOOM_MIN, ZOOM_MAX = -4, 5
DIRECTIONS = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}
ARROWS = "→↗↑↖←↙↓↘"  # by 45° sector, counter-clockwise from east

# Words shortened, in this order, when a full name does not fit.
ABBREVIATIONS = {
    "International": "Intl", "Economic": "Econ.", "Cooperation": "Coop.", "Special": "Sp.",
    "Friendship": "Fr.", "Industrial": "Ind.", "Station": "Stn", "Bridge": "Br.", "River": "R.",
    "Railway": "Rly", "Mount": "Mt", "Border": "Bdr", "Customs": "Cust.", "Facility": "Fac.",
}
VARIANT_PENALTY = (0.0, 1.0, 3.0, 5.0)  # full name, abbreviated, cut to a few words, a stub
LABEL_RADIUS_ROWS = 6
LABEL_RADIUS_COLS = 14
LEADER_COST = 2.5  # a label detached from its marker (joined by a leader line) costs this much more


# -- data ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Bounds:
    south: float
    west: float
    north: float
    east: float

    @property
    def center(self) -> tuple[float, float]:
        return (self.south + self.north) / 2, (self.west + self.east) / 2

    def corners(self) -> list[tuple[float, float]]:
        lat_mid, lon_mid = self.center
        return [(lat, lon) for lat in (self.south, lat_mid, self.north) for lon in (self.west, lon_mid, self.east)]


@dataclass(frozen=True)
class Polyline:
    id: str
    name: str
    kind: str  # river | coast
    points: tuple[tuple[float, float], ...]  # (lat, lon)


@dataclass(frozen=True)
class AreaName:
    name: str
    kind: str  # country | sea
    lat: float
    lon: float


DEFAULT_VIEW = Bounds(37.3, 121.0, 44.2, 133.0)


@dataclass(frozen=True)
class GeoLines:
    """The shipped line data (rivers, coast, area names) and the default framing."""

    lines: tuple[Polyline, ...] = ()
    areas: tuple[AreaName, ...] = ()
    view: Bounds = DEFAULT_VIEW
    path: Path | None = None
    problem: str | None = None  # why nothing could be loaded, if so


@dataclass(frozen=True)
class Place:
    """A site with a location."""

    id: str
    name: str
    type: str
    lat: float
    lon: float
    label: str  # the name as drawn: one line, narrow characters only
    mentions: int = 0


@dataclass(frozen=True)
class MapData:
    """Everything the map shows that does not depend on its size: computed once per load."""

    places: tuple[Place, ...]
    geo: GeoLines

    def place(self, place_id: str) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)

    @property
    def ids(self) -> list[str]:
        return [p.id for p in self.places]


def load_lines(root: Path | None) -> GeoLines:
    """The line data of the workspace at root, else the one shipped with borderbrief.

    Never raises: an unreadable file gives empty lines and says why in `problem`.
    """
    from .workspace import sample_workspace

    candidates = [root / LINES_FILE] if root is not None else []
    candidates.append(sample_workspace() / LINES_FILE)
    path = next((p for p in candidates if p.is_file()), None)
    if path is None:
        return GeoLines(problem=f"no {LINES_FILE} found: the map shows sites without rivers or coast")
    try:
        data = load_yaml(read_regular_file(path, MAX_TEXT_FILE_BYTES).decode("utf-8")).data
        return _parse_lines(data, path)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, YamlSourceError, ValueError, TypeError, KeyError) as err:
        return GeoLines(path=path, problem=f"{path}: cannot read the map lines ({one_line(str(err), 160)})")


def _parse_lines(data: object, path: Path) -> GeoLines:
    if not isinstance(data, dict):
        raise ValueError("expected a mapping with `lines:`")
    view = DEFAULT_VIEW
    if isinstance(data.get("view"), dict):
        v = data["view"]
        view = Bounds(float(v["south"]), float(v["west"]), float(v["north"]), float(v["east"]))
    lines = []
    for item in data.get("lines") or []:
        points = tuple((_lat(p[0]), _lon(p[1])) for p in item["points"])
        if len(points) >= 2:
            lines.append(Polyline(str(item["id"]), str(item.get("name") or item["id"]), str(item.get("kind") or "line"), points))
    areas = []
    for item in data.get("areas") or []:
        lat, lon = item["at"]
        areas.append(AreaName(str(item["name"]), str(item.get("kind") or "country"), _lat(lat), _lon(lon)))
    return GeoLines(tuple(lines), tuple(areas), view, path)


def _lat(value: object) -> float:
    number = float(value)  # type: ignore[arg-type]
    if not -90 <= number <= 90:
        raise ValueError(f"latitude out of range: {number}")
    return number


def _lon(value: object) -> float:
    number = float(value)  # type: ignore[arg-type]
    if not -180 <= number <= 180:
        raise ValueError(f"longitude out of range: {number}")
    return number


@per_briefing
def map_data(briefing: Briefing) -> MapData:
    """The located sites of a briefing, most mentioned first, and the line data: once per load."""
    places = []
    for brief in briefing.briefs.values():
        if brief.kind != "site" or brief.location is None:
            continue
        places.append(Place(brief.id, brief.name, brief.type, brief.location.lat, brief.location.lon,
                            label_name(brief.name, brief.aliases, brief.id), briefing.mention_counts.get(brief.id, 0)))
    places.sort(key=lambda p: (-p.mentions, p.label.casefold(), p.id))
    return MapData(tuple(places), load_lines(briefing.root))


def label_name(name: str, aliases: Iterable[str] = (), fallback: str = "") -> str:
    """A name that draws one character per cell: the first name or alias with no wide,
    combining or invisible characters (a map label must know its width)."""
    for candidate in (name, *aliases):
        text = one_line(unicodedata.normalize("NFC", candidate or ""))
        if text and all(_narrow(ch) for ch in text):
            return text
    return fallback or one_line(name)


def _narrow(ch: str) -> bool:
    return (unicodedata.east_asian_width(ch) not in ("W", "F") and unicodedata.combining(ch) == 0
            and unicodedata.category(ch) not in ("Mn", "Me", "Cf", "Cc"))


def emphasised_places(briefing: Briefing, article_ids: Iterable[str], brief_ids: Iterable[str] = ()) -> frozenset[str]:
    """Located sites mentioned by the given articles (search hits), plus the given briefs
    (claims found by the search belong to a brief)."""
    found: set[str] = set(brief_ids)
    for article_id in article_ids:
        found |= briefing.entity_ids(article_id)
    return frozenset(i for i in found if i in briefing.briefs and briefing.briefs[i].location is not None)


# -- projection ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Projection:
    """Azimuthal equidistant around (lat0, lon0), to cells of a width × height grid.

    Cell (col, row) has its centre at x = col, y = row; row 0 is the top. Points project to
    floats so lines keep sub-cell detail.
    """

    lat0: float
    lon0: float
    km_per_col: float
    width: int
    height: int

    @property
    def km_per_row(self) -> float:
        return self.km_per_col * CELL_ASPECT

    @property
    def center_cell(self) -> tuple[float, float]:
        return (self.width - 1) / 2, (self.height - 1) / 2

    @classmethod
    def fit(cls, bounds: Bounds, width: int, height: int) -> "Projection":
        """The projection that shows all of `bounds` in the grid, centred."""
        lat0, lon0 = bounds.center
        xs, ys = zip(*(_azimuthal(lat0, lon0, lat, lon) for lat, lon in bounds.corners()))
        span_x = max(abs(x) for x in xs) * 2
        span_y = max(abs(y) for y in ys) * 2
        km_per_col = max(span_x / max(1, width - 1), span_y / max(1, height - 1) / CELL_ASPECT, 1e-3)
        return cls(lat0, lon0, km_per_col, width, height)

    def zoomed(self, level: int, center: tuple[float, float] | None = None) -> "Projection":
        lat0, lon0 = center if center is not None else (self.lat0, self.lon0)
        return Projection(lat0, lon0, self.km_per_col / (2 ** level), self.width, self.height)

    def to_cell(self, lat: float, lon: float) -> tuple[float, float]:
        east, north = _azimuthal(self.lat0, self.lon0, lat, lon)
        cx, cy = self.center_cell
        return cx + east / self.km_per_col, cy - north / self.km_per_row

    def cell(self, lat: float, lon: float) -> tuple[int, int]:
        x, y = self.to_cell(lat, lon)
        return _round(x), _round(y)

    def to_latlon(self, x: float, y: float) -> tuple[float, float]:
        cx, cy = self.center_cell
        return _inverse_azimuthal(self.lat0, self.lon0, (x - cx) * self.km_per_col, (cy - y) * self.km_per_row)

    def contains(self, x: float, y: float) -> bool:
        return -0.5 <= x < self.width - 0.5 and -0.5 <= y < self.height - 0.5

    @property
    def across_km(self) -> float:
        return self.km_per_col * self.width


def _round(value: float) -> int:
    return math.floor(value + 0.5)


def _azimuthal(lat0: float, lon0: float, lat: float, lon: float) -> tuple[float, float]:
    """(east, north) in km of (lat, lon) seen from (lat0, lon0), azimuthal equidistant."""
    p0, p = math.radians(lat0), math.radians(lat)
    dl = math.radians(lon - lon0)
    cos_c = max(-1.0, min(1.0, math.sin(p0) * math.sin(p) + math.cos(p0) * math.cos(p) * math.cos(dl)))
    c = math.acos(cos_c)
    k = 1.0 if c < 1e-12 else c / math.sin(c) if c < math.pi - 1e-9 else 0.0
    east = k * math.cos(p) * math.sin(dl)
    north = k * (math.cos(p0) * math.sin(p) - math.sin(p0) * math.cos(p) * math.cos(dl))
    return east * EARTH_RADIUS_KM, north * EARTH_RADIUS_KM


def _inverse_azimuthal(lat0: float, lon0: float, east: float, north: float) -> tuple[float, float]:
    x, y = east / EARTH_RADIUS_KM, north / EARTH_RADIUS_KM
    rho = math.hypot(x, y)
    if rho < 1e-12:
        return lat0, lon0
    c = min(rho, math.pi)
    p0 = math.radians(lat0)
    lat = math.asin(max(-1.0, min(1.0, math.cos(c) * math.sin(p0) + y * math.sin(c) * math.cos(p0) / rho)))
    lon = math.radians(lon0) + math.atan2(x * math.sin(c), rho * math.cos(p0) * math.cos(c) - y * math.sin(p0) * math.sin(c))
    lon_deg = (math.degrees(lon) + 540) % 360 - 180
    return math.degrees(lat), lon_deg


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    east, north = _azimuthal(a[0], a[1], b[0], b[1])
    return math.hypot(east, north)


# -- layout ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Marker:
    place_id: str
    x: float  # where the place projects (or, off the map, where it is pinned to the edge)
    y: float
    col: int
    row: int
    off_map: bool = False
    arrow: str = ""  # off the map: which way it lies
    shown: bool = True  # off-map sites are pinned to the edge of the whole-region view only


@dataclass(frozen=True)
class Label:
    owner: str  # place id, or "area:<name>"
    text: str
    col: int  # first cell
    row: int
    leader: bool = False  # detached from its marker: the widget joins them with a line

    @property
    def width(self) -> int:
        return len(self.text)

    @property
    def end(self) -> int:
        """One past the last cell."""
        return self.col + len(self.text)

    def cells(self) -> list[tuple[int, int]]:
        return [(c, self.row) for c in range(self.col, self.end)]

    def overlaps(self, other: "Label") -> bool:
        return self.row == other.row and self.col < other.end and other.col < self.end

    def contains(self, col: int, row: int) -> bool:
        return row == self.row and self.col <= col < self.end


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
        best = min(self.shown, key=lambda m: (_screen_distance(m.x - col, m.y - row), m.place_id), default=None)
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


def _screen_distance(dx: float, dy: float) -> float:
    return math.hypot(dx, dy * CELL_ASPECT)


def base_projection(geo: GeoLines, width: int, height: int) -> Projection:
    return Projection.fit(geo.view, width, height)


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
            markers[place.id] = Marker(place.id, x, y, _round(x), _round(y))
        elif zoom <= 0:
            ex, ey, arrow = _pin_to_edge(projection, x, y)
            markers[place.id] = Marker(place.id, ex, ey, _round(ex), _round(ey), off_map=True, arrow=arrow)
        else:
            _, _, arrow = _pin_to_edge(projection, x, y)
            markers[place.id] = Marker(place.id, x, y, _round(x), _round(y), off_map=True, arrow=arrow, shown=False)
    lines = [(line, clip_polyline([projection.to_cell(lat, lon) for lat, lon in line.points], width, height))
             for line in data.geo.lines]
    line_cells = _line_cells(run for _, runs in lines for run in runs)
    labels, unlabelled, areas = _place_labels(data, markers, projection, line_cells)
    return MapLayout(projection, zoom, markers, labels, areas, lines, unlabelled)


def _pin_to_edge(projection: Projection, x: float, y: float) -> tuple[float, float, str]:
    cx, cy = projection.center_cell
    dx, dy = x - cx, y - cy
    scale = min((cx / abs(dx)) if dx else math.inf, (cy / abs(dy)) if dy else math.inf)
    angle = math.degrees(math.atan2(-dy * CELL_ASPECT, dx)) % 360
    arrow = ARROWS[int(((angle + 22.5) % 360) // 45)]
    return cx + dx * scale, cy + dy * scale, arrow


def clip_polyline(points: list[tuple[float, float]], width: int, height: int) -> list[list[tuple[float, float]]]:
    """The runs of a polyline (in cell coordinates) that lie inside the grid."""
    xmin, ymin, xmax, ymax = -0.5, -0.5, width - 0.5, height - 0.5
    runs: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    for a, b in zip(points, points[1:]):
        clipped = _clip_segment(a, b, xmin, ymin, xmax, ymax)
        if clipped is None:
            if current:
                runs.append(current)
                current = []
            continue
        p, q = clipped
        if current and current[-1] == p:
            current.append(q)
        else:
            if current:
                runs.append(current)
            current = [p, q]
        if q != b:  # left the grid
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _clip_segment(a, b, xmin, ymin, xmax, ymax):
    """Liang–Barsky: the part of segment a→b inside the rectangle, or None."""
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - xmin), (dx, xmax - x0), (-dy, y0 - ymin), (dy, ymax - y0)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            if t > t1:
                return None
            t0 = max(t0, t)
        else:
            if t < t0:
                return None
            t1 = min(t1, t)
    start = a if t0 == 0 else (x0 + t0 * dx, y0 + t0 * dy)
    end = b if t1 == 1 else (x0 + t1 * dx, y0 + t1 * dy)
    return start, end


def _line_cells(runs: Iterable[list[tuple[float, float]]]) -> set[tuple[int, int]]:
    cells: set[tuple[int, int]] = set()
    for run in runs:
        for (x0, y0), (x1, y1) in zip(run, run[1:]):
            steps = max(1, int(max(abs(x1 - x0), abs(y1 - y0)) * 2))
            for i in range(steps + 1):
                t = i / steps
                cells.add((_round(x0 + (x1 - x0) * t), _round(y0 + (y1 - y0) * t)))
    return cells


# -- labels ----------------------------------------------------------------------------------------

def label_variants(text: str) -> list[str]:
    """The name, then shorter forms of it: abbreviated words, a few words, a stub."""
    variants = [text]
    words = text.split()
    abbreviated = " ".join(ABBREVIATIONS.get(w, w) for w in words)
    variants.append(abbreviated)
    short = ""
    for word in abbreviated.split():
        candidate = f"{short} {word}".strip()
        if len(candidate) > 12:
            break
        short = candidate
    if not short:
        short = abbreviated[:11]
    variants.append(short if short == abbreviated else short + "…")
    stub = abbreviated.split()[0] if abbreviated.split() else abbreviated
    variants.append(stub if len(stub) <= 6 else stub[:5] + "…")
    out: list[str] = []
    for variant in variants:
        if variant and variant not in out and (not out or len(variant) < len(out[-1])):
            out.append(variant)
    return out


def _positions(col: int, row: int, width: int) -> list[tuple[float, int, int, bool]]:
    """Candidate (cost, first col, row, needs a leader) for a label of `width` next to (col, row),
    cheapest first."""
    out: list[tuple[float, int, int, bool]] = [
        (0.0, col + 2, row, False),              # ● Name
        (0.3, col + 1, row, False),              # ●Name
        (0.6, col - width - 1, row, False),      # Name ●
        (0.8, col - width, row, False),          # Name●
    ]
    for drow in (-1, 1):
        for shift in range(width + 2):
            start = col - shift + 1
            offset = abs((start + width / 2) - (col + 0.5))
            out.append((1.0 + 0.08 * offset + (0.05 if drow > 0 else 0), start, row + drow, False))
    for drow in range(-LABEL_RADIUS_ROWS, LABEL_RADIUS_ROWS + 1):
        for start in range(col - LABEL_RADIUS_COLS - width, col + LABEL_RADIUS_COLS + 1):
            if abs(drow) <= 1 and col - width - 1 <= start <= col + 2:
                continue  # attached positions, listed above
            nearest = min(max(col, start), start + width - 1)
            distance = _screen_distance(nearest - col, drow)
            out.append((LEADER_COST + distance, start, row + drow, True))
    out.sort(key=lambda p: (p[0], p[2], p[1]))
    return out


def _place_labels(data: MapData, markers: dict[str, Marker], projection: Projection,
                  line_cells: set[tuple[int, int]]) -> tuple[dict[str, Label], list[str], list[Label]]:
    width, height = projection.width, projection.height
    marker_cells: dict[tuple[int, int], set[str]] = {}
    for marker in markers.values():
        if not marker.shown:
            continue
        marker_cells.setdefault((marker.col, marker.row), set()).add(marker.place_id)
    taken: set[tuple[int, int]] = set()  # label cells, padded one cell left and right
    leaders: list[tuple[tuple[int, int], tuple[int, int]]] = []
    labels: dict[str, Label] = {}
    unlabelled: list[str] = []
    position_cache: dict[tuple[int, int, int], list[tuple[float, int, int, bool]]] = {}

    def free(owner: str, start: int, row: int, length: int) -> bool:
        if row < 0 or row >= height or start < 0 or start + length > width:
            return False
        for c in range(start - 2, start + length + 2):
            owners = marker_cells.get((c, row))
            if owners and owners != {owner} and (start - 2 < c < start + length + 1 or owner not in owners):
                return False  # another site's marker under the label or close beside it
            if start <= c < start + length and ((c, row) in taken or (owners and owner in owners)):
                return False
        return True

    on_map_first = sorted((p for p in data.places if markers[p.id].shown), key=lambda p: markers[p.id].off_map)
    for place in on_map_first:
        marker = markers[place.id]
        best: tuple[float, Label] | None = None
        for variant_index, text in enumerate(label_variants(place.label)):
            penalty = VARIANT_PENALTY[min(variant_index, len(VARIANT_PENALTY) - 1)]
            if best is not None and penalty >= best[0]:
                break
            key = (marker.col, marker.row, len(text))
            positions = position_cache.get(key)
            if positions is None:
                positions = position_cache[key] = _positions(marker.col, marker.row, len(text))
            found = 0
            for cost, start, row, leader in positions:
                total = penalty + cost
                if best is not None and total >= best[0]:
                    break
                if not free(place.id, start, row, len(text)):
                    continue
                if leader and _crosses(leaders, (marker.col, marker.row), (start, row)):
                    continue
                total += 0.15 * sum((c, row) in line_cells for c in range(start, start + len(text)))
                if best is None or total < best[0]:
                    best = (total, Label(place.id, text, start, row, leader))
                found += 1
                if found >= 4:
                    break
        if best is None:
            unlabelled.append(place.id)
            continue
        label = best[1]
        labels[place.id] = label
        for c in range(label.col - 1, label.end + 1):
            taken.add((c, label.row))
        if label.leader:
            leaders.append(((marker.col, marker.row), (label.col, label.row)))
    areas: list[Label] = []
    for area in data.geo.areas:
        x, y = projection.to_cell(area.lat, area.lon)
        if not projection.contains(x, y):
            continue
        text = area.name
        for drow in (0, -1, 1, -2, 2):
            start, row = _round(x - len(text) / 2 + 0.5), _round(y) + drow
            if free(f"area:{area.name}", start, row, len(text)):
                label = Label(f"area:{area.name}", text, start, row)
                areas.append(label)
                for c in range(label.col - 1, label.end + 1):
                    taken.add((c, label.row))
                break
    return labels, unlabelled, areas


def _crosses(leaders, a, b) -> bool:
    """Whether segment a-b crosses one of the leader lines already drawn."""
    for p, q in leaders:
        if _segments_cross(a, b, p, q):
            return True
    return False


def _segments_cross(a, b, c, d) -> bool:
    def orient(p, q, r):
        value = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return (value > 0) - (value < 0)

    if a in (c, d) or b in (c, d):
        return False
    return orient(a, b, c) * orient(a, b, d) < 0 and orient(c, d, a) * orient(c, d, b) < 0


def cells_of(layout: MapLayout) -> Iterator[tuple[str, tuple[int, int]]]:
    """(owner, cell) for every label cell: handy for checking that nothing overlaps."""
    for label in [*layout.labels.values(), *layout.areas]:
        for cell in label.cells():
            yield label.owner, cell
