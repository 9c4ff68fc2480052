"""The timeline's engine: dated events in order (partial dates included), lanes by site and by
source, and a layout whose labels never overlap."""

from __future__ import annotations

import pytest

from support import HANKYOREH, REPO_ROOT, RFA, write_file
from tui.briefing import Briefing
from tui.dates import PartialDate
from tui.timeline import PUBLISHED_LANE, Event, build_timeline, layout_timeline, visible_range, year_fraction

QUOTE = "trade volume was more than U.S. $3.2 billion"  # in the RFA article


def dated_workspace(workspace, as_of_values: list[str]) -> Briefing:
    """One site whose claims are about the given dates, in the given (scrambled) order."""
    claims = "".join(f"""
          - id: claim-{i}
            says: Something as of {value}
            value: status {i}
            as_of: "{value}"
            source: {RFA}
            quote: "{QUOTE}"
        """ for i, value in enumerate(as_of_values))
    write_file(workspace, "briefs/sites/border.yaml", f"""
        id: border
        kind: site
        type: crossing
        name: Border crossing
        summary: A crossing.
        claims:{claims}
        """)
    return Briefing.load(workspace)


@pytest.fixture(scope="module")
def shipped() -> Briefing:
    return Briefing.load(REPO_ROOT)


# -- ordering ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("earlier", "later"), [
    pytest.param("2022-09", "2022-10-01", id="month-before-next-month-day"),
    pytest.param("2022-09", "2022-09-01", id="month-before-its-first-day"),
    pytest.param("2022", "2022-01", id="year-before-its-first-month"),
    pytest.param("2021-11", "2022-01", id="across-a-year-end"),
    pytest.param("2022-09-30", "2022-10", id="day-before-next-month"),
    pytest.param("2014", "2026-03", id="completed-before-still-unopened"),
])
def test_events_are_ordered_by_partial_date(workspace, earlier, later):
    briefing = dated_workspace(workspace, [later, earlier])
    lane = next(lane for lane in build_timeline(briefing).by_site if lane.key == "border")
    assert [e.date.iso() for e in lane.events] == [earlier, later]
    assert lane.events[0].start <= lane.events[1].start


def test_a_partial_date_is_drawn_from_its_start_and_spans_its_period():
    september = PartialDate.parse("2022-09")
    assert year_fraction(september.start) == pytest.approx(2022 + 243 / 365)
    event = Event(september, "claim", RFA, "c", "b")
    assert event.end == pytest.approx(2022 + 273 / 365)  # up to 1 October
    assert Event(PartialDate(2014), "claim", RFA).end == pytest.approx(2015.0)


def test_every_shipped_event_is_in_date_order(shipped):
    keys = [e.date.sort_key() for e in build_timeline(shipped).events]
    assert keys == sorted(keys)
    dates = [e.date.iso() for e in build_timeline(shipped).events]
    assert dates.index("2022-09") < dates.index("2022-10")


def test_freight_on_the_friendship_bridge_reads_in_order(shipped):
    """'Freight resumed Nov 2021, shut a week later, resumed Jan 2022, halted April 2022 …' on one lane."""
    lane = next(lane for lane in build_timeline(shipped).by_site if lane.key == "sino-korean-friendship-bridge")
    assert [(e.date.iso(), e.text) for e in lane.events] == [
        ("2021-11", "resumed"), ("2021-11", "suspended"), ("2022-01", "resumed"), ("2022-04", "suspended"),
        ("2022-09", "suspended")]


def test_the_new_bridge_completed_2014_still_unopened_2026(shipped):
    lane = next(lane for lane in build_timeline(shipped).by_site if lane.key == "new-yalu-river-bridge")
    assert lane.events[0].date.iso() == "2014" and "completed" in lane.events[0].text.lower()
    assert lane.events[-1].date.iso() == "2026-03"
    assert {"not opened", "no traffic"} <= {e.text for e in lane.events}


# -- lanes ---------------------------------------------------------------------------------------------

