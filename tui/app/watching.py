"""Watches (saved searches) in the app: how many articles each has not seen, saving one,
choosing one to run, deleting one."""

from __future__ import annotations

from textual import work

from .richtext import pane_title


class WatchesInApp:
    """Part of BorderbriefApp: its watches."""

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
