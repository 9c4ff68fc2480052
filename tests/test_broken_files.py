"""Files that are not what their names say, and YAML that would stall or break the loader.

Each case ends in one problem line for that file while the rest of the workspace loads,
and nothing blocks: a FIFO is never opened for a blocking read, a device is never read to
its (missing) end, an alias bomb is refused before it is expanded.
"""

from __future__ import annotations

import json
import os
import re
import threading
import unicodedata
from pathlib import Path

import pytest

from support import ALL_ARTICLES, build_index, make_workspace, write_file
from tui.safefile import UnreadableFile, read_regular_file
from tui.search import QueryError
from tui.search.query import MAX_EXPANDED_TERMS
from tui.workspace import Workspace
from tui.yamlsource import MAX_ALIASES, YamlSourceError, load_yaml

GOOD_SITE = "id: {id}\nkind: site\ntype: city\nname: {name}\nsummary: A city.\n"


def load_within_seconds(root: Path, seconds: float = 20) -> Workspace:
    """Workspace.load in a thread, failing (not hanging) if it blocks."""
    box: dict[str, object] = {}
    thread = threading.Thread(target=lambda: box.setdefault("ws", Workspace.load(root)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "loading the workspace blocked"
    return box["ws"]  # type: ignore[return-value]


def problems_for(workspace: Workspace, name: str) -> list[str]:
    return [p.message for p in workspace.problems if p.path.name == name]


def _fifo(path: Path, outside: Path) -> None:
    os.mkfifo(path)


def _device(path: Path, outside: Path) -> None:
    path.symlink_to("/dev/zero")


def _directory(path: Path, outside: Path) -> None:
    path.mkdir()


def _symlink_outside(path: Path, outside: Path) -> None:
    secret = outside / "secret.md"
    secret.write_text("---\nid: secret\ntitle: Secret\n---\nNot part of this workspace.\n", encoding="utf-8")
    path.symlink_to(secret)


def _symlink_loop(path: Path, outside: Path) -> None:
    path.symlink_to(path)


SPECIAL_FILES = [
    pytest.param(_fifo, "a FIFO (named pipe), not a regular file", id="fifo-is-skipped-unread"),
    pytest.param(_device, "outside the workspace", id="symlink-to-dev-zero-is-not-read"),
    pytest.param(_directory, "a directory, not a regular file", id="directory-named-like-a-file"),
    pytest.param(_symlink_outside, "outside the workspace", id="symlink-out-of-the-workspace"),
    pytest.param(_symlink_loop, "outside the workspace", id="symlink-loop"),
]


@pytest.mark.parametrize("folder,name", [("corpus", "x.md"), ("briefs/sites", "x.yaml")], ids=["article", "brief"])
@pytest.mark.parametrize("make,message", SPECIAL_FILES)
def test_special_files_are_skipped_with_a_problem_and_never_block(tmp_path, folder, name, make, message):
    root = make_workspace(tmp_path / "ws")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    make(root / folder / name, outside)

    workspace = load_within_seconds(root)

    assert set(workspace.articles) == ALL_ARTICLES
    found = problems_for(workspace, name)
    assert len(found) == 1 and message in found[0], found


def test_a_device_inside_the_workspace_is_not_read(tmp_path):
    # /dev/zero reports a size of 0: a cap that trusts st_size would read it for ever.
    with pytest.raises(UnreadableFile, match="a device, not a regular file"):
        read_regular_file(Path("/dev/zero"), 1024, within=Path("/dev"))


def test_the_size_cap_counts_bytes_read(tmp_path):
    path = tmp_path / "big.md"
    path.write_bytes(b"x" * 5000)
    assert read_regular_file(path, 5000) == b"x" * 5000
    with pytest.raises(UnreadableFile, match="over the"):
        read_regular_file(path, 4999)


def test_an_unlistable_corpus_is_a_problem_not_a_traceback(tmp_path, monkeypatch):
    # The suite may run as root, for whom chmod 000 changes nothing: the refusal is the OS's.
    root = make_workspace(tmp_path / "ws")
    real_iterdir = Path.iterdir

    def iterdir(self):
        if self.name == "corpus":
            raise PermissionError(13, "Permission denied")
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    workspace = Workspace.load(root)
    assert workspace.articles == {}
    assert [p.message for p in workspace.problems if p.path.name == "corpus"] == [
        "cannot list this folder: Permission denied; its files are not loaded"]


# -- YAML that breaks or stalls the loader ----------------------------------------------------

@pytest.mark.parametrize("byte,code", [("\x1b", "001B"), ("\x00", "0000"), ("\x7f", "007F"), ("\x9b", "009B")],
                         ids=["esc", "nul", "del", "c1-csi"])
@pytest.mark.parametrize("where", ["brief", "front-matter"])
def test_a_control_byte_in_yaml_is_one_problem_with_its_line(tmp_path, byte, code, where):
    root = make_workspace(tmp_path / "ws")
    if where == "brief":
        write_file(root, "briefs/sites/dandong.yaml", GOOD_SITE.format(id="dandong", name=f"Dan{byte}dong"))
        name, line = "dandong.yaml", 4
    else:
        write_file(root, "corpus/2024-x.md", f"---\nid: 2024-x\ntitle: Bad{byte}title\n---\nBody.\n")
        name, line = "2024-x.md", 3
    write_file(root, "briefs/sites/sinuiju.yaml", GOOD_SITE.format(id="sinuiju", name="Sinuiju"))

    workspace = Workspace.load(root)

    [problem] = [p for p in workspace.problems if p.path.name == name]
    assert problem.line == line
    assert f"control character U+{code}" in problem.message
    assert "sinuiju" in workspace.briefs and ALL_ARTICLES <= set(workspace.articles)


ALIAS_BOMBS = [
    pytest.param("aliases: [&s \"" + "x" * 200_000 + "\"" + ", *s" * 5000 + "]", "more than 100 alias references",
                 id="one-big-string-repeated"),
    pytest.param("a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9)),
        "expand this file", id="billion-laughs-nesting"),
    pytest.param("a: &a [*a]\n", "refers to the collection that contains it", id="self-reference"),
]


@pytest.mark.parametrize("text,message", ALIAS_BOMBS)
def test_alias_bombs_are_refused_before_expansion(text, message):
    with pytest.raises(YamlSourceError, match=message):
        load_yaml(text)


def test_a_few_aliases_still_load():
    doc = load_yaml("a: &x [1, 2]\nb: *x\n" + "".join(f"c{i}: *x\n" for i in range(MAX_ALIASES - 1)))
    assert doc.data["b"] == [1, 2] and doc.data[f"c{MAX_ALIASES - 2}"] == [1, 2]


def test_an_alias_bomb_brief_is_a_problem_and_check_is_quick(tmp_path):
    root = make_workspace(tmp_path / "ws")
    write_file(root, "briefs/sites/bomb.yaml", GOOD_SITE.format(id="bomb", name="Bomb")
               + "aliases: [&s \"" + "y" * 200_000 + "\"" + ", *s" * 5000 + "]\n")
    workspace = load_within_seconds(root, seconds=30)
    [message] = problems_for(workspace, "bomb.yaml")
    assert "more than 100 alias references" in message and "bomb" not in workspace.briefs


# -- numbers a chart or JSON cannot hold ------------------------------------------------------

@pytest.mark.parametrize("value,message", [
    pytest.param("1" * 400, "a number of 400 digits is not a figure", id="400-digit-number"),
    pytest.param(".inf", "a value must be a finite number, not inf", id="infinity"),
    pytest.param("-.inf", "not -inf", id="minus-infinity"),
    pytest.param(".nan", "not nan", id="not-a-number"),
])
def test_an_impossible_figure_is_a_problem_and_exports_stay_valid(small_workspace, run_cli, tmp_path, value, message):
    path = small_workspace / "briefs/sites/sinuiju.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 3200000000", f"value: {value}"), encoding="utf-8")

    check = run_cli("check", workspace=small_workspace)
    assert check.exit_code == 1 and message in check.stdout
    exported = run_cli("export", "--format", "json", workspace=small_workspace)
    assert exported.exit_code == 0, exported.output
    json.loads(exported.stdout, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))
    for args in (("export", "--measures"), ("export", "--chart", f"nk-china-trade-value={tmp_path / 'c.svg'}")):
        result = run_cli(*args, workspace=small_workspace)
        assert "Traceback" not in result.output and not isinstance(result.exception, OverflowError)


