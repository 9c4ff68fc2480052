"""Projection to terminal cells: azimuthal equidistant around the view's centre.

Over a region the size of the border it is indistinguishable from a plain latitude/longitude
grid, with north up; for the far-away sites the briefs also locate (Moscow, Washington) it
still points the right way along the great circle. A terminal cell is about twice as tall as
it is wide, so one row covers twice the ground of one column.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..geolines import Bounds, GeoLines

EARTH_RADIUS_KM = 6371.0
CELL_ASPECT = 2.0  # a terminal cell is about twice as tall as it is wide


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
        return round_cell(x), round_cell(y)

    def to_latlon(self, x: float, y: float) -> tuple[float, float]:
        cx, cy = self.center_cell
        return _inverse_azimuthal(self.lat0, self.lon0, (x - cx) * self.km_per_col, (cy - y) * self.km_per_row)

    def contains(self, x: float, y: float) -> bool:
        return -0.5 <= x < self.width - 0.5 and -0.5 <= y < self.height - 0.5

    @property
    def across_km(self) -> float:
        return self.km_per_col * self.width


def round_cell(value: float) -> int:
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


def screen_distance(dx: float, dy: float) -> float:
    return math.hypot(dx, dy * CELL_ASPECT)


def base_projection(geo: GeoLines, width: int, height: int) -> Projection:
    return Projection.fit(geo.view, width, height)
