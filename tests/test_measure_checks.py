"""A measure holds one kind of figure: a claim whose value is a year among counts, or a
month's change among half-year changes, is reported by `check` at the claim's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import REPO_ROOT, line_of, write_file
from tui.measure_checks import measure_problems
from tui.workspace import Workspace

HANKYOREH = "2016-08-23-hankyoreh-economic-cooperation"


def claim(ident: str, value: str, quote: str, *, unit: str | None = None, period: str | None = None,
          as_of: str = "2016", measure: str = "nk-china-trade-change") -> str:
    lines = [f"  - id: {ident}", f"    says: {ident}", f"    value: {value}"]
    lines += [f"    unit: {unit}"] if unit else []
    lines += [f"    measure: {measure}"]
    lines += [f"    period: {period}"] if period else []
    lines += [f"    as_of: {as_of}", f"    source: {HANKYOREH}", f'    quote: "{quote}"']
    return "\n".join(lines)


H1_2016 = dict(ident="h1-2016", value="2.1", unit="percent", period="half-year",
               quote="North Korea-China trade was up 2.1% from the same period in 2015")
H1_2013 = dict(ident="h1-2013", value="-3.1", unit="percent", period="half-year", as_of="2013",
               quote="the 3.1% decline in North Korea-China trade between the first halves of 2012 and 2013")


def brief(*claims: str) -> str:
    return "\n".join(["id: north-korea", "kind: actor", "type: state", "name: North Korea",
                      "summary: A state.", "claims:", *claims]) + "\n"


CASES = [
    pytest.param([H1_2016, H1_2013], None, id="half-years-together-pass"),
    pytest.param([H1_2016, H1_2013, dict(ident="april-2016", value="-9.1", unit="percent", as_of="2016-04",
                                          quote="it did drop by 9.1% in April")],
                 ("'april-2016'", "over a month", "over a half-year"), id="month-among-half-years"),
    pytest.param([H1_2016, H1_2013, dict(ident="april-2016", value="-9.1", unit="percent", period="month",
                                          as_of="2016-04", quote="it did drop by 9.1% in April")],
                 ("'april-2016'", "over a month"), id="declared-month-among-half-years"),
    pytest.param([dict(ident="kouans", value="15", unit="count", measure="crossings", quote="Fifteen of them were on the North Korean border"),
                  dict(ident="cities", value="7", unit="count", measure="crossings", quote="seven of them"),
                  dict(ident="year", value="2013", unit="year", measure="crossings", quote="since 2013")],
                 ("'year'", "mixes a date with a figure in count"), id="year-among-counts"),
    pytest.param([dict(ident="share", value="90", unit="percent", measure="share", quote="over 90%"),
                  dict(ident="value", value="3200000000", unit="USD", measure="share", quote="Twenty-seven border cities")],
                 ("'value'", "mixes a figure in USD", "a figure in percent"), id="dollars-among-percentages"),
    pytest.param([dict(ident="open", value="opened", measure="status", quote="Twenty-seven border cities"),
                  dict(ident="shut", value="closed", measure="status", quote="seven of them")],
                 None, id="states-together-pass"),
]


@pytest.mark.parametrize(("claims", "says"), CASES)
def test_check_reports_a_claim_that_mixes_its_measure(workspace: Path, claims, says):
    path = write_file(workspace, "briefs/actors/north-korea.yaml", brief(*(claim(**c) for c in claims)))
    ws = Workspace.load(workspace)
    problems = measure_problems(c for b in ws.briefs.values() for c in b.claims)
    if says is None:
        assert problems == []
        return
    assert len(problems) == 1, problems
    problem = problems[0]
    assert all(fragment in problem.message for fragment in says), problem.message
    odd_one = says[0].strip("'")  # the first fragment names the claim that does not fit
    assert problem.line == line_of(path, f"- id: {odd_one}")


def test_no_shipped_measure_mixes_units_or_periods():
    ws = Workspace.load(REPO_ROOT)
    assert measure_problems(c for b in ws.briefs.values() for c in b.claims) == []
    # And the rule has something to hold: the shipped measures with more than one valued claim.
    shared = {}
    for c in ws.claims.values():
        if c.measure and c.value is not None:
            shared.setdefault(c.measure, []).append(c.id)
    assert sum(len(ids) > 1 for ids in shared.values()) >= 4
