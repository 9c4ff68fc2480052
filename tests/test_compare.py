"""Comparison: dispute sides, two articles aligned, suggested conflicts; CLI and JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from support import CHINA_TRADE, HANKYOREH, HUNCHUN, REPO_ROOT, RFA
from tui.briefing import Briefing
from tui.compare import compare_articles, compare_dispute, suggest_conflicts

SHIPPED = Briefing.load(REPO_ROOT)


@pytest.fixture
def without_disputes(tmp_path: Path) -> Path:
    """The shipped articles and briefs, but no disputes: nothing has been reviewed yet."""
    root = tmp_path / "ws"
    shutil.copytree(REPO_ROOT / "corpus", root / "corpus")
    shutil.copytree(REPO_ROOT / "briefs", root / "briefs")
    for path in (root / "briefs" / "disputes").iterdir():
        path.unlink()
    return root


@pytest.mark.parametrize("dispute_id", sorted(SHIPPED.disputes), ids=sorted(SHIPPED.disputes))
def test_every_dispute_prints_with_all_its_sources(run_cli, monkeypatch, dispute_id: str):
    result = run_cli("compare", dispute_id, "--json", workspace=REPO_ROOT)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    dispute = SHIPPED.disputes[dispute_id]
    assert data["id"] == dispute_id and data["question"] == dispute.question
    assert sorted(side["claim"] for side in data["sides"]) == sorted(dispute.claim_ids)
    dates = [side["published"] or "9999" for side in data["sides"]]
    assert dates == sorted(dates), "sides are in publication order"
    for side in data["sides"]:
        body = SHIPPED.articles[side["article"]].body
        assert body[side["quote_start"]:side["quote_end"]] == side["quote"], "offsets point at the quote"
        for key in ("article", "outlet", "published", "claim", "value", "as_of", "quote"):
            assert key in side
    monkeypatch.setenv("COLUMNS", "400")  # wide enough that no column wraps a claim id
    human = run_cli("compare", dispute_id, workspace=REPO_ROOT)
    assert human.exit_code == 0
    flat = " ".join(human.stdout.split())
    for side in data["sides"]:
        assert (side["outlet"] or "outlet unknown") in flat
        assert side["claim"] in flat


def test_compare_without_argument_lists_the_disputes(run_cli):
    result = run_cli("compare", "--json", workspace=REPO_ROOT)
    assert result.exit_code == 0
    assert {d["id"] for d in json.loads(result.stdout)} == set(SHIPPED.disputes)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(("compare", "no-such-dispute"), "unknown dispute", id="unknown-dispute"),
        pytest.param(("compare", "--sources", RFA, "no-such-article"), "unknown article", id="unknown-article"),
    ],
)
def test_unknown_ids_exit_2_with_a_message(run_cli, args, message):
    result = run_cli(*args, workspace=REPO_ROOT)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output


def test_values_that_differ_from_the_others_are_marked():
    comparison = compare_dispute(SHIPPED, SHIPPED.disputes["china-share-of-nk-trade"])
    by_value = {(s.claim.value, s.differs) for s in comparison.sides}
    assert (70, True) in by_value and (90, False) in by_value


def test_the_time_between_sources_is_given():
    comparison = compare_dispute(SHIPPED, SHIPPED.disputes["china-share-of-nk-trade"])
    assert comparison.sides[0].gap is None
    assert [s.gap for s in comparison.sides[1:]] == ["6 years 1 month", "3 years"]


def test_two_articles_align_on_dandong_and_sinuiju(run_cli):
    pair = compare_articles(SHIPPED, RFA, CHINA_TRADE)
    shared = {a.entity_id: a for a in pair.shared}
    assert {"dandong", "sinuiju"} <= set(shared)
    for entity_id, name in (("dandong", "Dandong"), ("sinuiju", "Sinuiju")):
        assert shared[entity_id].left and shared[entity_id].right
        for sentence in shared[entity_id].left:
            assert SHIPPED.articles[RFA].body[sentence.start:sentence.end] == sentence.text
            assert name in sentence.text
    assert not set(pair.only_left) & set(pair.only_right)
    result = run_cli("compare", "--sources", RFA, CHINA_TRADE, "--json", workspace=REPO_ROOT)
    data = json.loads(result.stdout)
    assert {"dandong", "sinuiju"} <= {a["entity"] for a in data["shared"]}


def test_numbers_in_aligned_sentences_are_found():
    pair = compare_articles(SHIPPED, RFA, HUNCHUN)
    dandong = next(a for a in pair.shared if a.entity_id == "dandong")
    figures = {f.text for s in dandong.left + dandong.right for f in s.figures}
    assert "90 percent" in figures and "70%" in figures


def test_the_suggester_finds_a_new_article_contradicting_a_brief(without_disputes: Path):
    # The brief says the New Yalu River Bridge was completed in 2014; a new article says 2012.
    (without_disputes / "corpus" / "2026-04-01-courier-new-bridge.md").write_text(
        "---\nid: 2026-04-01-courier-new-bridge\ntitle: The new bridge\noutlet: Courier\npublished: 2026-04-01\n---\n"
        "The New Yalu River Bridge was completed in 2012 and has carried no traffic since.\n", encoding="utf-8")
    suggestions = suggest_conflicts(Briefing.load(without_disputes))
    assert suggestions, "at least one unreviewed conflict"
    first = suggestions[0]
    assert first.entity_id == "new-yalu-river-bridge" and first.kind == "year-built"
    assert "2012" in first.reason and "2014" in first.reason
    assert all(s.left[0] != s.right[0] for s in suggestions), "never two sentences of the same article"


def test_a_reviewed_conflict_is_not_suggested_again():
    # china-share-of-nk-trade already pairs the RFA 90% claim with the Hunchun 70% claim.
    for s in suggest_conflicts(SHIPPED):
        assert not ({s.left[0], s.right[0]} == {RFA, HUNCHUN} and "90%" in s.reason and "70%" in s.reason)


@pytest.mark.parametrize(("kind", "still_suggested"), [
    pytest.param("contradiction", False, id="a-conflict-dispute-covers-the-pair"),
    pytest.param("framing", True, id="a-framing-comparison-covers-nothing"),
])
def test_only_a_conflict_dispute_settles_a_suggested_conflict(without_disputes: Path, kind: str, still_suggested: bool):
    (without_disputes / "corpus" / "2026-04-01-courier-new-bridge.md").write_text(
        "---\nid: 2026-04-01-courier-new-bridge\ntitle: The new bridge\noutlet: Courier\npublished: 2026-04-01\n---\n"
        "The New Yalu River Bridge was completed in 2012 and has carried no traffic since.\n", encoding="utf-8")
    brief = without_disputes / "briefs/sites/new-yalu-river-bridge.yaml"
    brief.write_text(brief.read_text(encoding="utf-8").replace("claims:\n", (
        "claims:\n  - id: courier-nyrb-completed-2012\n    says: Completed in 2012\n"
        "    source: 2026-04-01-courier-new-bridge\n    quote: \"was completed in 2012\"\n"), 1), encoding="utf-8")
    (without_disputes / "briefs/disputes/nyrb-year.yaml").write_text(
        "id: nyrb-year\nquestion: When was the bridge completed?\nkind: " + kind + "\n"
        "claims: [nyrb-completed-2014, courier-nyrb-completed-2012]\nnote: Two years.\n", encoding="utf-8")
    briefing = Briefing.load(without_disputes)
    assert not briefing.workspace.problems
    found = [s for s in suggest_conflicts(briefing)
             if s.entity_id == "new-yalu-river-bridge" and "2012" in s.reason and "2014" in s.reason]
    assert bool(found) is still_suggested


def test_suggestions_carry_a_dispute_skeleton_with_both_quotes(run_cli, without_disputes: Path):
    (without_disputes / "corpus" / "2026-04-01-courier-new-bridge.md").write_text(
        "---\nid: 2026-04-01-courier-new-bridge\ntitle: The new bridge\noutlet: Courier\npublished: 2026-04-01\n---\n"
        "The New Yalu River Bridge was completed in 2012. Eighty per cent of trade crosses at Dandong.\n",
        encoding="utf-8")
    result = run_cli("compare", "--suggest", "--json", workspace=without_disputes)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data
    for item in data:
        skeleton = item["skeleton"]
        assert "kind:" in skeleton and "claims:" in skeleton
        for side in item["sides"]:
            assert side["article"] in skeleton
    articles = Briefing.load(without_disputes).articles
    for item in data:
        for side in item["sides"]:
            assert articles[side["article"]].body[side["quote_start"]:side["quote_end"]] == side["quote"]


def test_the_hankyoreh_share_claim_is_a_side(run_cli):
    # Over 90% (2016) is the oldest answer to "how dominant is China in North Korea's trade".
    comparison = compare_dispute(SHIPPED, SHIPPED.disputes["china-share-of-nk-trade"])
    assert comparison.sides[0].claim.source == HANKYOREH
