"""The figure ledger, relative dates, datelines and the suggester built on them, on short
texts written for these tests in the styles real articles use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.briefing import Briefing
from tui.dates import PartialDate
from tui.ledger import build_ledger, read_figures
from tui.numbers import numbers_in
from tui.reldates import dateline_of, relative_dates_in
from tui.suggest import suggest_conflicts

from support import HUNCHUN, RFA, make_workspace, write_file


@pytest.mark.parametrize("text, value", [
    ("Seventy per cent of the goods", 70),
    ("a terminal for five million tonnes", 5e6),
    ("can move 4 m tonnes a year", 4e6),
    ("a 2 bn yuan zone", 2e9),
    ("it cost $250 million", 250e6),
    ("two hundred and fifty trucks", 250),
    ("Russia spent 9,5 миллиардов рублей", 9.5e9),
    ("공사비 22억2000만위안", 2.22e9),
    ("共投资2658万元", 26.58e6),
    ("총길이 3,026m", 3026),
    ("an outlay of 10.6 bln rubles", 10.6e9),
    ("كلفته ملياري يوان", 2e9),
], ids=["words-per-cent", "words-million", "m-before-tonnes", "bn-yuan", "dollar-million", "words-and",
        "russian-decimal-comma", "korean-eok-man", "chinese-wan", "korean-thousands-comma", "bln", "arabic-dual"])
def test_numbers_are_read_in_every_form(text: str, value: float):
    numbers = numbers_in(text)
    assert [n.value for n in numbers] == [pytest.approx(value)]
    assert text[numbers[0].start:numbers[0].end] == numbers[0].text


@pytest.mark.parametrize("text, unit", [
    ("Eighty per cent of trade", "percent"), ("4 m tonnes", "tonne"), ("2 bn yuan", "CNY"), ("$250 million", "USD"),
    ("a 3-kilometer bridge", "km"), ("just 60m away", "m"), ("3,026m", "m"), ("22억2000만위안", "CNY"),
    ("5 млн т", "tonne"), ("10 كم", "km"), ("in 1943", "year"), ("a six-year hiatus", "year"),
], ids=["per-cent", "m-tonnes", "bn-yuan", "dollar-sign", "hyphen-km", "metres-not-million", "korean-metres",
        "korean-yuan", "russian-tonnes", "arabic-km", "a-year", "hyphen-years"])
def test_units_are_normalised(text: str, unit: str):
    assert [u for _, u, _ in read_figures(text)] == [unit]


PUBLISHED = PartialDate(2026, 3, 12)


@pytest.mark.parametrize("text, date, until", [
    ("The bridge was constructed over ten years ago", "2016", None),
    ("Officials met earlier this month", "2026-03", None),
    ("Trade fell last year", "2025", None),
    ("Trains ran again after a six-year hiatus", "2020", "2026"),
    ("The crossing has been closed since 2020", "2020", None),
    ("two months ago", "2026-01", None),
    ("지난해 교역이 늘었다", "2025", None),
    ("去年贸易额下降", "2025", None),
    ("в прошлом году", "2025", None),
], ids=["years-ago-in-words", "earlier-this-month", "last-year", "hiatus-is-a-span", "since", "months-ago",
        "korean-last-year", "chinese-last-year", "russian-last-year"])
def test_relative_dates_resolve_against_publication(text: str, date: str, until: str | None):
    (ref,) = relative_dates_in(text, PUBLISHED)
    assert ref.date.iso() == date
    assert (ref.until.iso() if ref.until else None) == until


def test_relative_dates_keep_the_precision_the_text_supports():
    # A year-only publication date cannot place "earlier this month".
    assert relative_dates_in("earlier this month", PartialDate(2026)) == []
    assert relative_dates_in("last year", None) == []


@pytest.mark.parametrize("body, date, place", [
    ("DANDONG, 2026-04-02 — Trucks queued at the bridge.", "2026-04-02", "DANDONG"),
    ("SEOUL, March 3, 2025 (Yonhap) -- The ministry said", "2025-03-03", "SEOUL"),
    ("Vladivostok, 3 March 2025 — Russian Railways", "2025-03-03", "Vladivostok"),
], ids=["iso", "wire-month-day-year", "day-month-year"])
def test_a_dateline_gives_the_publication_date(body: str, date: str, place: str):
    dateline = dateline_of(body)
    assert dateline and dateline.date.iso() == date and dateline.place == place


@pytest.mark.parametrize("body", ["MOSCOW, October 2. /TASS/. The project", "The bridge, 2014 - a year", "DANDONG —"],
                         ids=["no-year", "not-a-dateline", "no-date"])
def test_no_dateline_without_a_full_date(body: str):
    assert dateline_of(body) is None


# -- a workspace of own texts -------------------------------------------------------------------

BRIDGE = """\
    id: old-bridge
    kind: site
    type: bridge
    name: Friendship Bridge
    aliases: [Sino-Korean Friendship Bridge]
    related: [border-city]
    summary: The old bridge.
    claims:
      - id: bridge-share-70
        says: 70% of the trade crosses the bridge
        value: 70
        unit: percent
        measure: trade-share-via-bridge
        source: 2020-01-01-gazette-bridge
        quote: "70% of the trade crosses the Friendship Bridge"
