"""The crossing board: each site's latest state by source and as of when, and where the
states of two sources (or, when a dispute says so, of one article) disagree at one date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import CHINA_TRADE, HUNCHUN, REPO_ROOT, RFA, write_file
from tui.briefing import Briefing
from tui.status_board import crossing_board

# Claims on three articles, each quoting a sentence that exists in it.
BRIDGE = f"""
    id: test-bridge
    kind: site
    type: bridge
    name: Test bridge
    location: {{lat: 40.0, lon: 124.3}}
    summary: A bridge.
    claims:
      - id: completed-2014
        says: completed
        source: {HUNCHUN}
        quote: "completed in 2014"
      - id: unused-2025
        says: unused
        source: {HUNCHUN}
        quote: "has remained unused for five years"
      - id: not-opened-2026
        says: not opened
        source: {CHINA_TRADE}
        quote: "it has not been opened yet"
      - id: no-traffic-2026
        says: no traffic
        source: {CHINA_TRADE}
        quote: "there is no traffic on the New Yalu River Bridge"
      - id: rail-resumed
        says: resumed
        source: {RFA}
        quote: "Rail freight re-opened in January 2022"
    status:
"""


def board_for(workspace: Path, status: str, disputes: dict[str, str] | None = None):
    write_file(workspace, "briefs/sites/test-bridge.yaml", BRIDGE + status)
    for name, text in (disputes or {}).items():
        write_file(workspace, f"briefs/disputes/{name}.yaml", text)
    briefing = Briefing.load(workspace)
    assert briefing.workspace.problems == []
    return next(r for r in crossing_board(briefing) if r.site_id == "test-bridge")


def entry(state: str, as_of: str, claim: str) -> str:
    return f"      - state: {state}\n        as_of: {as_of}\n        claim: {claim}\n"


def test_latest_state_by_source_and_as_of_when(workspace: Path):
    row = board_for(workspace, entry("completed", "2014", "completed-2014") + entry("unused", "2025", "unused-2025")
                    + entry("not-opened", "2026-03", "not-opened-2026"))
    assert [(s.article_id, s.state, s.as_of.iso()) for s in row.latest] == [
        (HUNCHUN, "unused", "2025"), (CHINA_TRADE, "not-opened", "2026-03")]
    assert row.current.state == "not-opened" and row.disagreements == ()
    assert row.latest[0].quote == "has remained unused for five years"


@pytest.mark.parametrize(("status", "disagree"), [
    pytest.param(entry("opened", "2026", "unused-2025") + entry("not-opened", "2026-03", "not-opened-2026"), True,
                 id="two-sources-open-vs-unopened-in-overlapping-dates"),
    pytest.param(entry("opened", "2025", "unused-2025") + entry("not-opened", "2026-03", "not-opened-2026"), False,
                 id="different-dates-are-a-change-not-a-disagreement"),
    pytest.param(entry("unused", "2026", "unused-2025") + entry("not-opened", "2026-03", "not-opened-2026"), False,
                 id="two-ways-of-saying-closed-agree"),
    pytest.param(entry("in-use", "2026-03", "no-traffic-2026") + entry("not-opened", "2026-03", "not-opened-2026"), False,
                 id="one-article-telling-a-sequence-is-not-flagged"),
])
def test_where_sources_disagree_about_the_state_at_one_date(workspace: Path, status: str, disagree: bool):
    row = board_for(workspace, status)
    assert bool(row.disagreements) is disagree
    if disagree:
        (d,) = row.disagreements
        assert not d.internal and {d.first.article_id, d.second.article_id} == {HUNCHUN, CHINA_TRADE}


def test_one_article_against_itself_is_flagged_when_an_internal_dispute_says_so(workspace: Path):
    status = entry("in-use", "2026-03", "no-traffic-2026") + entry("not-opened", "2026-03", "not-opened-2026")
    dispute = ("id: open-or-not\nquestion: Open?\nkind: contradiction\ninternal: true\n"
               "claims: [no-traffic-2026, not-opened-2026]\nnote: The article says both.\n")
    row = board_for(workspace, status, {"open-or-not": dispute})
    (d,) = row.disagreements
    assert d.internal and d.first.article_id == d.second.article_id == CHINA_TRADE


def test_shipped_board_lists_every_crossing_and_marks_the_internal_tension():
    rows = {r.site_id: r for r in crossing_board(Briefing.load(REPO_ROOT))}
    briefing = Briefing.load(REPO_ROOT)
    placed = {b.id for b in briefing.briefs.values() if b.kind == "site"
              and b.type in ("crossing", "bridge", "port", "customs", "station", "rail-line")}
    assert placed <= set(rows)
    nyrb = rows["new-yalu-river-bridge"]
    assert [(s.state, s.as_of.iso()) for s in nyrb.latest] == [("under-construction", "2025"), ("unused", "2026-03")]
    trains = rows["beijing-pyongyang-railway"]
    assert [(d.internal, {d.first.state, d.second.state}) for d in trains.disagreements] == [
        (True, {"resumed", "reopening-expected"})]


def test_cli_status_json_and_a_site_history(run_cli):
    result = run_cli("status", "--json", workspace=REPO_ROOT)
    assert result.exit_code == 0, result.output
    board = {row["site"]: row for row in json.loads(result.stdout)}
    assert board["rajin-port"]["latest"][0]["as_of"] == "2023-08"
    history = run_cli("status", "sino-korean-friendship-bridge", workspace=REPO_ROOT)
    assert history.exit_code == 0
    for state in ("resumed", "suspended", "reopened", "reopening-expected"):
        assert state in history.stdout
    missing = run_cli("status", "no-such-site", workspace=REPO_ROOT)
    assert missing.exit_code == 2 and "not a site on the crossing board" in missing.output


def test_cli_board_marks_a_disagreement(run_cli):
    result = run_cli("status", workspace=REPO_ROOT)
    assert result.exit_code == 0
    assert "inside one article" in result.stdout and "no status recorded" in result.stdout
