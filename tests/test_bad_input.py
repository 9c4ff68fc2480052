"""What bad input gets: faults and hostile input end in a clear message and lose nothing.

Each test here is a row of the README's "What bad input gets" table that is not already
proven elsewhere (the table names the test for every row).
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import REPO_ROOT, make_workspace, write_file
from tui import ingest
from tui.briefing import Briefing
from tui.search import QueryError, SearchIndex
from tui.workspace import Workspace


def tree_bytes(root: Path) -> dict[str, str]:
    """Every file under corpus/ and briefs/ with the hash of its bytes."""
    out = {}
    for folder in ("corpus", "briefs"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                out[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


# -- briefs ------------------------------------------------------------------------------------

def test_a_ten_thousand_alias_brief_loads_and_matches(workspace: Path):
    aliases = ", ".join(f"Place{n:05d}" for n in range(10_000))
    write_file(workspace, "briefs/sites/many.yaml", f"id: many\nkind: site\ntype: area\nname: Many\n"
                                                   f"aliases: [{aliases}]\nsummary: Ten thousand names.\n")
    write_file(workspace, "corpus/2024-names.md", "---\nid: 2024-names\ntitle: Names\n---\n"
                                                  "We went to Place09999 and to place00000.\n")
    briefing = Briefing.load(workspace)
    assert briefing.workspace.problems == []
    assert [m.text for m in briefing.mentions["2024-names"]] == ["Place09999", "place00000"]


def test_circular_related_links_are_allowed(workspace: Path):
    for a, b in (("alpha", "beta"), ("beta", "alpha")):
        write_file(workspace, f"briefs/sites/{a}.yaml",
                   f"id: {a}\nkind: site\ntype: city\nname: {a.title()}\nrelated: [{b}]\nsummary: Linked.\n")
    ws = Workspace.load(workspace)
    assert ws.problems == []
    assert ws.briefs["alpha"].related == ["beta"] and ws.briefs["beta"].related == ["alpha"]


# -- the index -----------------------------------------------------------------------------------

def test_an_unusable_cache_dir_falls_back_to_a_temp_dir_and_says_so(workspace: Path, tmp_path: Path, run_cli, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache dir should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache"))
    from click.testing import CliRunner

    from tui.cli import cli

    result = CliRunner().invoke(cli, ["--workspace", str(workspace), "search", "molybdenum"])
    assert result.exit_code == 0
    assert "is not writable" in result.stderr and "instead" in result.stderr
    assert "China expands trade" in result.stdout


LOCK_HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from tui.search import SearchIndex
    index = SearchIndex(Path(sys.argv[1]))
    with index._write_lock(5):
        print("locked", flush=True)
        time.sleep(60)
""")


