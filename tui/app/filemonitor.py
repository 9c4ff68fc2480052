"""Monitoring corpus/ and briefs/ for file changes, so curation shows up while the app runs.

(Not to be confused with watches, the saved searches of tui/watches.py.)
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from watchfiles import watch

# watchfiles wakes this often when nothing changes; its first wake-up (or first batch of
# changes) is the moment the folders are known to be monitored.
_IDLE_WAKE_MS = 250


def monitor_workspace_files(root: Path, on_change: Callable[[set[str]], None], stop: threading.Event,
                            ready: threading.Event | None = None) -> None:
    """Block, calling on_change(paths) after each batch of changes, until `stop` is set.
    `ready` is set once the folders are being monitored (a change from then on is seen)."""
    folders = [str(p) for p in (root / "corpus", root / "briefs") if p.is_dir()]
    if not folders:
        return
    for changes in watch(*folders, stop_event=stop, debounce=400, step=100, recursive=True,
                         raise_interrupt=False, rust_timeout=_IDLE_WAKE_MS, yield_on_timeout=True):
        if ready is not None:
            ready.set()
        paths = {path for _, path in changes if not Path(path).name.startswith((".", "~")) and not path.endswith("~")}
        if paths:
            on_change(paths)
