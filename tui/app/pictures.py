"""The three pictures (map, timeline, figures chart) as SVG text, for export and reports.

Each is the app's own screen drawn headless at a terminal size and exported the way Textual
exports a screenshot: this is the app's rendering entry point, which the CLI's `export` calls.
Textual is imported only when a picture is drawn, so importing this module (from the CLI or a
report) costs nothing.
"""

from __future__ import annotations

from ..briefing import Briefing
from ..measures import chartable_measures

DEFAULT_SIZE = (120, 40)


def parse_size(text: str) -> tuple[int, int]:
    """'120x40' → (120, 40). Raises ValueError."""
    cols, _, rows = text.lower().partition("x")
    try:
        size = int(cols), int(rows)
    except ValueError:
        raise ValueError(f"not a terminal size (use COLSxROWS, e.g. 120x40): {text!r}") from None
    if not (40 <= size[0] <= 1000 and 12 <= size[1] <= 500):
        raise ValueError(f"terminal size out of range (40x12 to 1000x500): {text!r}")
    return size


def map_svg(briefing: Briefing, *, size: tuple[int, int] = DEFAULT_SIZE, selected: str | None = None,
            emphasis: frozenset[str] = frozenset(), searching: str = "") -> str:
    """The map of every located site, the border rivers and the coast."""
    from .screens.map import MapScreen
    from .snapshot import render_svg

    return render_svg(lambda: MapScreen(briefing, selected=selected, emphasis=emphasis, searching=searching),
                      size, "borderbrief · map")


def timeline_svg(briefing: Briefing, *, size: tuple[int, int] = DEFAULT_SIZE, by: str = "site",
                 claim: str | None = None, entity: str | None = None) -> str:
    """Every dated claim and publication, in lanes by site or by source."""
    from .screens.timeline import TimelineScreen
    from .snapshot import render_svg

    if by not in ("site", "source"):
        raise ValueError(f"lanes are by 'site' or 'source', not {by!r}")
    return render_svg(lambda: TimelineScreen(briefing, claim=claim, entity=entity, by=by), size, "borderbrief · timeline")


def chart_svg(briefing: Briefing, measure: str, *, size: tuple[int, int] = DEFAULT_SIZE) -> str:
    """The figures chart of one measure. Raises KeyError for a measure that is not charted."""
    from .screens.chart import ChartScreen
    from .snapshot import render_svg

    if measure not in chartable_measures(briefing):
        raise KeyError(measure)
    return render_svg(lambda: ChartScreen(briefing, measure=measure), size, f"borderbrief · {measure}")