def test_a_lock_left_by_a_killed_process_does_not_block(workspace: Path, index_dir: Path):
    holder = subprocess.Popen([sys.executable, "-c", LOCK_HOLDER, str(index_dir)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        index = SearchIndex(index_dir)
        from tui.search import IndexBusy

        with pytest.raises(IndexBusy):
            index.sync(Briefing.load(workspace).search_documents(), lock_timeout=0.3)
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
        report = index.sync(Briefing.load(workspace).search_documents(), lock_timeout=5)
        assert report.rebuilt and len(report.added) == 5
        assert index.search("molybdenum").hits
    finally:
        holder.kill()


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from tui.briefing import Briefing
    from tui.search import SearchIndex
    index = SearchIndex(Path(sys.argv[2]))
    docs = Briefing.load(Path(sys.argv[1])).search_documents()
    for _ in range(int(sys.argv[3])):
        index.sync(docs, rebuild=True, lock_timeout=30)
    print("done", flush=True)
""")


def test_one_process_writing_while_another_reads(workspace: Path, index_dir: Path):
    index = SearchIndex(index_dir)
    index.sync(Briefing.load(workspace).search_documents())
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(workspace), str(index_dir), "6"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    found = []
    while writer.poll() is None:
        found.append(sorted(h.doc_id for h in index.search("Dandong", kinds=("article",)).hits))
        time.sleep(0.01)
    out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0 and "done" in out, err
    assert len(found) > 3
    assert all(f == found[0] for f in found), "every read saw a whole index"
    assert index.search("Dandong").hits


def test_ctrl_c_during_a_rebuild_leaves_the_previous_index(workspace: Path, index_dir: Path):
    index = SearchIndex(index_dir)
    docs = Briefing.load(workspace).search_documents()
    index.sync(docs)

    def interrupt(done: int, total: int) -> None:
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        index.sync(docs, rebuild=True, progress=interrupt)
    assert [h.doc_id for h in SearchIndex(index_dir).search("molybdenum").hits] == ["2026-03-12-china-trade-border-infrastructure"]
    assert not [p for p in index_dir.parent.iterdir() if ".new-" in p.name or ".old-" in p.name]


# -- queries ------------------------------------------------------------------------------------

def test_a_ten_thousand_character_query_gets_one_line(workspace: Path, run_cli):
    result = run_cli("search", "bridge " * 1500, workspace=workspace)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "limit is 2,000" in result.stderr


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=0, max_size=80))
def test_random_query_strings_never_raise_but_query_errors(corpus_index, query: str):
    try:
        results = corpus_index.search(query)
    except QueryError as err:
        assert "\n" not in str(err)
        return
    assert results.total >= len(results.hits) >= 0


# -- round trips and the loader under random input ---------------------------------------------------

BODY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=300)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=BODY_TEXT, after=BODY_TEXT)
def test_random_unicode_bodies_round_trip_to_search(tmp_path_factory, before: str, after: str):
    root = tmp_path_factory.mktemp("roundtrip")
    for folder in ("corpus", "briefs/sites", "briefs/actors", "briefs/disputes"):
        (root / folder).mkdir(parents=True)
    body = f"{before} quetzalcoatlus {after}\n"
    (root / "corpus" / "2024-r.md").write_text(f"---\nid: 2024-r\ntitle: Random\n---\n{body}", encoding="utf-8")
    ws = Workspace.load(root)
    assert ws.problems == []
    assert ws.articles["2024-r"].body == body
    index = SearchIndex(root / "ix")
    index.sync(Briefing.load(root).search_documents())
    assert [h.doc_id for h in index.search("quetzalcoatlus").hits] == ["2024-r"]


# Pieces YAML is made of, strung together at random: keys, flow and block syntax, anchors,
# tags (including one that would construct an object), quotes, numbers and dates.
YAMLISH = st.lists(st.sampled_from(list("abc:- []{}!&*#'\"\n\t|>%@`0123.,?") + [
    "!!python/object/apply:os.system ['true']", "id: x\n", "kind: site\n", "type: city\n", "claims:\n  - ",
    "&a ", "*a", "2016-13-45", "!!int foo", "<<: *a\n"]), max_size=40).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(YAMLISH)
def test_random_yaml_never_crashes_the_loader(tmp_path_factory, text: str):
    root = tmp_path_factory.mktemp("yaml")
    for folder in ("corpus", "briefs/sites", "briefs/actors", "briefs/disputes"):
        (root / folder).mkdir(parents=True)
    (root / "briefs" / "sites" / "x.yaml").write_text(text, encoding="utf-8")
    (root / "briefs" / "disputes" / "y.yaml").write_text(text, encoding="utf-8")
    ws = Workspace.load(root)  # must not raise
    assert {p.path.name for p in ws.problems} <= {"x.yaml", "y.yaml"}


# -- ingest ------------------------------------------------------------------------------------

def test_a_file_that_vanishes_mid_read_is_reported_and_nothing_written(workspace: Path, tmp_path: Path, monkeypatch):
    source = tmp_path / "vanishing.html"
    source.write_text("<html><body><p>Text</p></body></html>", encoding="utf-8")
    real_read = os.read
    inode = source.stat().st_ino

    def read(fd, size):  # the file's server goes away between open and read (NFS: ESTALE)
        if os.fstat(fd).st_ino == inode:
            raise OSError(116, "Stale file handle")
        return real_read(fd, size)

    monkeypatch.setattr(os, "read", read)
    before = tree_bytes(workspace)
    with pytest.raises(ingest.IngestError, match="cannot read"):
        ingest.read_input(str(source))
    assert tree_bytes(workspace) == before


# -- nothing is lost -----------------------------------------------------------------------------

def test_no_code_path_but_add_changes_corpus_or_briefs(tmp_path: Path, run_cli, monkeypatch):
    root = tmp_path / "ws"
    import shutil

    shutil.copytree(REPO_ROOT / "corpus", root / "corpus")
    shutil.copytree(REPO_ROOT / "briefs", root / "briefs")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    before = tree_bytes(root)
    for args in (("index",), ("index", "--rebuild"), ("search", "bridge"), ("check",), ("entities",),
                 ("entities", "--unbriefed"), ("compare",), ("compare", "--suggest"), ("coverage",),
                 ("show", "dandong"), ("watch", "add", "w", "Rason"), ("watch", "check")):
        run_cli(*args, workspace=root)
        assert tree_bytes(root) == before, f"`borderbrief {' '.join(args)}` changed the workspace"
    Briefing.load(root)  # what a reload does
    assert tree_bytes(root) == before
    result = run_cli("add", "-", "--title", "New", workspace=root, input="A new article about Rason.\n")
    assert result.exit_code == 0
    after = tree_bytes(root)
    added = set(after) - set(before)
    assert added == {"corpus/undated-new.md"}
    assert {k: v for k, v in after.items() if k in before} == before, "add wrote only its new file"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param("丹东", {"2024-zh"}, id="chinese-name-inside-a-run"),
        pytest.param('"丹东"', {"2024-zh"}, id="chinese-phrase"),
        pytest.param("신의주", {"2024-ko"}, id="korean-name-with-a-particle"),
        pytest.param("东方", set(), id="chinese-characters-apart-do-not-match"),
        pytest.param("평양", set(), id="korean-not-in-the-corpus"),
    ],
)
def test_chinese_and_korean_queries(tmp_path: Path, query: str, expected: set[str]):
    root = make_workspace(tmp_path / "ws")
    write_file(root, "corpus/2024-zh.md", "---\nid: 2024-zh\ntitle: 口岸\n---\n丹东市是中国边境城市，东边是朝鲜新义州。\n")
    write_file(root, "corpus/2024-ko.md", "---\nid: 2024-ko\ntitle: 국경\n---\n신의주에서 단둥까지 다리가 있다. 방동과 단풍.\n")
    index = SearchIndex(tmp_path / "ix")
    index.sync(Briefing.load(root).search_documents())
    assert {h.doc_id for h in index.search(query, kinds=("article",)).hits} == expected
