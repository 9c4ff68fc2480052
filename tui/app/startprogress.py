"""A line on the terminal while the app's first load reads a large workspace (before the
first screen exists): "borderbrief: reading articles 12,000 of 50,005", then finding names,
then gone. Nothing is printed for a load that ends within half a second, nor when the
stream is not a terminal."""

from __future__ import annotations

import time
from typing import TextIO

STAGES = {"reading": "reading articles", "names": "finding names in articles"}
QUIET_SECONDS = 0.5  # loads shorter than this say nothing
EVERY_SECONDS = 0.1  # at most ten redraws a second


class StartProgress:
    def __init__(self, stream: TextIO, *, clock=time.monotonic) -> None:
        self.stream = stream
        self.clock = clock
        self.started = clock()
        self.drawn_at = 0.0
        self.shown = False
        self.live = stream.isatty() if hasattr(stream, "isatty") else False

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = self.clock()
        if not self.live or now - self.started < QUIET_SECONDS or now - self.drawn_at < EVERY_SECONDS:
            return
        self.drawn_at, self.shown = now, True
        self.stream.write(f"\r\x1b[2Kborderbrief: {STAGES.get(stage, stage)} {done:,} of {total:,}")
        self.stream.flush()

    def __enter__(self) -> "StartProgress":
        return self

    def __exit__(self, *exc) -> None:
        if self.shown:
            self.stream.write("\r\x1b[2K")  # the line goes: the app's screen comes next
            self.stream.flush()
