"""Watching corpus/ and briefs/ for changes, so curation shows up while the app runs."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from watchfiles import watch


def watch_workspace(root: Path, on_change: Callable[[set[str]], None], stop: threading.Event) -> None:
    """Block, calling on_change(paths) after each batch of changes, until `stop` is set."""
    folders = [str(p) for p in (root / "corpus", root / "briefs") if p.is_dir()]
    if not folders:
        return
    for changes in watch(*folders, stop_event=stop, debounce=400, step=100, recursive=True,
                         raise_interrupt=False):
        paths = {path for _, path in changes if not Path(path).name.startswith((".", "~")) and not path.endswith("~")}
        if paths:
            on_change(paths)
