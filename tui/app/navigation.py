"""Where links, the palette and screens lead: back to the main screen with an entity, an
article or a query, and every other screen (coverage, crossings, inbox, add, compare,
problems, help, the map, the timeline, the figures chart). Screens other than the main one
are imported when first opened: the app is interactive sooner, and the charting library
loads only for pictures."""

from __future__ import annotations

from ..measures import chartable_measures
from .screens.help import HelpScreen, keys_here
from .screens.main import MainScreen


class Navigation:
    """Part of BorderbriefApp: opening screens and coming back."""

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
