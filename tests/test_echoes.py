"""Echo detection and coverage by independent origin, on short texts written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import write_file
from tui.briefing import Briefing
from tui.echoes import citations_in, find_echoes, independent_origins

WIRE = ("Trucks carrying steel crossed the New Yalu River Bridge on Tuesday for the first time since it was "
        "completed. Customs officers in Dandong inspected each of the forty vehicles before they left for Sinuiju. "
        "Officials said the crossing would open fully next spring.")


def _article(root: Path, article_id: str, outlet: str, published: str, body: str) -> None:
    write_file(root, f"corpus/{article_id}.md",
               f"---\nid: {article_id}\ntitle: {article_id}\noutlet: {outlet}\npublished: {published}\n---\n{body}\n")


@pytest.fixture
def echo_workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    for folder in ("sites", "actors", "disputes"):
        (root / "briefs" / folder).mkdir(parents=True)
    write_file(root, "briefs/sites/dandong.yaml", "id: dandong\nkind: site\ntype: city\nname: Dandong\nsummary: x\n")
    _article(root, "2026-04-01-wire", "Border Wire", "2026-04-01", WIRE)
    # A rewrite: the same sentences with a word changed, and a line of its own.
    _article(root, "2026-04-02-daily", "Daily Courier", "2026-04-02",
             WIRE.replace("Tuesday", "Tuesday morning") + " Our reporter watched from the riverbank in Dandong.")
    _article(root, "2026-04-03-weekly", "Weekly", "2026-04-03",
             "According to Border Wire, steel went across the bridge at Dandong this week.")
    _article(root, "2026-04-04-own", "Own Reporting", "2026-04-04",
             "In Dandong, market traders told us prices of rice had doubled since the winter began.")
    return root


def test_a_rewrite_and_a_citation_are_echoes_of_their_origin(echo_workspace: Path):
    briefing = Briefing.load(echo_workspace)
    echoes = find_echoes(briefing)
    assert echoes["2026-04-02-daily"].repeats == {"2026-04-01-wire": 3}
    assert echoes["2026-04-03-weekly"].cites == ["Border Wire"]
    assert "2026-04-01-wire" not in echoes and "2026-04-04-own" not in echoes
    # Four articles name Dandong; they rest on two origins: the wire (three of them) and our own.
    articles = list(briefing.articles)
    assert independent_origins(briefing, articles) == 2


@pytest.mark.parametrize("text, cited", [
    ("North Korea opened the wharf, according to a report carried by the Korean Central News Agency (KCNA).",
     ["Korean Central News Agency (KCNA)"]),
    ("Yonhap reported that the trains resumed.", ["Yonhap"]),
    ("Строительство продвинулось, сообщает Newsweek.", ["Newsweek"]),
    ("据英国《卫报》报道，丹东是最大城市。", ["卫报"]),
    ("The U.S. reported no change.", []),
    ("Officials said the bridge was closed.", []),
], ids=["according-to-a-report-carried-by", "x-reported", "russian-soobshchaet", "chinese-ju-baodao",
        "a-state-is-not-an-outlet", "officials-are-not-an-outlet"])
def test_citations_name_outlets_only(text: str, cited: list[str]):
    assert citations_in(text) == cited


def test_echoes_command(run_cli, echo_workspace: Path):
    result = run_cli("echoes", "--json", workspace=echo_workspace)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {e["article"] for e in data["echoes"]} == {"2026-04-02-daily", "2026-04-03-weekly"}
    assert {"entity": "dandong", "articles": 4, "origins": 2} in data["entities"]


async def test_the_apps_coverage_counts_independent_origins(echo_workspace: Path, tmp_path: Path):
    """Four articles name Dandong; the coverage screen's Origins column says they rest on two."""
    from textual.widgets import DataTable

    from tui.app import make_app
    from tui.app.screens.coverage import CoverageScreen

    app = make_app(echo_workspace, tmp_path / "app-ix", monitor_files=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, CoverageScreen)
        table = app.screen.query_one(DataTable)
        row = table.get_row("dandong")
        origins = row[table.get_column_index("origins")]
        assert origins.plain == "2 of 4"
