"""The map's engine: projection to cells, every located site placed and labelled, labels that
never overlap, nearest-site moves, zoom, and the shipped line data."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from support import REPO_ROOT, write_file
from tui.briefing import Briefing
from tui.geo import (GeoLines, MapData, Place, Projection, clip_polyline, distance_km, emphasised_places,
                     label_name, label_variants, layout_map, load_lines, map_data)


@pytest.fixture(scope="module")
def shipped() -> Briefing:
    return Briefing.load(REPO_ROOT)


def located(briefing: Briefing) -> dict[str, tuple[float, float]]:
    """Independent of the engine: every site brief with a location, read off the briefs."""
    return {b.id: (b.location.lat, b.location.lon) for b in briefing.briefs.values()
            if b.kind == "site" and b.location is not None}


def synthetic(*places: tuple[str, float, float]) -> MapData:
    """Places (id, lat, lon) with no lines, framed round the border region."""
    return MapData(tuple(Place(i, i.title(), "city", lat, lon, i.title()) for i, lat, lon in places), GeoLines())


SIZES = [pytest.param((40, 12), id="40x12"), pytest.param((54, 19), id="54x19"), pytest.param((86, 36), id="86x36"),
         pytest.param((120, 40), id="120x40"), pytest.param((200, 60), id="200x60")]


# -- projection --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("north", "south"), [
    pytest.param("vladivostok", "rason", id="vladivostok-above-rason"),
    pytest.param("hunchun", "dandong", id="hunchun-above-dandong"),
    pytest.param("tumen", "quanhe", id="tumen-above-quanhe"),
    pytest.param("linjiang", "manpo", id="linjiang-above-manpo"),
    pytest.param("pyongyang", "seoul", id="pyongyang-above-seoul"),
    pytest.param("dandong", "pyongyang", id="dandong-above-pyongyang"),
])
@pytest.mark.parametrize("zoom", [0, 2])
def test_a_site_north_of_another_is_drawn_above_it(shipped, north, south, zoom):
    places = located(shipped)
    assert places[north][0] > places[south][0]  # the premise, from the briefs
    layout = layout_map(map_data(shipped), 120, 40, zoom=zoom, center=places[south] if zoom else None)
    assert layout.markers[north].y < layout.markers[south].y


@pytest.mark.parametrize(("east", "west"), [
    pytest.param("hunchun", "dandong", id="hunchun-east-of-dandong"),
    pytest.param("vladivostok", "tumen", id="vladivostok-east-of-tumen"),
    pytest.param("rason", "pyongyang", id="rason-east-of-pyongyang"),
    pytest.param("changbai", "jian", id="changbai-east-of-jian"),
    pytest.param("seoul", "pyongyang", id="seoul-east-of-pyongyang"),
])
def test_a_site_east_of_another_is_drawn_right_of_it(shipped, east, west):
    layout = layout_map(map_data(shipped), 120, 40)
    assert layout.markers[east].x > layout.markers[west].x
    assert layout.markers[east].col > layout.markers[west].col


def test_rows_cover_twice_the_ground_of_columns():
    """A terminal cell is about twice as tall as wide: 100 km north moves half as many cells
    as 100 km east."""
    projection = Projection(41.0, 127.0, km_per_col=10.0, width=101, height=61)
    x0, y0 = projection.to_cell(41.0, 127.0)
    assert (x0, y0) == (50.0, 30.0)
    _, y_north = projection.to_cell(41.0 + 100 / 111.2, 127.0)
    x_east, _ = projection.to_cell(41.0, 127.0 + 100 / (111.2 * math.cos(math.radians(41.0))))
    assert y0 - y_north == pytest.approx(5.0, abs=0.1)
    assert x_east - x0 == pytest.approx(10.0, abs=0.1)


@pytest.mark.parametrize("point", [(40.13, 124.39), (42.87, 130.36), (37.57, 126.98), (55.76, 37.62)],
                         ids=["dandong", "hunchun", "seoul", "moscow"])
def test_cells_turn_back_into_the_same_coordinates(point):
    projection = Projection(40.75, 127.0, km_per_col=9.0, width=120, height=40)
    lat, lon = projection.to_latlon(*projection.to_cell(*point))
    assert (lat, lon) == pytest.approx(point, abs=1e-6)


def test_distance_between_dandong_and_hunchun_is_about_560_km():
    assert distance_km((40.13, 124.39), (42.87, 130.36)) == pytest.approx(580, rel=0.05)


# -- every site on the map -----------------------------------------------------------------------------

@pytest.mark.parametrize("size", [pytest.param((120, 40), id="120x40"), pytest.param((86, 36), id="86x36")])
def test_every_located_site_appears_with_its_label(shipped, size):
    layout = layout_map(map_data(shipped), *size)
    assert set(layout.markers) == set(located(shipped))
    assert layout.unlabelled == []
    for place_id, marker in layout.markers.items():
        assert marker.shown
        assert 0 <= marker.col < size[0] and 0 <= marker.row < size[1], place_id
        assert place_id in layout.labels


def test_far_sites_are_pinned_to_the_edge_pointing_their_way(shipped):
    layout = layout_map(map_data(shipped), 120, 40)
    assert set(layout.off_map) == {"beijing", "moscow", "tokyo", "washington"}
    beijing, tokyo, moscow = layout.markers["beijing"], layout.markers["tokyo"], layout.markers["moscow"]
    assert beijing.col == 0 and beijing.arrow == "←"
    assert tokyo.col == 119 and tokyo.arrow in "→↘"
    assert moscow.arrow == "↖"  # north-west along the great circle


def test_zooming_out_brings_far_sites_onto_the_map(shipped):
    layout = layout_map(map_data(shipped), 120, 40, zoom=-1)
    assert "beijing" in layout.on_map and "tokyo" in layout.on_map


def test_zooming_in_keeps_the_centre_and_hides_far_pins(shipped):
    dandong = located(shipped)["dandong"]
    layout = layout_map(map_data(shipped), 120, 40, zoom=3, center=dandong)
    marker = layout.markers["dandong"]
    assert (marker.x, marker.y) == pytest.approx(((120 - 1) / 2, (40 - 1) / 2))
    assert not layout.markers["vladivostok"].shown  # no pile of pins at the edges when zoomed in
    assert layout.projection.across_km == pytest.approx(layout_map(map_data(shipped), 120, 40).projection.across_km / 8)


# -- labels --------------------------------------------------------------------------------------------

def _assert_clean(layout):
    labels = [*layout.labels.values(), *layout.areas]
    markers = {(m.col, m.row): m.place_id for m in layout.shown}
    for i, a in enumerate(labels):
        assert 0 <= a.col and a.end <= layout.width and 0 <= a.row < layout.height, a
        for cell in a.cells():
            assert cell not in markers, (a, markers[cell])
        for b in labels[i + 1:]:
            assert not a.overlaps(b), (a, b)
            if a.row == b.row:  # and never run into each other
                assert a.end < b.col or b.end < a.col, (a, b)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("zoom", [-2, 0, 1, 3])
def test_labels_never_overlap_each_other_or_a_marker(shipped, size, zoom):
    center = located(shipped)["quanhe"] if zoom else None
    _assert_clean(layout_map(map_data(shipped), *size, zoom=zoom, center=center))


def test_crowded_sites_all_get_a_label_shortened_or_set_apart():
    """Ten sites within a few kilometres on a small map: still no overlap."""
    crowd = synthetic(*((f"site-{i}", 40.10 + i * 0.01, 124.40 + (i % 3) * 0.01) for i in range(10)))
    layout = layout_map(crowd, 60, 20)
    _assert_clean(layout)
    assert len(layout.labels) + len(layout.unlabelled) == 10
    assert len(layout.labels) >= 8


@pytest.mark.parametrize(("name", "expected"), [
    pytest.param("Sino-Korean Friendship Bridge", ["Sino-Korean Friendship Bridge", "Sino-Korean Fr. Br.",
                                                   "Sino-Korean…", "Sino-…"], id="long-name"),
    pytest.param("Tuman River Station", ["Tuman River Station", "Tuman R. Stn", "Tuman"], id="abbreviated-fits"),
    pytest.param("Rason", ["Rason"], id="short-name-kept"),
])
def test_label_variants_get_shorter(name, expected):
    assert label_variants(name) == expected


@pytest.mark.parametrize(("name", "aliases", "expected"), [
    pytest.param("丹东", ["Dandong"], "Dandong", id="wide-characters-fall-back-to-an-alias"),
    pytest.param("Sinŭiju", [], "Sinŭiju", id="precomposed-accent-kept"),
    pytest.param("Bad\x1b[31mname", [], "Bad␛[31mname", id="escape-made-visible"),
    pytest.param("신의주", ["新义州"], "sinuiju", id="no-narrow-name-uses-the-id"),
])
def test_label_names_draw_one_character_per_cell(name, aliases, expected):
    assert label_name(name, aliases, "sinuiju") == expected


# -- moving and clicking -------------------------------------------------------------------------------

GRID = synthetic(("centre", 41.0, 127.0), ("east", 41.0, 128.0), ("far-east", 41.1, 130.0),
                 ("north", 42.0, 127.1), ("south", 40.0, 126.9), ("west", 41.2, 125.0))


@pytest.mark.parametrize(("direction", "expected"), [
    pytest.param("right", "east", id="right-nearest-east"),
    pytest.param("up", "north", id="up-nearest-north"),
    pytest.param("down", "south", id="down-nearest-south"),
    pytest.param("left", "west", id="left-nearest-west"),
])
def test_arrows_select_the_nearest_site_that_way(direction, expected):
    layout = layout_map(GRID, 120, 40)
    assert layout.nearest_in_direction("centre", direction) == expected


def test_no_site_that_way_keeps_the_selection():
    layout = layout_map(GRID, 120, 40)
    assert layout.nearest_in_direction("far-east", "right") is None


def test_sites_at_the_same_point_are_stepped_through():
    twins = synthetic(("a", 41.0, 127.0), ("b", 41.0, 127.0), ("c", 41.0, 127.0))
    layout = layout_map(twins, 80, 24)
    order = ["a", "b", "c"]
    assert layout.nearest_in_direction("a", "right", order) == "b"
    assert layout.nearest_in_direction("b", "right", order) == "c"
    assert layout.nearest_in_direction("c", "left", order) == "b"
    assert layout.nearest_in_direction("a", "left", order) is None


def test_a_click_selects_the_nearest_site_or_the_label_under_it():
    layout = layout_map(GRID, 120, 40)
    east = layout.markers["east"]
    assert layout.nearest_to(east.col + 0.4, east.row) == "east"
    label = layout.labels["west"]
    assert layout.nearest_to(label.end - 1, label.row) == "west"


# -- lines ---------------------------------------------------------------------------------------------

def test_the_shipped_lines_load_and_say_where_they_come_from():
    geo = load_lines(REPO_ROOT)
    assert geo.problem is None
    kinds = {line.id: line.kind for line in geo.lines}
    assert kinds["yalu"] == kinds["tumen"] == "river"
    assert {"coast-west", "coast-east"} <= set(kinds)
    text = (REPO_ROOT / "briefs" / "geo" / "border-lines.yaml").read_text(encoding="utf-8")
    assert "digitised by hand" in text and "approximate" in text


def _distance_to_line(point, line) -> float:
    best = math.inf
    for (a_lat, a_lon), (b_lat, b_lon) in zip(line.points, line.points[1:]):
        for t in (i / 20 for i in range(21)):
            best = min(best, distance_km(point, (a_lat + (b_lat - a_lat) * t, a_lon + (b_lon - a_lon) * t)))
    return best


@pytest.mark.parametrize(("river", "site"), [
    pytest.param("yalu", "dandong", id="yalu-at-dandong"),
    pytest.param("yalu", "sinuiju", id="yalu-at-sinuiju"),
    pytest.param("yalu", "new-yalu-river-bridge", id="yalu-at-the-new-bridge"),
    pytest.param("yalu", "manpo", id="yalu-at-manpo"),
    pytest.param("yalu", "changbai", id="yalu-at-changbai"),
    pytest.param("tumen", "tumen", id="tumen-at-tumen"),
    pytest.param("tumen", "quanhe", id="tumen-at-quanhe"),
    pytest.param("tumen", "tuman-river-station", id="tumen-at-tumangang"),
])
def test_the_rivers_pass_the_places_on_their_banks(shipped, river, site):
    line = next(line for line in load_lines(REPO_ROOT).lines if line.id == river)
    assert _distance_to_line(located(shipped)[site], line) < 15


def test_lines_are_clipped_to_the_grid():
    runs = clip_polyline([(-10.0, 5.0), (50.0, 5.0), (50.0, 50.0), (60.0, 60.0)], 40, 12)
    assert runs == [[(-0.5, 5.0), (39.5, 5.0)]]


def test_a_broken_lines_file_is_reported_not_raised(tmp_path: Path):
    write_file(tmp_path, "briefs/geo/border-lines.yaml", "lines: [ {id: yalu, points: [[91, 0], [0, 0]]} ]\n")
    geo = load_lines(tmp_path)
    assert geo.lines == () and "latitude out of range" in geo.problem


# -- from the briefing ----------------------------------------------------------------------------------

def test_map_data_is_computed_once_per_load(shipped):
    assert map_data(shipped) is map_data(shipped)
    assert [p.id for p in map_data(shipped).places][0] == max(located(shipped), key=lambda i: shipped.mention_counts[i])


def test_search_hits_emphasise_the_sites_their_articles_mention(shipped):
    article = "2025-hunchun-customs-facility"
    expected = {i for i in shipped.entity_ids(article) if i in located(shipped)}
    assert "hunchun" in expected
    assert emphasised_places(shipped, [article]) == expected
    assert emphasised_places(shipped, [], ["dandong", "kotra"]) == {"dandong"}  # actors have no place
