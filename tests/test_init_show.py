"""`borderbrief init` and `borderbrief show`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import REPO_ROOT, RFA, write_file


def test_init_makes_an_empty_workspace(run_cli, tmp_path: Path):
    root = tmp_path / "new"
    result = run_cli("init", str(root), workspace=tmp_path)
    assert result.exit_code == 0, result.output
    for folder in ("corpus", "briefs/sites", "briefs/actors", "briefs/disputes", "schema"):
        assert (root / folder).is_dir()
    assert {p.name for p in (root / "schema").iterdir()} >= {"brief.schema.json", "dispute.schema.json"}
    assert (root / "README.md").is_file()
    assert not list((root / "corpus").iterdir())
    assert run_cli("check", workspace=root).exit_code == 0


def test_init_sample_copies_the_shipped_workspace(run_cli, tmp_path: Path):
    root = tmp_path / "copy"
    assert run_cli("init", "--sample", str(root), workspace=tmp_path).exit_code == 0
    shipped = sorted(p.relative_to(REPO_ROOT / "briefs") for p in (REPO_ROOT / "briefs").rglob("*.yaml"))
    copied = sorted(p.relative_to(root / "briefs") for p in (root / "briefs").rglob("*.yaml"))
    assert copied == shipped
    assert run_cli("check", workspace=root).exit_code == 0


@pytest.mark.parametrize("existing", [pytest.param("file.txt", id="a-file-inside"), pytest.param(".hidden", id="a-hidden-file")])
def test_init_refuses_a_non_empty_directory(run_cli, tmp_path: Path, existing: str):
    root = tmp_path / "busy"
    root.mkdir()
    (root / existing).write_text("keep me", encoding="utf-8")
    result = run_cli("init", str(root), workspace=tmp_path)
    assert result.exit_code == 2 and "not an empty directory" in result.stderr
    assert [p.name for p in root.iterdir()] == [existing]
    assert (root / existing).read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize(
    ("item", "expect"),
    [
        pytest.param(RFA, "Radio Free Asia", id="article"),
        pytest.param("new-yalu-river-bridge", "Claims", id="site-brief"),
        pytest.param("kotra", "Korea Trade", id="actor-brief"),
        pytest.param("nyrb-completed-2014", "completed in 2014", id="claim"),
        pytest.param("nyrb-opening-status", "New Yalu River Bridge", id="dispute"),
    ],
)
def test_show_renders_each_kind_of_thing(run_cli, item: str, expect: str, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    result = run_cli("show", item, workspace=REPO_ROOT)
    assert result.exit_code == 0, result.output
    assert expect in " ".join(result.stdout.split())


def test_show_json_of_an_article_gives_the_loaded_object_with_mentions(run_cli):
    result = run_cli("show", RFA, "--json", workspace=REPO_ROOT)
    data = json.loads(result.stdout)
    assert data["id"] == RFA and data["outlet"] == "Radio Free Asia" and data["published"] == "2022-09"
    body = data["body"]
    assert data["mentions"] and all(body[m["start"]:m["end"]] == m["text"] for m in data["mentions"])
    assert data["claims"]


def test_show_json_of_a_brief_lists_claims_with_sources_and_disputes(run_cli):
    data = json.loads(run_cli("show", "new-yalu-river-bridge", "--json", workspace=REPO_ROOT).stdout)
    assert data["kind"] == "site" and data["location"]["lat"] > 39
    assert all(c["source"] and c["quote"] for c in data["claims"])
    assert "nyrb-opening-status" in data["disputes"]


def test_show_unknown_id_exits_2(run_cli):
    result = run_cli("show", "no-such-thing", workspace=REPO_ROOT)
    assert result.exit_code == 2 and "no article, brief, claim or dispute" in result.stderr


def test_show_heads_an_article_as_the_reader_does(run_cli, workspace, monkeypatch):
    """One header for both: the date to the precision known, and every note the loader kept."""
    from tui.article_header import article_header
    from tui.briefing import Briefing

    monkeypatch.setenv("COLUMNS", "200")
    write_file(workspace, "corpus/2019-05-note.md", """\
        ---
        id: 2019-05-note
        title: Rason port works
        outlet: Example Wire
        published: 2019-05
        published_note: month from the print edition
        title_note: title translated from the Korean
        ---
        Work at Rason port went on.
        """)
    shown = " ".join(run_cli("show", "2019-05-note", workspace=workspace).stdout.split())
    header = article_header(Briefing.load(workspace).articles["2019-05-note"])
    expected = [" ".join("".join(part.text for part in parts).split()) for parts in header]
    assert expected == ["Rason port works", "Example Wire · May 2019 (to the month)",
                        "month from the print edition", "title translated from the Korean"]
    assert all(text in shown for text in expected)
