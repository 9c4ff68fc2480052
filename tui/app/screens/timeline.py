"""The timeline screen: every dated claim and publication, and the selected one's claim,
value and quote below. Enter opens the source at the quote (in the main screen's reader)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from ...briefing import Briefing
from ...timeline import PUBLISHED_LANE, Event, build_timeline, source_name
from ..richtext import DIM, QUOTE, date_with_precision, pane_title, safe, safe_line
from ..widgets.timeline_view import TimelineView
from .picture import PictureScreen


class TimelineScreen(PictureScreen[tuple[str, tuple[int, int] | None] | None]):
    """Dismissed with (article id, quote span) to open, or None."""

    CSS_PATH = "timeline.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]

    def __init__(self, briefing: Briefing, *, claim: str | None = None, entity: str | None = None,
                 by: str = "site") -> None:
        super().__init__()
        self.briefing = briefing
        timeline = build_timeline(briefing)
        selected = timeline.find(claim) if claim else None
        if selected is None and entity:
            lane = next((lane for lane in timeline.lanes(by) if lane.key == entity and lane.events), None)
            selected = lane.events[0] if lane else None
        self.view = TimelineView(timeline, by=by, selected=selected, id="timeline")

    def compose(self) -> ComposeResult:
        yield self.view
        with VerticalScroll(id="timeline-detail-box"):
            yield Static(id="timeline-detail")
        yield Footer()

    @on(TimelineView.Selected)
    def _selected(self, event: TimelineView.Selected) -> None:
        self.update()

    @on(TimelineView.Opened)
    def _opened(self, event: TimelineView.Opened) -> None:
        chosen = event.event
        claim = self.briefing.claims.get(chosen.claim_id) if chosen.claim_id else None
        if chosen.article_id not in self.briefing.articles:
            self.notify(f"The source '{chosen.article_id}' is not in the corpus", severity="error")
            return
        self.dismiss((chosen.article_id, claim.quote_span if claim else None))

    def update(self) -> None:
        view = self.view
        lanes = view.lanes
        events = len(build_timeline(self.briefing).events)
        mode = "site (the brief a claim belongs to)" if view.by == "site" else "source"
        zoom = f" · zoom ×{2 ** view.zoom}" if view.zoom else ""
        view.border_title = pane_title(f"Timeline · {events} dated events · {len(lanes)} lanes by {mode}{zoom}")
        rows = max(1, view.size.height - 2)
        if len(lanes) > rows and view.size.height:
            first = view.first_lane
            view.border_subtitle = pane_title(f"lanes {first + 1}–{min(len(lanes), first + rows)} of {len(lanes)} · up/down scrolls")
        else:
            view.border_subtitle = ""
        self.query_one("#timeline-detail", Static).update(self._detail(view.selected))

    def _detail(self, event: Event | None) -> Text:
        if event is None:
            return Text("No dated claims or articles yet: claims get a date with `as_of`.", style=DIM)
        briefing = self.briefing
        article = briefing.articles.get(event.article_id)
        text = Text()
        text.append(date_with_precision(event.date), style="bold")
        lane = self.view.lanes[self.view.lane_index] if self.view.lanes else None
        if lane is not None and lane.key != PUBLISHED_LANE:
            text.append(" · ")
            text.append_text(safe_line(lane.title, "bold cyan"))
        if event.kind == "published":
            text.append("\nPublished: ", style=DIM)
            text.append_text(safe_line(source_name(article, 60), "cyan"))
            text.append("\n")
            text.append_text(safe_line(article.title if article else event.article_id, "bold"))
            if article and article.published_note:
                text.append("\n")
                text.append_text(safe_line(article.published_note, DIM, limit=300))
            text.append("\nenter", style="bold")
            text.append(" opens the article", style=DIM)
            return text
        claim = briefing.claims.get(event.claim_id or "")
        if claim is None:
            return text
        text.append("\n")
        text.append_text(safe_line(claim.says, "italic"))
        value = claim.value_text()
        if value:
            text.append("\nvalue ", style=DIM)
            text.append_text(safe_line(value, "bold yellow"))
        text.append("\n“")
        text.append_text(safe(" ".join(claim.quote.split()), QUOTE))
        text.append("”\n")
        published = article.published.iso() if article and article.published else "undated"
        text.append_text(safe_line(f"{source_name(article, 60)}, {published}", "cyan"))
        text.append(f"  [{claim.id}]", style=DIM)
        text.append("\nenter", style="bold")
        text.append(" opens the source at the quote", style=DIM)
        return text
