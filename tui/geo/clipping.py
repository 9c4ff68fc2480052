"""Lines cut to the grid: the visible runs of a polyline, and the cells they pass through."""

from __future__ import annotations

from typing import Iterable

from .projection import round_cell


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


def line_cells(runs: Iterable[list[tuple[float, float]]]) -> set[tuple[int, int]]:
    cells: set[tuple[int, int]] = set()
    for run in runs:
        for (x0, y0), (x1, y1) in zip(run, run[1:]):
            steps = max(1, int(max(abs(x1 - x0), abs(y1 - y0)) * 2))
            for i in range(steps + 1):
                t = i / steps
                cells.add((round_cell(x0 + (x1 - x0) * t), round_cell(y0 + (y1 - y0) * t)))
    return cells
