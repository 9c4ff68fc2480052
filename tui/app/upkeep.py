"""Keeping the app's workspace and index current: the sync at start (after checking the
snapshot the first screen came from), its progress line, reloads when files change (the
file monitor) and after `add`."""

from __future__ import annotations

import threading
import time

from textual import work

from .backend import SyncReport
from .filemonitor import monitor_workspace_files
from .indexprogress import IndexProgress


class KeepsWorkspaceCurrent:
    """Part of BorderbriefApp: its background upkeep of the workspace and the index."""

    @work(thread=True, exclusive=True, exit_on_error=False, group="index")
    def sync_index(self) -> None:
        def progress(done: int, total: int) -> None:
            if done == total or done % 250 == 0:
                self.call_from_thread(self._show_progress, done, total)

        # The first screen may come from the parse cache's snapshot: check it before syncing.
        revalidate = getattr(self.backend, "revalidate", None)
        reloaded = revalidate() if revalidate is not None else None
        if reloaded is not None:
            self.call_from_thread(self._reloaded, reloaded)
            self.call_from_thread(self._index_synced, reloaded.sync or SyncReport())
            return
        report = self.backend.sync(progress)
        self.call_from_thread(self._index_synced, report)

    def _show_progress(self, done: int, total: int) -> None:
        self._index_progress().show_progress(done, total)
        # A first build commits in steps: search again now and then, to show what is indexed.
        main, now = self.main, time.monotonic()
        if main.query_text.strip() and now - getattr(self, "_searched_during_sync", 0.0) > 3.0:
            self._searched_during_sync = now
            main.run_search(main.query_text, main.entity)

    def _index_progress(self) -> IndexProgress:
        """The progress line just above the main screen's footer (mounted on first use)."""
        main = self.main
        found = main.query(IndexProgress)
        if found:
            return found.first()
        bar = IndexProgress(id="index-progress")
        main.mount(bar, after=main.query_one("#panes"))
        return bar

    def _index_synced(self, report) -> None:
        main = self.main
        for bar in main.query(IndexProgress):
            bar.finish()
        if report.rebuilt and len(report.added) > 5000:
            self.notify(f"Index built: {len(report.added):,} documents", timeout=3)
        if main.query_text.strip():
            main.run_search(main.query_text, main.entity)
        self.count_unseen_in_watches()

    def start_file_monitor(self) -> None:
        # A plain daemon thread, not a worker: it runs for the app's whole life and must
        # neither hold up exit nor count as unfinished work.
        def changed(paths: set[str]) -> None:
            if self.is_running:
                self.call_from_thread(self.reload_workspace, paths)

        threading.Thread(target=monitor_workspace_files, args=(self.backend.briefing.root, changed, self._stop_monitoring, self.file_monitor_ready),
                         name="borderbrief-file-monitor", daemon=True).start()

    @work(thread=True, exclusive=True, exit_on_error=False, group="reload")
    def reload_workspace(self, paths: set[str] | None = None, announce: bool = True) -> None:
        report = self.backend.reload()
        self.call_from_thread(self._reloaded, report, announce)

    def _reloaded(self, report, announce: bool = True) -> None:
        self.main.refresh_workspace()
        article_id = getattr(self, "_inbox_after_reload", None)
        if article_id and article_id in self.backend.briefing.articles:
            self._inbox_after_reload = None
            self.open_inbox(article_id)
        self.count_unseen_in_watches()
        synced = report.sync.changed if report.sync else 0
        if not announce and not report.problems:
            return  # the caller has said what changed (e.g. "Added …")
        if not (report.articles_changed or report.briefs_changed or synced or report.problems):
            return  # e.g. the file monitor seeing an add that was already reloaded: nothing to say
        message = f"Reloaded: {report.articles_changed} article(s), {report.briefs_changed} brief(s) changed; {synced} index document(s) updated"
        if report.problems:
            message += f"; {report.problems} problem(s) (p)"
        self.notify(message, severity="warning" if report.problems else "information", timeout=4)

    @work(thread=True, exclusive=True, exit_on_error=False, group="add")
    def add_article(self, path) -> None:
        from .backend import IngestError

        try:
            added = self.backend.add_file(path)
        except IngestError as err:
            self.call_from_thread(self.notify, str(err), title="Not added", severity="error", markup=False)
            return
        if added.article_id is None:
            self.call_from_thread(self.notify, f"Already in the corpus as {added.duplicate_of}", title="Not added again")
            return
        self.call_from_thread(self.notify, f"Added {added.article_id}", title="Article added")
        self._inbox_after_reload = added.article_id  # the curator's inbox opens on the reloaded workspace
        self.call_from_thread(self.reload_workspace, None, False)
