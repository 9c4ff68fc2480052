"""The command line, run in-process with click's CliRunner, always on a tmp workspace and a
tmp index (`--index-dir`), with XDG_CACHE_HOME pointed at a tmp dir."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from click.testing import CliRunner

from support import (ALL_ARTICLES, CHINA_TRADE, HUNCHUN, NEWEST_FIRST, RFA, article_body, line_of,
                     replace_in, write_file)
from tui import __version__
from tui.briefing import Briefing
from tui.cli import COMMANDS, cli

HIT_KEYS = {"id", "title", "outlet", "published", "score", "fragments"}


def assert_no_traceback(result):
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


# -- search --------------------------------------------------------------------------------------

def test_search_json_is_a_list_of_hits(small_workspace, run_cli):
    result = run_cli("search", "bridge", "--json", workspace=small_workspace)
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert isinstance(hits, list) and hits
    for hit in hits:
        assert HIT_KEYS <= set(hit), hit
        assert isinstance(hit["id"], str) and hit["id"]
        assert isinstance(hit["title"], str) and hit["title"]
        assert hit["outlet"] is None or isinstance(hit["outlet"], str)
        assert hit["published"] is None or re.fullmatch(r"\d{4}(-\d\d){0,2}", hit["published"])
        assert isinstance(hit["score"], (int, float)) and hit["score"] > 0
        assert isinstance(hit["fragments"], list) and hit["fragments"]
        assert all(isinstance(f, str) for f in hit["fragments"])
        assert any(re.search(r"(?i)\bbridges?\b", f) for f in hit["fragments"])
    assert {hit["id"] for hit in hits} == {RFA, HUNCHUN, CHINA_TRADE}


def test_search_json_for_claims(small_workspace, run_cli):
    result = run_cli("search", "--kind", "claim", "--json", "3.2", workspace=small_workspace)
    assert result.exit_code == 0, result.output
    [hit] = json.loads(result.stdout)
    assert (hit["id"], hit["kind"], hit["article"], hit["brief"]) == ("nk-trade-2019", "claim", RFA, "sinuiju")


def test_search_words_are_joined_into_one_query(small_workspace, run_cli):
    result = run_cli("search", "--json", "--kind", "article", "molybdenum", "OR", "Kremlin", workspace=small_workspace)
    assert result.exit_code == 0
    assert {hit["id"] for hit in json.loads(result.stdout)} == {CHINA_TRADE, "2023-rason-russia-cooperation"}


def test_empty_search_lists_articles_newest_first(workspace, run_cli):
    result = run_cli("search", "--json", workspace=workspace)
    assert result.exit_code == 0
    assert [hit["id"] for hit in json.loads(result.stdout)] == NEWEST_FIRST


def test_search_table_shows_titles_and_counts(small_workspace, run_cli):
    result = run_cli("search", "--kind", "article", "molybdenum", workspace=small_workspace)
    assert result.exit_code == 0
    assert "1 of 1 match(es) for molybdenum" in result.stdout
    assert "China expands trade and border" in result.stdout
    assert "molybdenum" in result.stdout


def test_search_limit(small_workspace, run_cli):
    result = run_cli("search", "--kind", "article", "-n", "2", "--json", "Sinuiju", workspace=small_workspace)
    assert len(json.loads(result.stdout)) == 2
    table = run_cli("search", "--kind", "article", "-n", "2", "Sinuiju", workspace=small_workspace)
    assert "2 of 4 match(es)" in table.stdout


def test_search_entity_option(small_workspace, run_cli):
    result = run_cli("search", "--entity", "kotra", "--kind", "article", "--json", "trade", workspace=small_workspace)
    assert result.exit_code == 0
    assert [hit["id"] for hit in json.loads(result.stdout)] == [RFA]


@pytest.mark.parametrize(
    "query, says",
    [
        ('"New Yalu River', "unbalanced quote"),
        ("bridge]", "unmatched ']'"),
        ("published:[2020 TO", "unbalanced '['"),
        ("(bridge OR port", "unbalanced '('"),
        ("(bridge]", "closed by ']'"),
        ("country:KP", "unknown field 'country:'"),
    ],
    ids=["unbalanced-quote", "stray-bracket", "unclosed-range", "unclosed-group", "mismatched-brackets", "unknown-field"],
)
def test_malformed_query_exits_2_with_one_line_on_stderr(workspace, run_cli, query, says):
    result = run_cli("search", query, workspace=workspace)
    assert result.exit_code == 2
    assert_no_traceback(result)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("borderbrief: bad query: ")
    assert says in lines[0]


def test_malformed_query_with_json_prints_no_json(workspace, run_cli):
    result = run_cli("search", "--json", "bridge]", workspace=workspace)
    assert result.exit_code == 2
    assert result.stdout == ""


@pytest.mark.parametrize("as_json", [False, True], ids=["table", "json"])
def test_no_match_exits_1(workspace, run_cli, as_json):
    result = run_cli("search", *(["--json"] if as_json else []), "zeppelin", workspace=workspace)
    assert result.exit_code == 1
    assert_no_traceback(result)
    if as_json:
        assert json.loads(result.stdout) == []
    else:
        assert "No matches for 'zeppelin'" in result.stdout


def test_only_common_words_exit_1_with_a_notice(workspace, run_cli):
    result = run_cli("search", "the", "of", workspace=workspace)
    assert result.exit_code == 1
    assert "only common words" in result.stderr


def test_unknown_entity_exits_2(small_workspace, run_cli):
    result = run_cli("search", "--entity", "atlantis", "bridge", workspace=small_workspace)
    assert result.exit_code == 2
    assert "unknown entity 'atlantis'" in result.stderr
    assert_no_traceback(result)


def test_untrusted_text_is_shown_not_obeyed(workspace, run_cli):
    write_file(workspace, "corpus/2024-01-01-hostile.md", """
        ---
        id: 2024-01-01-hostile
        title: "Zeppelin \\e[31mred\\e[0m [bold]loud[/bold]"
        published: 2024-01-01
        ---
        A zeppelin [link=https://example.org]click[/link] \x1b]0;owned\x07 over \u202eRason.
        """)
    result = run_cli("search", "zeppelin", workspace=workspace)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\u202e" not in result.stdout
    assert "[bold]loud[/bold]" in result.stdout  # markup shown literally
    assert "␛" in result.stdout  # the escape character made visible


# -- index ---------------------------------------------------------------------------------------

def test_index_rebuild_prints_counts(small_workspace, run_cli, tmp_path):
    documents = len(Briefing.load(small_workspace).search_documents())
    index_dir = tmp_path / "ix"

    result = run_cli("index", "--rebuild", workspace=small_workspace, index_dir=index_dir)

    assert result.exit_code == 0, result.output
    assert f"rebuilt: {documents} documents; {documents} added, 0 updated, 0 removed, 0 unchanged" in result.stdout
    assert f"index: {index_dir}" in result.stdout


def test_index_is_incremental(small_workspace, run_cli, tmp_path):
    documents = len(Briefing.load(small_workspace).search_documents())
    index_dir = tmp_path / "ix"
    first = run_cli("index", workspace=small_workspace, index_dir=index_dir)
    assert f"{documents} added" in first.stdout

    again = run_cli("index", workspace=small_workspace, index_dir=index_dir)
    assert f"synced: {documents} documents; 0 added, 0 updated, 0 removed, {documents} unchanged" in again.stdout

    path = small_workspace / "corpus" / f"{RFA}.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    edited = run_cli("index", "--json", workspace=small_workspace, index_dir=index_dir)
    report = json.loads(edited.stdout)
    assert report["updated"] == [f"article:{RFA}"]
    assert (report["added"], report["removed"], report["changed"], report["documents"]) == ([], [], 1, documents)
    assert report["unchanged"] == documents - 1


def test_search_syncs_the_index_only_when_something_changed(small_workspace, run_cli, tmp_path):
    documents = len(Briefing.load(small_workspace).search_documents())
    index_dir = tmp_path / "ix"
    first = run_cli("search", "bridge", workspace=small_workspace, index_dir=index_dir, global_options=["-v"])
    assert f"index synced: {documents} document(s) written" in first.stderr
    second = run_cli("search", "bridge", workspace=small_workspace, index_dir=index_dir, global_options=["-v"])
    assert "index synced" not in second.stderr
    assert second.exit_code == 0


def test_index_dir_option_keeps_the_user_cache_empty(small_workspace, run_cli, tmp_path, _private_cache):
    index_dir = tmp_path / "ix"
    for args in (("index",), ("search", "bridge"), ("check",), ("entities", "--json")):
        run_cli(*args, workspace=small_workspace, index_dir=index_dir)
    assert any(index_dir.iterdir())
    assert not _private_cache.exists() or not any(_private_cache.rglob("*"))


# -- entities ------------------------------------------------------------------------------------

def test_entities_json(small_workspace, run_cli):
    result = run_cli("entities", "--json", workspace=small_workspace)
    assert result.exit_code == 0, result.output
    entities = {e["id"]: e for e in json.loads(result.stdout)}
    assert set(entities) == {"sinuiju", "dandong", "kotra"}
    for entity in entities.values():
        assert set(entity) >= {"id", "kind", "type", "name", "mentions", "articles"}
        assert entity["mentions"] == sum(entity["articles"].values())
    sinuiju = entities["sinuiju"]
    assert (sinuiju["kind"], sinuiju["type"], sinuiju["name"]) == ("site", "city", "Sinuiju")
    expected = Counter({a: len(re.findall(r"\bSinuiju\b", article_body(a))) for a in ALL_ARTICLES})
    assert sinuiju["articles"] == {a: n for a, n in expected.items() if n}
    assert entities["kotra"]["articles"] == {RFA: 2}
    # Sites first, then actors; within a kind, most mentioned first.
    order = [e["id"] for e in json.loads(result.stdout)]
    assert order == ["dandong", "sinuiju", "kotra"]


@pytest.mark.parametrize("kind, ids", [("site", {"sinuiju", "dandong"}), ("actor", {"kotra"})], ids=["sites", "actors"])
def test_entities_kind_filter(small_workspace, run_cli, kind, ids):
    result = run_cli("entities", "--kind", kind, "--json", workspace=small_workspace)
    assert {e["id"] for e in json.loads(result.stdout)} == ids


def test_entities_unbriefed_lists_names_without_a_brief(small_workspace, run_cli):
    result = run_cli("entities", "--unbriefed", "--json", workspace=small_workspace)
    assert result.exit_code == 0, result.output
    names = {n["name"]: n for n in json.loads(result.stdout)}
    assert "Hunchun" in names
    assert set(names["Hunchun"]["articles"]) == {a for a in ALL_ARTICLES if "Hunchun" in article_body(a)}
    for covered in ("Sinuiju", "Dandong", "KOTRA"):
        assert covered not in names


def test_entities_table(small_workspace, run_cli):
    result = run_cli("entities", workspace=small_workspace)
    assert result.exit_code == 0
    for name in ("Sinuiju", "Dandong", "KOTRA"):
        assert name in result.stdout


# -- check (details in test_check.py) ----------------------------------------------------------

def test_check_exit_codes(small_workspace, run_cli):
    assert run_cli("check", workspace=small_workspace).exit_code == 0
    sinuiju = small_workspace / "briefs/sites/sinuiju.yaml"
    replace_in(sinuiju, "related: [dandong]", "related: [dandong, atlantis]")
    result = run_cli("check", workspace=small_workspace)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"briefs/sites/sinuiju.yaml:{line_of(sinuiju, 'related:')}: related id 'atlantis' does not exist"]
    assert "1 problem(s)" in result.stderr


# -- the command group ---------------------------------------------------------------------------

def test_help_lists_every_command():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    commands = set(COMMANDS)
    assert {"search", "index", "check", "entities"} <= commands
    listed = set(re.findall(r"^  ([a-z][a-z-]*)\s", result.output.split("Commands:")[1], re.MULTILINE))
    assert listed == commands
    assert "--index-dir" not in result.output  # hidden: for tests and benchmarks


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Usage: ")


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_verbose_says_which_workspace_and_index(small_workspace, run_cli, tmp_path):
    index_dir = tmp_path / "ix"
    result = run_cli("search", "bridge", workspace=small_workspace, index_dir=index_dir, global_options=["-v"])
    assert f"workspace: {small_workspace} (--workspace)" in result.stderr
    assert f"index: {index_dir}" in result.stderr


@pytest.mark.parametrize("how", ["environment", "current-directory"])
def test_verbose_names_how_the_workspace_was_found(workspace, tmp_path, monkeypatch, how):
    if how == "environment":
        monkeypatch.setenv("BORDERBRIEF_WORKSPACE", str(workspace))
        monkeypatch.chdir(tmp_path)
        reason = "$BORDERBRIEF_WORKSPACE"
    else:
        monkeypatch.chdir(workspace)
        reason = "current directory"
    result = CliRunner().invoke(cli, ["--index-dir", str(tmp_path / "ix"), "-v", "check"])
    assert result.exit_code == 0, result.output
    assert f"workspace: {workspace} ({reason})" in result.stderr


def test_quiet_by_default(small_workspace, run_cli):
    result = run_cli("check", workspace=small_workspace)
    assert "workspace:" not in result.stderr


def test_not_a_workspace_exits_2(tmp_path, run_cli):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_cli("check", workspace=empty)
    assert result.exit_code == 2
    assert "is not a borderbrief workspace" in result.stderr
    assert_no_traceback(result)
