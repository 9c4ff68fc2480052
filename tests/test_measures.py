"""The figures chart's engine: which measures are charted, every source's value, values for
the same year side by side."""

from __future__ import annotations

import pytest

from support import CHINA_TRADE, HANKYOREH, REPO_ROOT, RFA, write_file
from tui.briefing import Briefing
from tui.measures import (Point, chartable_measures, measure_title, measures_for_brief, measures_for_dispute,
                          nice_ticks, short_value)


@pytest.fixture(scope="module")
def shipped() -> Briefing:
    return Briefing.load(REPO_ROOT)


def test_only_measures_with_two_or_more_quantified_claims_are_charted(shipped):
    assert set(chartable_measures(shipped)) == {"nk-china-trade-change", "nk-china-trade-change-monthly", "nk-china-trade-share",
                                                "nk-trade-volume-kotra"}
    # The engine's view checked against the briefs themselves:
    numeric: dict[str, int] = {}
    for claim in shipped.claims.values():
        if claim.measure and isinstance(claim.value, (int, float)) and claim.unit not in ("year", "date"):
            numeric[claim.measure] = numeric.get(claim.measure, 0) + 1
    assert set(chartable_measures(shipped)) == {m for m, n in numeric.items() if n >= 2}


@pytest.mark.parametrize(("measure", "expected"), [
    pytest.param("nk-trade-volume-kotra", {("2019", 3_200_000_000, "Radio Free Asia"), ("2020", 863_000_000, "Radio Free Asia")},
                 id="trade-values-by-year"),
    pytest.param("nk-china-trade-share", {("2016", 90, "The Hankyoreh"), ("2022", 90, "Radio Free Asia")},
                 id="trade-share-two-sources"),
    # Half-year changes only: April 2016's monthly fall is a measure of its own.
    pytest.param("nk-china-trade-change", {("2013", -3.1, "The Hankyoreh"), ("2016", 2.1, "The Hankyoreh")},
                 id="half-year-changes-negative-values"),
])
def test_the_chart_data_has_every_sources_value(shipped, measure, expected):
    found = chartable_measures(shipped)[measure]
    assert {(str(p.year), p.value, p.source) for p in found.points} == expected
    claims = {c.id for c in shipped.claims.values() if c.measure == measure}
    assert {p.claim_id for p in found.points} == claims


def test_status_and_year_values_are_not_charted(shipped):
    assert "nyrb-status" not in chartable_measures(shipped)  # statuses and a completion year: the timeline's job
    assert "hunchun-customs-facility-status" not in chartable_measures(shipped)
    assert "china-exports-to-nk" not in chartable_measures(shipped)  # one value is not a chart


def test_values_for_the_same_year_stand_side_by_side(workspace):
    write_file(workspace, "briefs/sites/sinuiju.yaml", f"""
        id: sinuiju
        kind: site
        type: city
        name: Sinuiju
        summary: A city.
        claims:
          - id: share-a
            says: About 90 percent
            value: 90
            unit: percent
            measure: china-share
            as_of: 2016
            source: {RFA}
            quote: "trade with China has accounted for about 90 percent of all foreign trade in North Korea"
          - id: share-b
            says: Over 90 percent
            value: 91
            unit: percent
            measure: china-share
            as_of: 2016
            source: {HANKYOREH}
            quote: "which accounts for over 90% of North Korea’s foreign trade"
          - id: share-c
            says: Later
            value: 95
            unit: percent
            measure: china-share
            as_of: 2020
            source: {CHINA_TRADE}
            quote: "China"
        """)
    measure = chartable_measures(Briefing.load(workspace))["china-share"]
    groups = measure.groups()
    assert [year for year, _ in groups] == ["2016", "2020"]
    assert {p.claim_id for p in groups[0][1]} == {"share-a", "share-b"}
    assert measure.conflicts == ["2016"]
    assert measure.unit == "percent"


def test_charts_are_reachable_from_their_dispute_and_brief(shipped):
    assert set(measures_for_dispute(shipped, "nk-china-trade-figures")) == {"nk-trade-volume-kotra", "nk-china-trade-change"}
    assert measures_for_dispute(shipped, "china-share-of-nk-trade") == ["nk-china-trade-share"]
    assert measures_for_dispute(shipped, "nyrb-opening-status") == []
    assert measures_for_brief(shipped, "kotra") == ["nk-trade-volume-kotra"]
    assert measures_for_brief(shipped, "dandong") == []


def test_measures_are_computed_once_per_load(shipped):
    assert chartable_measures(shipped) is chartable_measures(shipped)


def _point(value: float, unit: str | None) -> Point:
    return Point("c", "b", value, unit, "", None, RFA, "RFA", None, "", "", None)


@pytest.mark.parametrize(("value", "unit", "divisor", "name", "expected"), [
    pytest.param(3_200_000_000, "USD", 1e9, "billion", "US$3.2bn", id="dollars-in-billions"),
    pytest.param(863_000_000, "USD", 1e9, "billion", "US$0.863bn", id="smaller-on-the-same-scale"),
    pytest.param(90, "percent", 1.0, "", "90%", id="percent"),
    pytest.param(-9.1, "percent", 1.0, "", "-9.1%", id="negative-percent"),
    pytest.param(2000, "containers", 1.0, "", "2,000 containers", id="other-unit"),
])
def test_bar_labels_are_short(value, unit, divisor, name, expected):
    assert short_value(_point(value, unit), divisor, name) == expected


@pytest.mark.parametrize(("low", "high", "expected"), [
    pytest.param(0, 3.2, [0, 1, 2, 3], id="billions"),
    pytest.param(-9.1, 2.1, [-8, -6, -4, -2, 0, 2], id="negative-to-positive"),
    pytest.param(0, 90, [0, 20, 40, 60, 80], id="percent"),
])
def test_axis_ticks_are_round_numbers(low, high, expected):
    assert nice_ticks(low, high) == pytest.approx(expected)


@pytest.mark.parametrize(("measure_id", "expected"), [
    pytest.param("nk-china-trade-share", "NK–China trade share", id="country-pair-with-dash"),
    pytest.param("nk-trade-volume-kotra", "NK trade volume KOTRA", id="acronyms"),
])
def test_measure_titles_read_as_words(measure_id, expected):
    assert measure_title(measure_id) == expected
