"""The borderbrief app: owns the backend, composes the screens. Thin on purpose."""

from __future__ import annotations

import threading

from textual.app import App
from textual.binding import Binding

from ..safetext import one_line, visible
from .backend import Backend
from .commands import BriefingCommands
from .navigation import Navigation
from .screens.main import MainScreen
from .upkeep import KeepsWorkspaceCurrent
from .watching import WatchesInApp
from .worker_failures import ReportsWorkerFailures


class BorderbriefApp(ReportsWorkerFailures, KeepsWorkspaceCurrent, WatchesInApp, Navigation, App[None]):
    """The app: the backend, the main screen, toasts. What it does in the background
    (upkeep.py), with watches (watching.py) and when a screen is asked for (navigation.py)
    is in the modules named."""

    TITLE = "borderbrief"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {BriefingCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, backend: Backend, *, monitor_files: bool = True) -> None:
        super().__init__()
        self.backend = backend
        self._monitor_files = monitor_files
        self._stop_monitoring = threading.Event()
        self.file_monitor_ready = threading.Event()  # set once a file change would be seen
        self.unseen_in_watches: dict[str, int] = {}  # saved search name -> articles it has not seen

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = True) -> None:
        """Every toast of the app and its screens ends here (Widget.notify calls App.notify).

        Toasts often quote a title, a citation or a watch name, so a message is never read
        as markup (`[@click=app.screenshot(…)]` in a title would run when the toast is
        clicked), whatever the caller asks, and its control characters are made visible.
        """
        super().notify(visible(str(message)), title=one_line(str(title)), severity=severity, timeout=timeout,
                       markup=False)

    def report_worker_failure(self, worker) -> None:
        """A background job failed: say which and why, and keep the app running."""
        what = (worker.name or "background work").replace("_", " ")
        error = worker.error
        reason = f"{type(error).__name__}: {error}" if error is not None else "unknown error"
        self.notify(f"{what} failed — {reason}", title="Background work failed", severity="error", timeout=8)

    def on_mount(self) -> None:
        self.push_screen(MainScreen(self.backend))
        notice = getattr(self.backend, "notice", None)
        if notice:
            self.notify(notice, severity="warning", timeout=8)
        problems = len(self.backend.briefing.workspace.problems)
        if problems:
            self.notify(f"{problems} problem(s) in the corpus or briefs: press p to see them",
                        severity="warning", timeout=6)
        self.sync_index()
        if self._monitor_files:
            self.start_file_monitor()

    def on_unmount(self) -> None:
        self._stop_monitoring.set()

    @property
    def main(self) -> MainScreen:
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))


