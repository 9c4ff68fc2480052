"""The map screen: the border region with every located site, and the selected site's brief
in short beside it. Enter opens the full brief on the main screen."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Static

from ...briefing import Briefing
from ...geo import distance_km, map_data
from ..richtext import DIM, pane_title, safe, safe_line
from .picture import PictureScreen
from ..widgets.map_view import COAST, MARKER, RIVER, SELECTED_MARKER, MapView, type_colour


def _rgb(colour: tuple[int, int, int]) -> str:
    return "rgb({},{},{})".format(*colour)


class MapScreen(PictureScreen[str | None]):
    """Dismissed with the id of the site whose brief to open, or None."""

    CSS_PATH = "map.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    def __init__(self, briefing: Briefing, *, selected: str | None = None, emphasis: frozenset[str] = frozenset(),
                 searching: str = "") -> None:
        super().__init__()
        self.briefing = briefing
        self.data = map_data(briefing)
        self.searching = searching  # what the emphasis comes from, in words ("" when nothing is searched)
        self.view = MapView(self.data, selected=selected, emphasis=emphasis, searching=bool(searching), id="map")

    def compose(self) -> ComposeResult:
        with Horizontal(id="map-body"):
            yield self.view
            with VerticalScroll(id="map-side"):
                yield Static(id="map-info")
                yield Static(id="map-legend")
        yield Footer()

    @on(MapView.Selected)
    def _selected(self, event: MapView.Selected) -> None:
        self.update()

    @on(MapView.Opened)
    def _opened(self, event: MapView.Opened) -> None:
        self.dismiss(event.place_id)

    # -- the side panel ----------------------------------------------------------------------------
    def update(self) -> None:
        layout = self.view.layout_now()
        view = self.view
        zoom = f"×{2 ** view.zoom:g}" if view.zoom >= 0 else f"×1/{2 ** -view.zoom:g}"
        view.border_title = pane_title(f"Map · {len(self.data.places)} located sites · zoom {zoom} · about {layout.projection.across_km:,.0f} km across")
        view.border_subtitle = "arrows select · enter brief · +/- zoom · click"
        self.query_one("#map-info", Static).update(self._info(layout))
        self.query_one("#map-legend", Static).update(self._legend(layout))

    def _info(self, layout) -> Text:
        place = self.data.place(self.view.selected or "")
        if place is None:
            return Text("No site has a location yet: add `location: {lat, lon}` to a site's brief.", style=DIM)
        brief = self.briefing.briefs[place.id]
        text = Text()
        text.append_text(safe_line(brief.name, f"bold {_rgb(type_colour(place.type))}"))
        text.append("\n")
        text.append_text(safe_line(f"{brief.type}" + (f" · {brief.country}" if brief.country else ""), DIM))
        text.append(f"\n{abs(place.lat):.2f}°{'N' if place.lat >= 0 else 'S'} {abs(place.lon):.2f}°{'E' if place.lon >= 0 else 'W'}", style=DIM)
        marker = layout.markers.get(place.id)
        if marker is not None and marker.off_map:
            lat0, lon0 = layout.projection.lat0, layout.projection.lon0
            text.append(f"\noff the map {marker.arrow} {distance_km((lat0, lon0), (place.lat, place.lon)):,.0f} km",
                        style="bold yellow")
        claims = len(brief.claims)
        disputes = len(self.briefing.disputes_with(brief.id))
        text.append(f"\n{place.mentions} mention(s) · {claims} claim(s) · {disputes} dispute(s)", style=DIM)
        text.append("\n\n")
        text.append_text(safe(" ".join(brief.summary.split())))
        text.append("\n\nenter", style="bold")
        text.append(" opens the full brief", style=DIM)
        return text

    def _legend(self, layout) -> Text:
        text = Text("\nLegend\n", style="bold")
        width = max(16, self.query_one("#map-side").content_size.width or 28)
        entries: list[Text] = []
        for site_type in dict.fromkeys(p.type for p in self.data.places):
            entries.append(Text.assemble((MARKER, _rgb(type_colour(site_type))), f" {site_type}"))
        entries += [Text.assemble(("⠉⠉", _rgb(RIVER)), " river"), Text.assemble(("⠉⠉", _rgb(COAST)), " coast"),
                    Text.assemble((SELECTED_MARKER, "bold"), " selected"), Text.assemble(("↗", "bold"), " off the map")]
        line_length = 0
        for entry in entries:  # packed by hand: an entry is never split across lines
            if line_length and line_length + 2 + entry.cell_len > width:
                text.append("\n")
                line_length = 0
            elif line_length:
                text.append("  ")
                line_length += 2
            text.append_text(entry)
            line_length += entry.cell_len
        text.append("\n")
        if self.searching:
            count = sum(1 for p in self.data.places if p.id in self.view.emphasis)
            text.append("bold", style="bold")
            text.append(f": the {count} site(s) in ")
            text.append_text(safe_line(self.searching, "italic", limit=60))
            text.append("\n")
        if layout.unlabelled:
            text.append(f"{len(layout.unlabelled)} label(s) left out for lack of room: zoom in (+)\n", style="yellow")
        text.append("Rivers and coast: approximate, hand-digitised (briefs/geo).", style=DIM)
        if self.data.geo.problem:
            text.append("\n")
            text.append_text(safe_line(self.data.geo.problem, "yellow"))
        return text
