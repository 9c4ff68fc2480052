"""The Textual app. UI modules never import whoosh or yaml: they go through the Backend.

`make_app` is the one way the app is built, by the CLI and by the tests alike; importing
this package does not import Textual (the CLI's commands never load it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .app import BorderbriefApp


def make_app(root: Path, index_dir: Path | None = None, *, monitor_files: bool = True) -> "BorderbriefApp":
    """The app over the workspace at `root`, its index in `index_dir` (None: the user's cache
    dir). monitor_files=False leaves the files unmonitored (tests that edit files drive the
    reload)."""
    from .app import BorderbriefApp
    from .backend import EngineBackend

    return BorderbriefApp(EngineBackend(root, index_dir), monitor_files=monitor_files)


def run_app(root: Path, index_dir: Path | None = None) -> None:
    """Open the app on the workspace at `root` and run it until the user quits."""
    make_app(root, index_dir).run()
