"""The map picture's engine: located sites, the shipped border lines, projection to terminal
cells, label placement that never overlaps, nearest-site lookup and zoom.

Nothing here draws: the app's map widget (and the SVG export through it) asks for a
MapLayout at its size and paints what it is told.

    places.py      the located sites and the line data of a briefing (once per load)
    projection.py  azimuthal equidistant projection to cells, distances
    clipping.py    polylines cut to the grid
    marks.py       markers and labels, the things a layout places
    labels.py      label placement
    layout.py      the layout at a size and zoom, nearest-site lookup

The line data itself is read by tui/geolines.py, beside the other workspace loaders.
"""

from ..geolines import DEFAULT_VIEW, LINES_FILE, AreaName, Bounds, GeoLines, Polyline, load_lines
from .clipping import clip_polyline
from .labels import label_variants
from .layout import ARROWS, DIRECTIONS, ZOOM_MAX, ZOOM_MIN, MapLayout, cells_of, layout_map
from .marks import Label, Marker
from .places import MapData, Place, emphasised_places, label_name, map_data
from .projection import CELL_ASPECT, EARTH_RADIUS_KM, Projection, base_projection, distance_km

__all__ = [
    "ARROWS", "CELL_ASPECT", "DEFAULT_VIEW", "DIRECTIONS", "EARTH_RADIUS_KM", "LINES_FILE", "ZOOM_MAX",
    "ZOOM_MIN", "AreaName", "Bounds", "GeoLines", "Label", "MapData", "MapLayout", "Marker", "Place",
    "Polyline", "Projection", "base_projection", "cells_of", "clip_polyline", "distance_km",
    "emphasised_places", "label_name", "label_variants", "layout_map", "load_lines", "map_data",
]
