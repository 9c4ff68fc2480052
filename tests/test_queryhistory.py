"""The query history: newest last, no repeats, bounded, and a damaged file never stops the app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.queryhistory import LIMIT, LONGEST, QueryHistory


@pytest.mark.parametrize(("asked", "kept"), [
    pytest.param(["bridge", "Rason port"], ["bridge", "Rason port"], id="oldest-first"),
    pytest.param(["bridge", "Rason", "bridge"], ["Rason", "bridge"], id="asked-again-moves-to-newest"),
    pytest.param(["", "   ", "bridge"], ["bridge"], id="blank-is-not-kept"),
    pytest.param(["Rason \n  port\t"], ["Rason port"], id="kept-on-one-line"),
    pytest.param(["[bold]x[/] \x1b[2J"], ["[bold]x[/] \x1b[2J"], id="kept-as-asked-not-interpreted"),
])
def test_record_keeps_the_queries_asked(tmp_path: Path, asked, kept):
    history = QueryHistory(tmp_path / "queries.json")
    for query in asked:
        history.record(query)
    assert history.load() == kept
    assert QueryHistory(tmp_path / "queries.json").load() == kept  # read back by the next launch


def test_the_history_is_bounded_and_drops_the_oldest(tmp_path: Path):
    history = QueryHistory(tmp_path / "queries.json")
    for number in range(LIMIT + 5):
        history.record(f"q{number}")
    kept = history.load()
    assert len(kept) == LIMIT and kept[0] == "q5" and kept[-1] == f"q{LIMIT + 4}"
    assert history.recent(3) == [f"q{LIMIT + 4}", f"q{LIMIT + 3}", f"q{LIMIT + 2}"]


def test_a_pasted_article_is_cut_to_a_query_length(tmp_path: Path):
    history = QueryHistory(tmp_path / "queries.json")
    history.record("word " * 1000)
    assert len(history.load()[0]) == LONGEST


@pytest.mark.parametrize(("content", "notice"), [
    pytest.param("{not json", True, id="not-json"),
    pytest.param(json.dumps({"queries": "bridge"}), False, id="queries-not-a-list"),
    pytest.param(json.dumps(["bridge"]), False, id="not-an-object"),
    pytest.param(json.dumps({"queries": ["ok", 3, None, {"a": 1}]}), False, id="entries-not-strings-left-out"),
])
def test_a_damaged_file_loses_the_history_not_the_app(tmp_path: Path, content, notice):
    path = tmp_path / "queries.json"
    path.write_text(content, encoding="utf-8")
    history = QueryHistory(path)
    assert history.load() in ([], ["ok"])
    assert bool(history.notices) is notice
    history.record("bridge")  # and the next query starts it again
    assert history.load()[-1] == "bridge"


def test_an_unwritable_state_dir_is_said_not_raised(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    history = QueryHistory(blocker / "queries.json")  # its folder is a file
    assert history.record("bridge") == ["bridge"]
    assert any("could not be saved" in notice for notice in history.notices)