"""
CITY = """\
    id: border-city
    kind: site
    type: city
    name: Dandong
    related: [old-bridge]
    summary: The city.
"""
PORT = """\
    id: east-port
    kind: site
    type: port
    name: Rajin port
    aliases: [Port of Rajin]
    summary: The port.
"""


def _article(root: Path, article_id: str, published: str, body: str, outlet: str = "Gazette") -> None:
    write_file(root, f"corpus/{article_id}.md",
               f"---\nid: {article_id}\ntitle: {article_id}\noutlet: {outlet}\npublished: {published}\n---\n{body}\n")


@pytest.fixture
def conflicts_workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    for folder in ("sites", "actors", "disputes"):
        (root / "briefs" / folder).mkdir(parents=True)
    write_file(root, "briefs/sites/old-bridge.yaml", BRIDGE)
    write_file(root, "briefs/sites/border-city.yaml", CITY)
    write_file(root, "briefs/sites/east-port.yaml", PORT)
    _article(root, "2020-01-01-gazette-bridge", "2020-01-01",
             "70% of the trade crosses the Friendship Bridge. The Friendship Bridge was built in 1943.")
    _article(root, "2021-05-02-courier-bridge", "2021-05-02",
             "Eighty per cent of cross-border trade takes place across the Friendship Bridge. "
             "The Friendship Bridge, built in 1937, carries one lane.", outlet="Courier")
    _article(root, "2022-06-03-wire-port", "2022-06-03",
             "The terminal at Rajin port can handle five million tonnes a year. "
             "Rajin port was shelled during the war of 1950.", outlet="Wire")
    _article(root, "2023-07-04-daily-port", "2023-07-04",
             "Rajin port's terminal has a capacity of 5 mln tonnes per year. "
             "A photo of Rajin port taken in 2010 shows cranes.", outlet="Daily")
    _article(root, "2024-08-05-review-port", "2024-08-05",
             "Rajin port has a capacity of 4 m tonnes a year, a manager said.", outlet="Review")
    return root


def test_the_ledger_records_what_each_figure_measures(conflicts_workspace: Path):
    briefing = Briefing.load(conflicts_workspace)
    records = {(r.article_id, r.text): r for r in build_ledger(briefing)}
    eighty = records[("2021-05-02-courier-bridge", "Eighty per cent")]
    assert (eighty.value, eighty.unit, eighty.kind, eighty.entity) == (80, "percent", "share-of-trade", "old-bridge")
    assert eighty.about == PartialDate(2021, 5, 2), "undated figures are about their publication date"
    built = records[("2021-05-02-courier-bridge", "1937")]
    assert (built.kind, built.entity) == ("year-built", "old-bridge")
    tonnes = records[("2024-08-05-review-port", "4 m tonnes")]
    assert (tonnes.value, tonnes.unit, tonnes.kind, tonnes.entity) == (4e6, "tonne", "capacity", "east-port")
    war = records[("2022-06-03-wire-port", "1950")]
    assert war.kind == "year", "a war's year dates no kind of event we compare"
    claim = next(r for r in build_ledger(briefing) if r.claim_id == "bridge-share-70")
    assert (claim.value, claim.unit, claim.kind, claim.entity) == (70, "percent", "share-of-trade", "old-bridge")


def test_the_suggester_finds_the_conflicts_a_reader_sees(conflicts_workspace: Path):
    suggestions = suggest_conflicts(Briefing.load(conflicts_workspace))
    found = {(s.kind, frozenset((s.records[0].value, s.records[1].value))) for s in suggestions}
    assert ("year-built", frozenset((1943.0, 1937.0))) in found
    assert ("share-of-trade", frozenset((70.0, 80.0))) in found
    assert ("capacity", frozenset((5e6, 4e6))) in found
    for suggestion in suggestions:
        assert suggestion.left[0] != suggestion.right[0], "never two figures of one article"
        assert suggestion.records[0].value != suggestion.records[1].value


def test_the_suggester_leaves_out_what_is_not_a_conflict(conflicts_workspace: Path):
    suggestions = suggest_conflicts(Briefing.load(conflicts_workspace))
    pairs = {frozenset((s.records[0].value, s.records[1].value)) for s in suggestions}
    assert frozenset((1950.0, 2010.0)) not in pairs, "a war and a photo caption are not compared"
    assert not any(s.kind == "capacity" and {s.records[0].value, s.records[1].value} == {5e6} for s in suggestions)
    # 1943/1937, 70/80, and 5m/4m once although two sources say five million.
    assert len(suggestions) == 3, [s.reason for s in suggestions]


def test_a_suggestion_says_why_and_offers_a_skeleton_with_the_claim(conflicts_workspace: Path):
    briefing = Briefing.load(conflicts_workspace)
    share = next(s for s in suggest_conflicts(briefing) if s.kind == "share-of-trade")
    assert "share of trade" in share.reason and "70%" in share.reason and "80%" in share.reason
    skeleton = share.skeleton(briefing)
    assert "bridge-share-70" in skeleton and "2021-05-02-courier-bridge" in skeleton
    for article_id, quote in (share.left, share.right):
        assert briefing.articles[article_id].body[quote.start:quote.end] == quote.text


def test_different_measures_are_not_suggested(tmp_path: Path):
    # China's share of North Korea's trade (90%) and the share through Dandong–Sinuiju (70%)
    # measure different things: the shipped dispute says so, and without it nothing is suggested.
    root = make_workspace(tmp_path / "ws")
    briefing = Briefing.load(root)
    for suggestion in suggest_conflicts(briefing):
        assert {suggestion.left[0], suggestion.right[0]} != {RFA, HUNCHUN}


def test_figures_command_prints_the_ledger(run_cli, conflicts_workspace: Path):
    result = run_cli("figures", "2021-05-02-courier-bridge", workspace=conflicts_workspace)
    assert result.exit_code == 0, result.output
    assert "Eighty per cent" in result.stdout and "share of trade" in result.stdout
    data = json.loads(run_cli("figures", "--entity", "east-port", "--json", workspace=conflicts_workspace).stdout)
    assert {r["text"] for r in data} >= {"4 m tonnes", "5 mln tonnes", "five million tonnes"}
    assert all(r["entity"] == "east-port" for r in data)


def test_add_takes_the_dateline_as_publication_date_and_prints_figures(run_cli, conflicts_workspace: Path, tmp_path: Path):
    source = tmp_path / "wire.txt"
    source.write_text("Bridge traffic resumes\n\nDANDONG, 2026-04-02 — Eighty per cent of trade now crosses the "
                      "Friendship Bridge, which was built in 1937, officials said last year.\n", encoding="utf-8")
    result = run_cli("add", str(source), workspace=conflicts_workspace)
    assert result.exit_code == 0, result.output
    assert "added 2026-04-02-" in result.stdout
    assert "80%" in result.stdout and "share of trade" in result.stdout and "year built" in result.stdout
    (path,) = (conflicts_workspace / "corpus").glob("2026-04-02-*.md")
    text = path.read_text(encoding="utf-8")
    assert "published: 2026-04-02" in text and "published_note: 'From the dateline: DANDONG, 2026-04-02'" in text
