"""The timeline picture's engine: every dated event (a claim's `as_of`, an article's
publication) on one axis of years, in lanes per site (the brief a claim belongs to) or per
source (the article it comes from), and where each goes on a grid of terminal cells.

Dates are PartialDates: a year-only or month-only date covers a span and is drawn from its
start, so ordering is the PartialDate ordering (2022-09 before 2022-09-01 before 2022-10-01).
Nothing here draws; the app's timeline widget paints a TimelineLayout.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass, field
from .dates import PartialDate
from .model import Article, Claim
from .briefing import Briefing, per_briefing
from .safetext import one_line

MODES = ("site", "source")
PUBLISHED_LANE = "published"
ZOOM_MAX = 6
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def source_name(article: Article | None, limit: int = 28) -> str:
    """What to call a source in a picture: its outlet, else the start of its title."""
    if article is None:
        return "unknown source"
    if article.outlet:
        return one_line(article.outlet, limit)
    return one_line(article.title, limit)


def year_fraction(date: dt.date) -> float:
    """A date as a fractional year: 2022-07-02 → about 2022.5."""
    days = 366 if calendar.isleap(date.year) else 365
    return date.year + (date.timetuple().tm_yday - 1) / days


@dataclass(frozen=True)
class Event:
    date: PartialDate
    kind: str  # "claim" | "published"
    article_id: str
    claim_id: str | None = None
    brief_id: str | None = None
    text: str = ""  # a short label: the value, else what the claim says, else the title

    @property
    def start(self) -> float:
        return year_fraction(self.date.start)

    @property
    def end(self) -> float:
        """End of the span the date covers (a year-only date covers the whole year)."""
        return year_fraction(self.date.end + dt.timedelta(days=1)) if self.date.precision != "day" else self.start

    def sort_key(self) -> tuple:
        return (self.date.sort_key(), self.kind == "published", self.article_id, self.claim_id or "")


@dataclass
class Lane:
    key: str  # brief id, article id, or PUBLISHED_LANE
    title: str
    kind: str  # site | actor | source | published
    events: list[Event] = field(default_factory=list)


@dataclass
class Timeline:
    events: list[Event]  # every dated event, in date order
    by_site: list[Lane]
    by_source: list[Lane]

    def lanes(self, by: str = "site") -> list[Lane]:
        return self.by_site if by == "site" else self.by_source

    @property
    def span(self) -> tuple[float, float]:
        """First start and last end, as fractional years."""
        if not self.events:
            year = dt.date.today().year
            return float(year), float(year + 1)
        return min(e.start for e in self.events), max(e.end for e in self.events)

    def find(self, claim_id: str) -> Event | None:
        return next((e for e in self.events if e.claim_id == claim_id), None)


def event_text(claim: Claim) -> str:
    """The label of a claim on the timeline: its value when that is a status or a figure; what
    it says when the value is only the year it is about."""
    value = claim.value_text()
    if value and claim.unit not in ("year", "date"):
        return one_line(value)
    return one_line(claim.says)


@per_briefing
def build_timeline(briefing: Briefing) -> Timeline:
    """Every dated claim and publication, in lanes: once per load."""
    events: list[Event] = []
    for claim in briefing.claims.values():
        if claim.as_of is None:
            continue
        events.append(Event(claim.as_of, "claim", claim.source, claim.id, claim.brief_id, event_text(claim)))
    for article in briefing.articles.values():
        if article.published is not None:
            events.append(Event(article.published, "published", article.id, text=source_name(article)))
    events.sort(key=Event.sort_key)

    by_brief: dict[str, list[Event]] = {}
    by_article: dict[str, list[Event]] = {}
    published: list[Event] = []
    for event in events:
        if event.kind == "published":
            published.append(event)
        else:
            by_brief.setdefault(event.brief_id or "", []).append(event)
        by_article.setdefault(event.article_id, []).append(event)

    site_lanes = []
    for brief_id, found in by_brief.items():
        brief = briefing.briefs.get(brief_id)
        title = one_line(brief.name) if brief else brief_id
        kind = brief.kind if brief else "site"
        site_lanes.append(Lane(brief_id, title, kind, found))
    # Sites before actors; the busiest lanes first (they tell a story); then by first date.
    site_lanes.sort(key=lambda lane: (lane.kind != "site", -len(lane.events), lane.events[0].sort_key(), lane.title))
    if published:
        site_lanes.insert(0, Lane(PUBLISHED_LANE, "Sources published", "published", published))

    source_lanes = []
    for article_id, found in by_article.items():
        article = briefing.articles.get(article_id)
        date = article.published.iso() if article and article.published else "undated"
        source_lanes.append(Lane(article_id, f"{source_name(article, 22)} ({date})", "source", found))
    source_lanes.sort(key=lambda lane: (_published_key(briefing, lane.key), lane.key))
    return Timeline(events, site_lanes, source_lanes)


def _published_key(briefing: Briefing, article_id: str) -> tuple:
    article = briefing.articles.get(article_id)
    return article.published.sort_key() if article and article.published else (9999, 0, 0)


# -- layout ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PlacedEvent:
    event: Event
    lane: int  # index into the lanes
    col: int
    row: int
    end_col: int  # where the span of a partial date ends (== col for a day)
    label: str = ""
    label_col: int = 0


@dataclass
class TimelineLayout:
    width: int
    height: int
    gutter: int  # columns for lane titles, left of the plot
    x0: float  # fractional years at the plot's first and last columns
    x1: float
    first_lane: int
    lane_rows: list[tuple[int, int]]  # (lane index, row) shown
    events: list[PlacedEvent]
    ticks: list[tuple[int, str]]  # (col, text) under the axis
    axis_row: int
    data_end: float = math.inf  # no tick beyond the last event's span

    @property
    def plot_left(self) -> int:
        return self.gutter

    @property
    def plot_right(self) -> int:
        return self.width - 1

    def col_of(self, x: float) -> int:
        span = max(1e-9, self.x1 - self.x0)
        return self.plot_left + round((x - self.x0) / span * (self.plot_right - self.plot_left))

    def placed(self, event: Event) -> PlacedEvent | None:
        return next((p for p in self.events if p.event == event), None)


def visible_range(timeline: Timeline, zoom: int, focus: float | None) -> tuple[float, float]:
    """The years shown at a zoom level (0: everything; each step halves), around `focus`."""
    first, last = timeline.span
    x0, x1 = math.floor(first) - 0.5, math.ceil(last) + 0.5
    x1 += (x1 - x0) * 0.08  # room for the labels of the latest events
    zoom = max(0, min(ZOOM_MAX, zoom))
    if zoom == 0:
        return x0, x1
    span = (x1 - x0) / (2 ** zoom)
    center = focus if focus is not None else (x0 + x1) / 2
    start = min(max(center - span / 2, x0), x1 - span)
    return start, start + span


def layout_timeline(timeline: Timeline, by: str, width: int, height: int, *, zoom: int = 0,
                    focus: float | None = None, first_lane: int = 0) -> TimelineLayout:
    """Lanes as rows (from `first_lane`, as many as fit), the axis at the bottom, events at the
    columns of their dates, and labels that fit before the next event in the lane."""
    lanes = timeline.lanes(by)
    width, height = max(20, width), max(4, height)
    gutter = min(max((len(lane.title) for lane in lanes), default=10) + 2, max(12, width // 4), 30)
    axis_row = height - 2
    rows_for_lanes = max(1, axis_row)
    first_lane = max(0, min(first_lane, max(0, len(lanes) - rows_for_lanes)))
    shown = list(range(first_lane, min(len(lanes), first_lane + rows_for_lanes)))
    lane_rows = [(index, row) for row, index in enumerate(shown)]
    x0, x1 = visible_range(timeline, zoom, focus)
    layout = TimelineLayout(width, height, gutter, x0, x1, first_lane, lane_rows, [], [], axis_row, timeline.span[1])
    layout.ticks = _ticks(layout)
    for index, row in lane_rows:
        placed = []
        for event in lanes[index].events:
            if event.start < x0 - 1e-9 or event.start > x1 + 1e-9:
                continue
            col = layout.col_of(event.start)
            end_col = min(layout.plot_right, max(col, layout.col_of(event.end) - 1))
            placed.append(PlacedEvent(event, index, col, row, end_col))
        layout.events.extend(_label_lane(placed, layout.plot_right, layout.plot_left))
    return layout


def _label_lane(placed: list[PlacedEvent], right: int, left: int) -> list[PlacedEvent]:
    """Label the events of a lane in the room between markers: right of a marker, else left of
    it; short labels (a status, a figure) first, so that long ones take what is left; cut with
    … when needed, none when fewer than four characters fit. Events drawn in the same column
    share one label (the shortest), with "+N" for the others. Labels never overlap each other,
    and keep a blank cell between themselves and any marker."""
    by_col: dict[int, list[PlacedEvent]] = {}
    for p in placed:
        by_col.setdefault(p.col, []).append(p)
    markers = set(by_col)
    used: set[int] = set()  # label cells, with a blank cell either side

    def run(start: int, step: int) -> int:
        """How many free cells from `start` going `step` (+1 right, -1 left)."""
        if (start - step) in markers:
            return 0  # a label keeps a blank cell between itself and any marker
        length, col = 0, start
        while left <= col <= right and col not in used and col not in markers and (col + step) not in markers:
            length += 1
            col += step
        return length

    labelled: dict[int, tuple[str, int]] = {}
    order = sorted(by_col, key=lambda c: (min(len(p.event.text) or 10**6 for p in by_col[c]), c))
    for col in order:
        group = by_col[col]
        best = min(group, key=lambda p: (len(p.event.text) or 10**6, p.event.sort_key()))
        if not best.event.text:
            continue
        more = f" +{len(group) - 1}" if len(group) > 1 else ""
        right_room, left_room = run(col + 2, 1), run(col - 2, -1)
        for text in (best.event.text + more, best.event.text):
            need = len(text)
            if need <= right_room:
                labelled[id(best)] = (text, col + 2)
                break
            if right_room >= 24:  # a long label reads on to the right, cut
                text = best.event.text[: right_room - 1] + "…"
                labelled[id(best)] = (text, col + 2)
                break
            if need <= left_room:
                labelled[id(best)] = (text, col - 1 - need)
                break
        else:
            room = max(right_room, left_room)
            if room < 4:
                continue
            text = best.event.text[: room - 1] + "…"
            labelled[id(best)] = (text, col + 2) if right_room >= left_room else (text, col - 1 - len(text))
        text, start = labelled[id(best)]
        used.update(range(start - 1, start + len(text) + 1))
    out = []
    for p in placed:
        if id(p) in labelled:
            text, start = labelled[id(p)]
            p = PlacedEvent(p.event, p.lane, p.col, p.row, p.end_col, text, start)
        out.append(p)
    return out


def _ticks(layout: TimelineLayout) -> list[tuple[int, str]]:
    """Year ticks (every 1, 2, 5 … years, or months when zoomed in), at least 7 columns apart."""
    plot_width = layout.plot_right - layout.plot_left
    span = max(1e-9, layout.x1 - layout.x0)
    cols_per_year = plot_width / span
    ticks: list[tuple[int, str]] = []
    if cols_per_year >= 7 * 4:  # room for quarters or months
        step = 1 if cols_per_year >= 7 * 12 else 3
        year, month = int(math.floor(layout.x0)), 1
        while True:
            x = year_fraction(dt.date(year, month, 1))
            if x > min(layout.x1, layout.data_end):
                break
            if x >= layout.x0:
                text = str(year) if month == 1 else _MONTHS[month - 1]
                ticks.append((layout.col_of(x), text))
            month += step
            if month > 12:
                year, month = year + 1, month - 12
        return ticks
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 1000) if s * cols_per_year >= 7)
    year = int(math.ceil(layout.x0 / step) * step)
    while year <= min(layout.x1, layout.data_end):
        ticks.append((layout.col_of(year), str(year)))
        year += step
    return ticks
