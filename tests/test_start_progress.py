"""The first open of a large workspace says how far it is on the terminal, then clears it."""

from __future__ import annotations

import io
import os

import pytest

from tui.app.startprogress import StartProgress
from tui.loadcache import load_briefing


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("stream, seconds, shown", [
    pytest.param(Terminal, 2.0, True, id="a-long-load-on-a-terminal-is-shown-then-cleared"),
    pytest.param(Terminal, 0.2, False, id="a-short-load-says-nothing"),
    pytest.param(io.StringIO, 2.0, False, id="not-a-terminal-says-nothing"),
])
def test_the_progress_line(stream, seconds, shown):
    out, clock = stream(), Clock()
    with StartProgress(out, clock=clock) as progress:
        for done in range(0, 1001, 100):
            clock.now = seconds * done / 1000
            progress("reading", done, 1000)
        clock.now += seconds / 10
        progress("names", 500, 1000)
    text = out.getvalue()
    assert ("reading articles" in text and "finding names in articles 500 of 1,000" in text) == shown
    assert text.endswith("\r\x1b[2K") == shown
    assert bool(text) == shown


def test_a_first_load_reports_each_stage_up_to_its_total(small_workspace, tmp_path):
    for path in small_workspace.rglob("*"):  # edited a minute ago: a snapshot is written only then
        if path.is_file():
            stat = path.stat()
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - 60 * 10**9))
    heard: list[tuple[str, int, int]] = []
    load_briefing(small_workspace, tmp_path / "cache", progress=lambda *report: heard.append(report))
    stages = [stage for stage, _, _ in heard]
    assert stages[0] == "reading" and "names" in stages
    assert all(done < total for _, done, total in heard)
    heard.clear()
    load_briefing(small_workspace, tmp_path / "cache", trust_snapshot=True, progress=lambda *r: heard.append(r))
    assert heard == []  # from the snapshot: nothing read, nothing to say
