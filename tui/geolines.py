"""The map's line data: rivers, coast and area names, and the default framing, read from
briefs/geo/border-lines.yaml (approximate, hand-digitised polylines) through the same safe
YAML reader as every other workspace file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .safefile import MAX_TEXT_FILE_BYTES, read_regular_file
from .safetext import one_line
from .workspace import sample_workspace
from .yamlsource import YamlSourceError, load_yaml

LINES_FILE = Path("briefs") / "geo" / "border-lines.yaml"


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


def load_lines(root: Path | None) -> GeoLines:
    """The line data of the workspace at root, else the one shipped with borderbrief.

    Never raises: an unreadable file gives empty lines and says why in `problem`.
    """
    candidates = [root / LINES_FILE] if root is not None else []
    candidates.append(sample_workspace() / LINES_FILE)
    path = next((p for p in candidates if p.is_file()), None)
    if path is None:
        return GeoLines(problem=f"no {LINES_FILE} found: the map shows sites without rivers or coast")
    try:
        data = load_yaml(read_regular_file(path, MAX_TEXT_FILE_BYTES).decode("utf-8")).data
        return _parse_lines(data, path)
    except (OSError, UnicodeDecodeError, YamlSourceError, ValueError, TypeError, KeyError) as err:
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
