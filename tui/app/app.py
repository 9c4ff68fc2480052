"""The borderbrief app: composes screens, owns the backend, reloads on change. Thin on purpose."""

from __future__ import annotations

import threading

from textual import work
from textual.app import App
from textual.binding import Binding

from .backend import Backend
from .commands import BriefingCommands
from ..compare import compare_articles
from ..geo import emphasised_places
from .screens.chart import ChartScreen
from .screens.compare import CompareScreen
from .screens.help import HelpScreen
from .screens.pair import PairScreen
from .screens.main import MainScreen
from .screens.map import MapScreen
from .screens.problems import ProblemsScreen
from .screens.timeline import TimelineScreen
from .watcher import watch_workspace


class BorderbriefApp(App[None]):
    TITLE = "borderbrief"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {BriefingCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, backend: Backend, *, watch: bool = True) -> None:
        super().__init__()
        self.backend = backend
        self._watch = watch
        self._stop_watching = threading.Event()

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
        if self._watch:
            self.watch_files()

    def on_unmount(self) -> None:
        self._stop_watching.set()

    @property
    def main(self) -> MainScreen:
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    # -- background work ----------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="index")
    def sync_index(self) -> None:
        def progress(done: int, total: int) -> None:
            if done == total or done % 250 == 0:
                self.call_from_thread(self._show_progress, done, total)

        report = self.backend.sync(progress)
        self.call_from_thread(self._index_synced, report)

    def _show_progress(self, done: int, total: int) -> None:
        self.main.query_one("#results").border_subtitle = f"indexing {done:,}/{total:,}"

    def _index_synced(self, report) -> None:
        main = self.main
        main.query_one("#results").border_subtitle = ""
        if report.rebuilt and len(report.added) > 5000:
            self.notify(f"Index built: {len(report.added):,} documents", timeout=3)
        if main.query_text.strip():
            main.run_search(main.query_text, main.entity)

    def watch_files(self) -> None:
        # A plain daemon thread, not a worker: it runs for the app's whole life and must
        # neither hold up exit nor count as unfinished work.
        def changed(paths: set[str]) -> None:
            if self.is_running:
                self.call_from_thread(self.reload_workspace, paths)

        threading.Thread(target=watch_workspace, args=(self.backend.briefing.root, changed, self._stop_watching),
                         name="borderbrief-watch", daemon=True).start()

    @work(thread=True, exclusive=True, group="reload")
    def reload_workspace(self, paths: set[str] | None = None) -> None:
        report = self.backend.reload()
        self.call_from_thread(self._reloaded, report)

    def _reloaded(self, report) -> None:
        self.main.refresh_workspace()
        synced = report.sync.changed if report.sync else 0
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

    def open_dispute(self, dispute_id: str) -> None:
        self.open_compare(dispute=dispute_id)

    def open_compare(self, entity: str | None = None, dispute: str | None = None) -> None:
        self._to_main()

        def opened(choice) -> None:
            if choice:
                article_id, span = choice
                self.main.open_article(article_id, focus=span)

        self.push_screen(CompareScreen(self.backend, entity=entity, dispute=dispute), opened)

    def compare_articles(self, left: str, right: str) -> None:
        briefing = self.backend.briefing
        self.push_screen(PairScreen(briefing, compare_articles(briefing, left, right)))

    def action_compare(self) -> None:
        self.open_compare()

    def show_problems(self) -> None:
        self.push_screen(ProblemsScreen(self.backend.briefing.workspace.problems, self.backend.briefing.root))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    # -- pictures: map, timeline, figures chart ----------------------------------------------------
    def open_map(self) -> None:
        """The map, with the selected entity highlighted and the sites the current search
        (or entity filter) turns up emphasised. Enter there opens a site's brief."""
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
        self._to_main()
        self.push_screen(TimelineScreen(self.backend.briefing, claim=claim, entity=entity), self._open_source)

    def open_chart(self, measure: str | None = None, related: list[str] | None = None, context: str = "") -> None:
        """The figures chart (over whichever screen is showing: escape comes back to it)."""
        if not self.backend.briefing.measures:
            self.notify("No measure is quantified by two or more claims yet", severity="warning")
            return
        self.push_screen(ChartScreen(self.backend.briefing, measure=measure, related=related, context=context),
                         self._open_source)

    def _open_source(self, choice) -> None:
        if choice:
            article_id, span = choice
            self._to_main().open_article(article_id, focus=span)