# -- watches files of the wrong shape ---------------------------------------------------------

@pytest.mark.parametrize("relative,content,notice", [
    pytest.param("watches.json", {"watches": 5}, "'watches' is not a list", id="watches-not-a-list"),
    pytest.param("watch-state", {"seen": []}, "wrong shape and has been started afresh", id="seen-not-a-mapping"),
    pytest.param("watch-state", {"seen": {"rason": [[1], {"x": 2}, "2024-01-a"]}}, None, id="seen-ids-not-strings"),
])
def test_a_watches_file_of_the_wrong_shape_is_a_notice(small_workspace, run_cli, tmp_path, relative, content, notice):
    config = tmp_path / "xdg-config" / "borderbrief"
    assert run_cli("watch", "add", "rason", "Rason", workspace=small_workspace).exit_code == 0
    assert run_cli("watch", "check", workspace=small_workspace).exit_code == 0
    target = config / "watches.json" if relative == "watches.json" else next((config / "watch-state").glob("*.json"))
    target.write_text(json.dumps(content), encoding="utf-8")
    for command in (("watch", "list"), ("watch", "check")):
        result = run_cli(*command, workspace=small_workspace)
        assert result.exit_code == 0 and result.exception is None, result.output
        if notice and command == ("watch", "check"):
            assert notice in result.stderr


