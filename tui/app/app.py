"""The borderbrief app: composes screens, owns the backend, reloads on change. Thin on purpose."""

from __future__ import annotations

import threading
import time

from textual import work
from textual.app import App
from textual.binding import Binding

from .backend import Backend, SyncReport
from .richtext import pane_title
from ..safetext import one_line, visible
from .commands import BriefingCommands
from .indexprogress import IndexProgress
from ..measures import chartable_measures
from .screens.help import HelpScreen, keys_here
from .screens.main import MainScreen
from .filemonitor import monitor_workspace_files
from .worker_failures import ReportsWorkerFailures

# Screens other than the main one are imported when first opened: the app is interactive
# sooner, and the charting library loads only for pictures.


class BorderbriefApp(ReportsWorkerFailures, App[None]):
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

    # -- background work ----------------------------------------------------------------------
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

    @work(thread=True, exclusive=True, exit_on_error=False, group="watches")
    def count_unseen_in_watches(self) -> None:
        """Count, without marking them seen, the articles each watch has not seen yet."""
        try:
            reports = self.backend.watch_reports(mark=False)
        except Exception as err:  # an unreadable watches file must not stop the app
            self.call_from_thread(self.notify, f"Watches: {err}", severity="warning")
            return
        self.call_from_thread(self._show_unseen_in_watches, {r.watch.name: len(r.new) for r in reports})

    def _show_unseen_in_watches(self, news: dict[str, int]) -> None:
        grown = [name for name, n in news.items() if n > self.unseen_in_watches.get(name, 0)]
        self.unseen_in_watches = news
        total = sum(news.values())
        self.main.query_one("#entities").border_subtitle = pane_title(f"{total} new in watches: W" if total else "")
        for name in grown:
            self.notify(f"Watch '{name}': {news[name]} new article(s) — press W", title="New matches", timeout=6)

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

    # -- navigation used by links, the palette and screens -----------------------------------------
    def _to_main(self) -> MainScreen:
        while not isinstance(self.screen, MainScreen):
            self.pop_screen()
        return self.main

    def action_open_entity(self, entity_id: str) -> None:
        self.open_entity(entity_id)

    def action_open_claim(self, claim_id: str) -> None:
        self._to_main().open_claim(claim_id)

    def open_entity(self, entity_id: str) -> None:
        self._to_main().open_entity(entity_id)

    def open_article(self, article_id: str) -> None:
        self._to_main().open_article(article_id)

    def search_again(self, query: str) -> None:
        """A query asked before (the palette's Recent:), in the search box with its results."""
        self._to_main().run_query(query)

    def open_coverage(self) -> None:
        from .screens.coverage import CoverageScreen

        self._to_main()
        self.push_screen(CoverageScreen(self.backend.briefing),
                         lambda article_id: self.main.open_article(article_id) if article_id else None)

    def open_crossings(self) -> None:
        from .screens.crossings import CrossingBoardScreen

        self._to_main()
        self.push_screen(CrossingBoardScreen(self.backend.briefing),
                         lambda site_id: self.main.open_entity(site_id) if site_id else None)

    def open_inbox(self, article_id: str) -> None:
        from .screens.inbox import InboxScreen

        self.push_screen(InboxScreen(self.backend, article_id))

    def open_add_dialog(self) -> None:
        from .screens.add_dialog import AddDialog

        self.push_screen(AddDialog(), lambda path: self.add_article(path) if path else None)

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

    def save_watch(self, query: str) -> None:
        from .backend import WatchError
        from .screens.watches import SaveWatchDialog

        dialog = SaveWatchDialog(query)

        def named(name: str | None) -> None:
            if not name:
                return
            try:
                self.backend.watches.add(name, query)
            except WatchError as err:
                self.notify(str(err), severity="error")
                return
            self.notify(f"Watching '{name}': {query}", title="Watch saved")
            self.count_unseen_in_watches()

        self.push_screen(dialog, named)

    def open_watches(self) -> None:
        from .screens.watches import WatchesScreen

        self._to_main()
        try:
            reports = self.backend.watch_reports(mark=False)
        except Exception as err:
            self.notify(f"Watches: {err}", severity="error")
            return

        def chosen(name: str | None) -> None:
            if not name:
                return
            report = next(r for r in reports if r.watch.name == name)
            self.backend.watch_reports(mark=True, names=[name])
            self.main.run_query(report.watch.query)
            self.count_unseen_in_watches()

        self.push_screen(WatchesScreen(reports), chosen)

    def delete_watch(self, name: str) -> None:
        self.backend.watches.remove(name)
        self.count_unseen_in_watches()

    def open_dispute(self, dispute_id: str) -> None:
        self.open_compare(dispute=dispute_id)

    def open_compare(self, entity: str | None = None, dispute: str | None = None) -> None:
        from .screens.compare import CompareScreen

        self._to_main()
        # Compare opens sources over itself (SourceScreen), so it returns nothing to act on.
        self.push_screen(CompareScreen(self.backend, entity=entity, dispute=dispute))

    def compare_articles(self, left: str, right: str) -> None:
        from ..compare import compare_articles
        from .screens.pair import PairScreen

        briefing = self.backend.briefing
        self.push_screen(PairScreen(briefing, compare_articles(briefing, left, right)))

    def action_compare(self) -> None:
        self.open_compare()

    def show_problems(self) -> None:
        from .screens.problems import ProblemsScreen

        self.push_screen(ProblemsScreen(self.backend.briefing.workspace.problems, self.backend.briefing.root))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(keys_here(self.screen)))

    # -- pictures: map, timeline, figures chart ----------------------------------------------------
    def open_map(self) -> None:
        """The map, with the selected entity highlighted and the sites the current search
        (or entity filter) turns up emphasised. Enter there opens a site's brief."""
        from ..geo import emphasised_places
        from .screens.map import MapScreen

        main = self._to_main()
        briefing = self.backend.briefing
        searching = f"the results for “{main.query_text.strip()}”" if main.query_text.strip() else ""
        if not searching and main.entity in briefing.briefs:
            searching = f"articles that mention {briefing.briefs[main.entity].name}"
        emphasis: frozenset[str] = frozenset()
        if searching:
            hits = main.results.hits
            emphasis = emphasised_places(briefing, [h.article_id for h in hits if h.kind == "article"],
                                         [h.brief_id for h in hits if h.kind == "claim" and h.brief_id])

        def chosen(place_id: str | None) -> None:
            if place_id:
                self.open_entity(place_id)

        self.push_screen(MapScreen(briefing, selected=main.entity, emphasis=emphasis, searching=searching), chosen)

    def open_timeline(self, claim: str | None = None, entity: str | None = None) -> None:
        from .screens.timeline import TimelineScreen

        self._to_main()
        self.push_screen(TimelineScreen(self.backend.briefing, claim=claim, entity=entity), self._open_source)

    def open_chart(self, measure: str | None = None, related: list[str] | None = None, context: str = "") -> None:
        """The figures chart (over whichever screen is showing: escape comes back to it)."""
        from .screens.chart import ChartScreen

        if not chartable_measures(self.backend.briefing):
            self.notify("No measure is quantified by two or more claims yet", severity="warning")
            return
        self.push_screen(ChartScreen(self.backend.briefing, measure=measure, related=related, context=context),
                         self._open_source)

    def _open_source(self, choice) -> None:
        if choice:
            article_id, span = choice
            self._to_main().open_article(article_id, focus=span)
