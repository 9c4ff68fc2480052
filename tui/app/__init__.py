"""The Textual app. UI modules never import whoosh or yaml: they go through the Backend.

`make_app` is the one way the app is built, by the CLI and by the tests alike; importing
this package does not import Textual (the CLI's commands never load it).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from .app import BorderbriefApp


def make_app(root: Path, index_dir: Path | None = None, *, monitor_files: bool = True,
             progress: "Callable[[str, int, int], None] | None" = None) -> "BorderbriefApp":
    """The app over the workspace at `root`, its index in `index_dir` (None: the user's cache
    dir). monitor_files=False leaves the files unmonitored (tests that edit files drive the
    reload); `progress(stage, done, total)` hears how the first load goes when it reads
    the files (no snapshot of an earlier load yet)."""
    from .app import BorderbriefApp
    from .backend import EngineBackend

    return BorderbriefApp(EngineBackend(root, index_dir, progress), monitor_files=monitor_files)


def run_app(root: Path, index_dir: Path | None = None) -> None:
    """Open the app on the workspace at `root` and run it until the user quits. A first open
    of a large workspace reads every file before the first screen: that is said on the
    terminal as it goes, not left blank."""
    from .startprogress import StartProgress

    with StartProgress(sys.stderr) as progress:
        app = make_app(root, index_dir, progress=progress)
    app.run()
