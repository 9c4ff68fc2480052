"""One place that reports a background job's failure: as a toast, never an exit.

Every worker in the app runs with `exit_on_error=False`, so an unexpected exception in a
search, a reload or a sync leaves the app running. Textual posts `Worker.StateChanged` to
the node that started the worker and does not bubble it, so the app and each screen that
starts workers mix this in; all of them hand the failure to `App.report_worker_failure`.
"""

from __future__ import annotations

from textual.worker import Worker, WorkerState


class ReportsWorkerFailures:
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.app.report_worker_failure(event.worker)  # type: ignore[attr-defined]
