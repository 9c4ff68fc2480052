"""The curator's inbox: candidates after `add`, and the append that turns one into a claim
(round-trip, atomic, checked before and after, undoable, touching nothing else)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import write_file
from tui.briefing import Briefing
from tui.curate import CurateError, append_claim, inbox_for, undo

BRIEF = """\
# yaml-language-server: $schema=../../schema/brief.schema.json
# A comment the curator wrote, kept as it is.
id: rajin-port
kind: site
type: port
name: Rajin port
aliases: [Najin port]   # both spellings
location: {lat: 42.35, lon: 130.39}
summary: >
  The port.
claims:
  - id: rajin-capacity-5m
    says: The terminal handles five million tonnes a year
    value: 5000000
    unit: tonne
    source: 2024-01-01-wire
    quote: "The terminal at Rajin port can handle five million tonnes a year."

related: []
"""


@pytest.fixture
def inbox_workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    for folder in ("sites", "actors", "disputes"):
        (root / "briefs" / folder).mkdir(parents=True)
    write_file(root, "briefs/sites/rajin-port.yaml", BRIEF)
    write_file(root, "corpus/2024-01-01-wire.md", "---\nid: 2024-01-01-wire\ntitle: Port\noutlet: Wire\n"
               "published: 2024-01-01\n---\nThe terminal at Rajin port can handle five million tonnes a year.\n")
    write_file(root, "corpus/2025-02-01-daily.md", "---\nid: 2025-02-01-daily\ntitle: Port\noutlet: Daily\n"
               "published: 2025-02-01\n---\nNajin port has a capacity of 4 m tonnes a year, a manager said.\n")
    return root


def test_the_inbox_lists_candidates_with_their_conflicts(inbox_workspace: Path):
    inbox = inbox_for(Briefing.load(inbox_workspace), "2025-02-01-daily")
    (candidate,) = inbox.candidates
    assert (candidate.record.value, candidate.record.unit, candidate.entity, candidate.measure) == \
        (4e6, "tonne", "rajin-port", "capacity")
    assert candidate.quote == "Najin port has a capacity of 4 m tonnes a year, a manager said."
    assert candidate.conflicts and "rajin-capacity-5m" in candidate.conflicts[0].skeleton(Briefing.load(inbox_workspace))


def test_append_adds_only_the_claim_and_undo_restores_the_bytes(inbox_workspace: Path):
    path = inbox_workspace / "briefs/sites/rajin-port.yaml"
    before = path.read_bytes()
    briefing = Briefing.load(inbox_workspace)
    (candidate,) = inbox_for(briefing, "2025-02-01-daily").candidates
    appended = append_claim(briefing, candidate)
    after = path.read_text(encoding="utf-8")
    # Every byte that was there is still there, in order; only the new claim is inserted.
    inserted_at = after.index("  - id: " + appended.claim_id)
    assert after[:inserted_at] == before.decode()[:inserted_at]
    assert after.endswith(before.decode()[inserted_at:])
    assert "# A comment the curator wrote, kept as it is." in after and "# both spellings" in after
    reloaded = Briefing.load(inbox_workspace)
    claim = reloaded.claims[appended.claim_id]
    assert (claim.value, claim.unit, claim.source, claim.brief_id) == (4000000, "tonne", "2025-02-01-daily", "rajin-port")
    assert claim.quote_span is not None, "the quote is found verbatim in its source"
    assert reloaded.workspace.problems == [] and appended.problems_after == appended.problems_before == 0
    undo(appended)
    assert path.read_bytes() == before


def test_undo_refuses_when_the_brief_changed_since(inbox_workspace: Path):
    briefing = Briefing.load(inbox_workspace)
    (candidate,) = inbox_for(briefing, "2025-02-01-daily").candidates
    appended = append_claim(briefing, candidate)
    path = inbox_workspace / "briefs/sites/rajin-port.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# edited by hand\n", encoding="utf-8")
    with pytest.raises(CurateError, match="changed since"):
        undo(appended)
    assert path.read_text(encoding="utf-8").endswith("# edited by hand\n")


def test_a_brief_without_claims_gets_a_claims_list(inbox_workspace: Path):
    path = inbox_workspace / "briefs/sites/rajin-port.yaml"
    text = BRIEF.split("claims:")[0] + "related: []\n"
    path.write_text(text, encoding="utf-8")
    briefing = Briefing.load(inbox_workspace)
    (candidate,) = inbox_for(briefing, "2025-02-01-daily").candidates
    appended = append_claim(briefing, candidate)
    new = path.read_text(encoding="utf-8")
    assert new.startswith(text) and "\nclaims:\n  - id: " + appended.claim_id in new
    assert Briefing.load(inbox_workspace).workspace.problems == []
