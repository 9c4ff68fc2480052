"""A plotext canvas addressed in terminal cells, the ground the map, the timeline and the
figures chart are painted on."""

from __future__ import annotations

from textual_plotext import PlotextPlot


class CellCanvas(PlotextPlot):
    """x is the column and y the row counted from the bottom, so a point given in cells lands
    exactly in its cell; no frame, axes or ticks but what the picture draws itself."""

    def blank(self):
        """The canvas cleared, in the app's theme, with no frame, axes or ticks: plotext's
        drawing calls, ready for a picture."""
        plt = self.plt
        plt.clear_figure()
        # The theme first: text drawn before it would take the default (white) background.
        plt.theme(self._get_plotext_theme_name(self.app.theme))
        plt.frame(False)
        plt.xaxes(False, False)
        plt.yaxes(False, False)
        plt.xticks([])
        plt.yticks([])
        return plt

    def cells(self, width: int, height: int):
        """The blank canvas with one unit per cell, `width` × `height`: (plotext, top row's y)."""
        plt = self.blank()
        plt.xlim(0, max(1, width - 1))
        plt.ylim(0, max(1, height - 1))
        return plt, height - 1
