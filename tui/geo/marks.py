"""What a map layout places: a marker per site and a label per site or area."""

from __future__ import annotations

from dataclasses import dataclass


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