# -- queries -----------------------------------------------------------------------------------

@pytest.mark.parametrize("query,message", [
    pytest.param("NOT " * 400 + "bridge", "NOT at column 1 is followed by NOT", id="not-repeated-400-times"),
    pytest.param("bridge NOT OR rail", "NOT at column 8 is followed by OR", id="not-then-or"),
])
def test_operators_that_do_not_fit_get_one_line(small_workspace, run_cli, query, message):
    result = run_cli("search", query, workspace=small_workspace)
    assert result.exit_code == 2 and message in result.stderr and "list index" not in result.stderr


def test_a_query_that_starts_with_a_dash(small_workspace, run_cli):
    refused = run_cli("search", "-bridge", workspace=small_workspace)
    assert refused.exit_code == 2
    assert "put it after --: borderbrief search -- -bridge" in refused.stderr
    accepted = run_cli("search", "--json", "--", "-bridge", "Rason", workspace=small_workspace)
    assert accepted.exit_code == 0 and json.loads(accepted.stdout)


# -- the same word in another Unicode form -----------------------------------------------------

@pytest.mark.parametrize("body_form", ["NFC", "NFD"])
@pytest.mark.parametrize("query", [pytest.param("Zulpok", id="plain"), pytest.param("Zŭlpŏk", id="nfc-query"),
                                   pytest.param(unicodedata.normalize("NFD", "Zŭlpŏk"), id="nfd-query"),
                                   pytest.param("\"Zŭlpŏk customs\"", id="nfc-phrase")])
def test_a_word_is_found_whatever_its_normal_form(tmp_path, body_form, query):
    root = make_workspace(tmp_path / "ws")
    body = unicodedata.normalize(body_form, "Trucks waited at Zŭlpŏk customs for a day.\n")
    write_file(root, "corpus/2024-nfd.md", f"---\nid: 2024-nfd\ntitle: Queue\n---\n{body}")
    index = build_index(root, tmp_path / "ix")

    results = index.search(query, limit=10)

    assert [h.article_id for h in results.hits] == ["2024-nfd"]
    spans = index.term_spans(query, body)  # the reader marks the whole word, in the body as it is
    assert spans and unicodedata.normalize("NFC", body[spans[0][0]:spans[0][1]]) == "Zŭlpŏk"


# -- patterns that stand for too many words ----------------------------------------------------

@pytest.fixture(scope="module")
def many_words_index(tmp_path_factory):
    base = tmp_path_factory.mktemp("many-words")
    root = make_workspace(base / "ws")
    words = " ".join(f"zaq{n:04d}" for n in range(MAX_EXPANDED_TERMS + 200))
    write_file(root, "corpus/2024-words.md", f"---\nid: 2024-words\ntitle: Word list\n---\n{words}\n")
    return build_index(root, base / "ix")


@pytest.mark.parametrize("query,pattern", [
    pytest.param("zaq*", "'zaq*'", id="prefix"),
    pytest.param("*a*", "'*a*'", id="infix-wildcard"),
    pytest.param("body:[zaq0000 TO zaq9999]", "'[zaq0000 TO zaq9999]'", id="term-range"),
])
def test_a_pattern_past_the_expansion_limit_is_refused_with_a_message(many_words_index, query, pattern):
    with pytest.raises(QueryError, match=rf"{re.escape(pattern)} stands for more than 1,000 different words"):
        many_words_index.search(query)
    assert many_words_index.term_spans(query, "zaq0001") == []  # the reader's marks are bounded too


def test_a_pattern_within_the_limit_still_searches(many_words_index):
    assert [h.article_id for h in many_words_index.search("zaq00*").hits] == ["2024-words"]
    assert [h.article_id for h in many_words_index.search("zaq0007").hits] == ["2024-words"]


@pytest.mark.parametrize("query", ["*", "title:*", "body:*", "* Rason"], ids=["star", "title-star", "body-star", "star-and-a-word"])
def test_a_bare_star_is_every_document_answered_from_the_document_list(many_words_index, query, monkeypatch):
    # Every(field) used to go to Whoosh's matchers, which walk every posting of the field.
    import tui.search.index as index_module

    monkeypatch.setattr(index_module, "whoosh_matched", lambda *a, **k: pytest.fail("fell back to Whoosh's matchers"))
    results = many_words_index.search(query, limit=None, kinds=("article",))
    expected = many_words_index.search("Rason", limit=None, kinds=("article",)).total if "Rason" in query else 6
    assert results.total == expected