def test_every_dated_claim_and_article_is_on_one_lane_in_each_mode(shipped):
    dated_claims = {c.id for c in shipped.claims.values() if c.as_of is not None}
    dated_articles = {a.id for a in shipped.articles.values() if a.published is not None}
    for mode in ("site", "source"):
        lanes = build_timeline(shipped).lanes(mode)
        claims = [e.claim_id for lane in lanes for e in lane.events if e.kind == "claim"]
        published = [e.article_id for lane in lanes for e in lane.events if e.kind == "published"]
        assert sorted(claims) == sorted(dated_claims), mode
        assert sorted(published) == sorted(dated_articles), mode


def test_lanes_by_site_start_with_the_publications_then_sites_then_actors(shipped):
    lanes = build_timeline(shipped).by_site
    assert lanes[0].key == PUBLISHED_LANE
    kinds = [lane.kind for lane in lanes[1:]]
    assert kinds == sorted(kinds, key=lambda k: k != "site")
    for lane in lanes[1:]:
        assert all(e.brief_id == lane.key for e in lane.events)


def test_lanes_by_source_hold_each_articles_claims_in_publication_order(shipped):
    lanes = build_timeline(shipped).by_source
    assert [lane.key for lane in lanes][:2] == [HANKYOREH, RFA]
    for lane in lanes:
        assert all(e.article_id == lane.key for e in lane.events)
    rfa = next(lane for lane in lanes if lane.key == RFA)
    assert rfa.title == "Radio Free Asia (2022-09)"


def test_the_timeline_is_computed_once_per_load(shipped):
    assert build_timeline(shipped) is build_timeline(shipped)


# -- layout --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("size", [(60, 14), (80, 20), (118, 29), (200, 50)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("mode", ["site", "source"])
@pytest.mark.parametrize("zoom", [0, 2, 4])
def test_lane_labels_never_overlap_each_other_or_a_marker(shipped, size, mode, zoom):
    layout = layout_timeline(build_timeline(shipped), mode, *size, zoom=zoom, focus=2022.5)
    rows: dict[int, list] = {}
    for placed in layout.events:
        rows.setdefault(placed.row, []).append(placed)
        assert layout.plot_left <= placed.col <= layout.plot_right
    for row, placed in rows.items():
        markers = {p.col for p in placed}
        spans = sorted((p.label_col, p.label_col + len(p.label)) for p in placed if p.label)
        for start, end in spans:
            assert layout.plot_left <= start and end - 1 <= layout.plot_right
            assert not any(start - 1 <= m <= end for m in markers), (row, start, end, markers)
        for (_, end), (start, _) in zip(spans, spans[1:]):
            assert end < start, (row, spans)


def test_a_month_is_drawn_left_of_the_next_months_first_day(workspace):
    briefing = dated_workspace(workspace, ["2022-10-01", "2022-09"])
    timeline = build_timeline(briefing)
    layout = layout_timeline(timeline, "site", 120, 12, zoom=3, focus=2022.7)
    cols = {p.event.date.iso(): p.col for p in layout.events if p.event.kind == "claim"}
    assert cols["2022-09"] < cols["2022-10-01"]


def test_zooming_halves_the_years_shown_around_the_focus(shipped):
    x0, x1 = visible_range(build_timeline(shipped), 0, None)
    z0, z1 = visible_range(build_timeline(shipped), 1, 2022.0)
    assert (z1 - z0) == pytest.approx((x1 - x0) / 2)
    assert z0 <= 2022.0 <= z1


def test_ticks_are_years_in_order_and_apart(shipped):
    layout = layout_timeline(build_timeline(shipped), "site", 118, 29)
    cols = [c for c, _ in layout.ticks]
    years = [int(t) for _, t in layout.ticks]
    assert years == sorted(years) and years[0] <= 2010 and years[-1] >= 2026
    assert all(b - a >= 7 for a, b in zip(cols, cols[1:]))


def test_zoomed_in_ticks_name_months(shipped):
    layout = layout_timeline(build_timeline(shipped), "site", 160, 20, zoom=5, focus=2022.3)
    texts = [t for _, t in layout.ticks]
    assert "2022" in texts and any(t in ("Apr", "Jul", "Oct") for t in texts)
