"""The figures chart: one measure's values as bars, grouped by the year they are about, each
bar labelled with its value and its source; values for the same year side by side."""

from __future__ import annotations

import math


from ...measures import Measure, nice_ticks, scale_for, short_value
from ...safetext import one_line
from .cell_canvas import CellCanvas

SOURCE_COLOURS = [(97, 175, 239), (229, 192, 123), (152, 195, 121), (224, 108, 117), (198, 120, 221),
                  (86, 182, 194), (209, 154, 102), (171, 178, 191)]
SELECTED = (255, 255, 255)
ZERO = (140, 140, 140)
LABEL_ROWS = 2  # value and source, above a bar (below a negative one)
BAR_WIDTH = 0.7


def source_colour(index: int) -> tuple[int, int, int]:
    return SOURCE_COLOURS[index % len(SOURCE_COLOURS)]


class FiguresChart(CellCanvas):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.measure: Measure | None = None
        self.selected = 0

    def show(self, measure: Measure | None, selected: int = 0) -> None:
        self.measure = measure
        self.selected = selected
        self.refresh()

    def render(self):
        measure = self.measure
        if measure is None or not measure.points:
            self.blank()
            return super().render()
        plt = self.plt
        plt.clear_figure()
        # The theme first: text drawn before it would take the default (white) background.
        plt.theme(self._get_plotext_theme_name(self.app.theme))
        divisor, name = scale_for([p.value for p in measure.points], measure.unit)
        sources = measure.sources
        positions: list[tuple[float, int]] = []  # (x, index into measure.points)
        centres: list[tuple[float, str]] = []
        x = 0
        index = 0
        for label, points in measure.groups():
            start = x
            for _ in points:
                positions.append((x, index))
                x += 1
                index += 1
            centres.append(((start + x - 1) / 2, label))
            x += 1
        last = positions[-1][0] if positions else 0
        plt.xlim(-0.8, last + 0.8)

        values = [p.value / divisor for p in measure.points]
        low, high = min(0.0, *values), max(0.0, *values)
        if high == low:
            high = low + 1
        rows = max(6, self.size.height - 3)  # the canvas: frame top and bottom, x tick labels
        above = LABEL_ROWS + 0.5 if any(v >= 0 for v in values) else 0.5
        below = LABEL_ROWS + 0.5 if any(v < 0 for v in values) else 0.0
        row_height = (high - low) / max(1.0, rows - 1 - above - below)
        top, bottom = high + above * row_height, low - below * row_height
        plt.ylim(bottom, top)
        # Few enough ticks that each gets its own row, with room between.
        ticks = [t for t in nice_ticks(low, high, count=max(2, min(5, rows // 4))) if bottom <= t <= top]
        if bottom < 0 < top:
            plt.hline(0, color=ZERO)

        tick_width = max((len(f"{t:g}") for t in ticks), default=1) + 1
        slot = (max(1, self.size.width) - tick_width - 2) / max(1.0, last + 1.6)
        room = max(3, int(slot) - 1)
        for x, i in positions:
            # One call per bar: plotext scales the width of bars drawn together by their
            # spacing; a bar drawn alone keeps the width asked for.
            point = measure.points[i]
            colour = source_colour(sources.index(point.article_id))  # the colour says the source
            plt.bar([x], [values[i]], color=colour, width=BAR_WIDTH, reset_ticks=False)
        for x, i in positions:
            point = measure.points[i]
            colour = source_colour(sources.index(point.article_id))
            step = 1 if values[i] >= 0 else -1
            edge = (values[i] - bottom) / row_height
            # Round away from zero: a label may leave a blank row, never sit on the bar.
            bar_row = math.ceil(edge - 1e-9) if step > 0 else math.floor(edge + 1e-9)
            value_y = bottom + (bar_row + step) * row_height
            source_y = bottom + (bar_row + 2 * step) * row_height
            value_text = one_line(short_value(point, divisor, name), room)
            source_text = one_line(point.source, room)
            if i == self.selected:  # the selected bar: its labels reversed
                plt.text(value_text, x, value_y, color=(0, 0, 0), background=SELECTED, style="bold", alignment="center")
                plt.text(source_text, x, source_y, color=(0, 0, 0), background=colour, alignment="center")
            else:
                plt.text(value_text, x, value_y, color=colour, style="bold", alignment="center")
                plt.text(source_text, x, source_y, color=colour, alignment="center")
        plt.yticks(ticks, [f"{t:g}" for t in ticks])
        plt.xticks([c for c, _ in centres], [one_line(label) for _, label in centres])
        return super().render()
