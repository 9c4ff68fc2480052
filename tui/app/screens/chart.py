"""The figures chart screen: the measures that several claims quantify, one chart at a time,
and its values listed with their sources and quotes. Enter opens a value's source at the quote."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from ...briefing import Briefing
from ...measures import Measure, axis_label, chartable_measures
from ..richtext import DIM, QUOTE, one_line, pane_title, safe_line
from ..widgets.figures_chart import FiguresChart, source_colour
from ..widgets.motion_list import MotionList


def _rgb(colour: tuple[int, int, int]) -> str:
    return "rgb({},{},{})".format(*colour)


class ChartScreen(Screen[tuple[str, tuple[int, int] | None] | None]):
    """Dismissed with (article id, quote span) to open, or None."""

    CSS_PATH = "chart.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("enter", "open", "Open source", show=False),
    ]

    def __init__(self, briefing: Briefing, *, measure: str | None = None, related: list[str] | None = None,
                 context: str = "") -> None:
        super().__init__()
        self.briefing = briefing
        self.related = [m for m in (related or []) if m in chartable_measures(briefing)]
        others = [m for m in chartable_measures(briefing) if m not in self.related]
        self.order = self.related + others
        self.current = measure if measure in chartable_measures(briefing) else (self.order[0] if self.order else None)
        self.context = context  # where the chart was opened from, for the list's subtitle

    def compose(self) -> ComposeResult:
        with Horizontal(id="chart-body"):
            yield MotionList(id="measures")
            with Vertical(id="chart-main"):
                yield FiguresChart(id="chart")
                yield MotionList(id="points")
        yield Footer()

    def on_mount(self) -> None:
        measures = self.query_one("#measures", OptionList)
        options = []
        for measure_id in self.order:
            measure = chartable_measures(self.briefing)[measure_id]
            prompt = Text()
            if measure_id in self.related:
                prompt.append("• ", style="bold yellow")
            prompt.append_text(safe_line(measure.title, "bold"))
            prompt.append(f"\n  {len(measure.points)} values · {len(measure.sources)} source(s)", style=DIM)
            options.append(Option(prompt, id=measure_id))
        measures.set_options(options)
        measures.border_title = pane_title(f"Measures ({len(options)})")
        if self.context:  # may hold a brief's name: Text, so it is never read as markup
            measures.border_subtitle = pane_title(self.context)
        if self.current:
            measures.highlighted = self.order.index(self.current)
        self._show()
        self.query_one("#points", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#measures")
    def _measure_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_id and event.option_id != self.current:
            self.current = event.option_id
            self._show()

    @on(OptionList.OptionSelected, "#measures")
    def _measure_selected(self) -> None:
        self.query_one("#points", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#points")
    def _point_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        chart = self.query_one(FiguresChart)
        chart.show(chart.measure, event.option_index)

    @on(OptionList.OptionSelected, "#points")
    def _point_selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option_index)

    def action_open(self) -> None:
        points = self.query_one("#points", OptionList)
        if points.highlighted is not None:
            self._open(points.highlighted)

    def _open(self, index: int) -> None:
        measure = self.measure
        if measure is None or not 0 <= index < len(measure.points):
            return
        point = measure.points[index]
        if point.article_id not in self.briefing.articles:
            self.notify(f"The source '{point.article_id}' is not in the corpus", severity="error")
            return
        self.dismiss((point.article_id, point.quote_span))

    def action_back(self) -> None:
        self.dismiss(None)

    @property
    def measure(self) -> Measure | None:
        return chartable_measures(self.briefing).get(self.current or "")

    def _show(self) -> None:
        measure = self.measure
        chart = self.query_one(FiguresChart)
        points = self.query_one("#points", OptionList)
        if measure is None:
            chart.show(None)
            chart.border_title = "Figures"
            points.set_options([Option(Text("No measure is quantified by two or more claims yet. Give claims the "
                                            "same `measure:` id and a numeric `value:` to chart them.", style=DIM))])
            return
        conflicts = measure.conflicts
        chart.border_title = pane_title(f"{one_line(measure.title, 60)} · {axis_label(measure)}")
        chart.border_subtitle = pane_title(f"sources differ for {', '.join(conflicts)}" if conflicts else
                                     f"{len(measure.points)} values from {len(measure.sources)} source(s)")
        sources = measure.sources
        options = []
        for point in measure.points:
            colour = source_colour(sources.index(point.article_id))
            prompt = Text()
            prompt.append("■ ", style=_rgb(colour))
            prompt.append(f"{point.when:<9} ", style="bold")
            prompt.append_text(safe_line(point.value_text, "bold yellow"))
            prompt.append("  ")
            prompt.append_text(safe_line(point.source_with_date(), _rgb(colour)))
            prompt.append(f"  [{point.claim_id}]", style=DIM)
            prompt.append("\n  “")
            prompt.append_text(safe_line(point.quote, QUOTE, limit=300))
            prompt.append("”")
            options.append(Option(prompt))
        points.set_options(options)
        points.border_title = "Values · enter opens the source at the quote"
        points.highlighted = 0
        chart.show(measure, 0)

