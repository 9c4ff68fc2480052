"""A one-line indexing progress bar shown just above the footer while the index is written.

Search keeps working meanwhile (it reads what is already committed), so the line says so.
"""

from __future__ import annotations

import time

from rich.text import Text
from textual.widgets import Static

from .richtext import DIM


class IndexProgress(Static):
    DEFAULT_CSS = """
    IndexProgress {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text;
    }
    """
    WIDTH = 24  # cells of the bar

    def __init__(self, **kwargs) -> None:
        super().__init__("", **kwargs)
        self._started: float | None = None
        self._first_done = 0
        self.line = Text()

    def show_progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if self._started is None or done < self._first_done:
            self._started, self._first_done = now, done
        elapsed = now - self._started
        rate = (done - self._first_done) / elapsed if elapsed > 0.2 else None
        filled = int(self.WIDTH * done / total) if total else self.WIDTH
        line = Text()
        line.append("indexing ", style="bold")
        line.append("█" * filled, style="bold")
        line.append("░" * (self.WIDTH - filled), style=DIM)
        line.append(f" {done:,}/{total:,} documents")
        if rate:
            line.append(f" · {rate:,.0f} docs/s")
        if done >= total:
            line.append(" · writing the last segments", style=DIM)
        line.append(" · search covers what is indexed so far", style=DIM)
        self.line = line
        self.update(line)
        self.display = True

    def finish(self) -> None:
        self._started = None
        self.display = False
