"""Label placement that never overlaps: each site's name (or a shorter form of it) in the
cheapest free position beside its marker, else detached and joined by a leader line that
crosses no other; then the area names where there is room."""

from __future__ import annotations

from .marks import Label, Marker
from .places import MapData
from .projection import Projection, round_cell, screen_distance

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
            distance = screen_distance(nearest - col, drow)
            out.append((LEADER_COST + distance, start, row + drow, True))
    out.sort(key=lambda p: (p[0], p[2], p[1]))
    return out


def place_labels(data: MapData, markers: dict[str, Marker], projection: Projection,
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
            start, row = round_cell(x - len(text) / 2 + 0.5), round_cell(y) + drow
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
