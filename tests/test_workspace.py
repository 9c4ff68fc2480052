"""Loading a workspace: one bad article becomes a Problem naming its file; the rest load and
are searchable."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from support import (ALL_ARTICLES, CHINA_TRADE, HANKYOREH, HUNCHUN, NEWEST_FIRST, RASON, REPO_ROOT, RFA,
                     build_index, line_of, replace_in)
from tui.dates import PartialDate
from tui.problems import Problem
from tui.workspace import Workspace, is_workspace, resolve_workspace, sample_workspace


@dataclass
class BadArticle:
    article: str  # which shipped article is broken
    breaks: Callable[[Path], int | None]  # breaks the file, returns the line the problem must name
    says: str  # a fragment of the problem's message
    still_loads: bool = False  # a problem that does not stop the article from loading


def _wrong_date(path: Path) -> int:
    replace_in(path, "published: 2016-08-23\n", "published: 2016-13-45\n")
    return line_of(path, "published: 2016-13-45")


def _date_in_words(path: Path) -> int:
    replace_in(path, "published: 2025\n", "published: sometime in 2025\n")
    return line_of(path, "published: sometime")


def _missing_title(path: Path) -> int:
    replace_in(path, "title: North Korea eager to restart rail trade with China, Russia\n", "")
    return line_of(path, "id: ")  # a missing key points at the mapping that lacks it


def _empty_title(path: Path) -> int:
    replace_in(path, "title: China expands trade and border infrastructure with North Korea\n", 'title: ""\n')
    return line_of(path, 'title: ""')


def _unclosed_front_matter(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n")
    assert sep
    path.write_text(head + "\n" + body, encoding="utf-8")
    return 1


def _not_utf8(path: Path) -> int:
    data = path.read_bytes()
    at = data.index("Rason’s port".encode("utf-8"))
    # The same text as a Windows-1252 editor would save it: ’ is byte 0x92.
    path.write_bytes(data.replace("Rason’s port".encode("utf-8"), "Rason’s port".encode("cp1252"), 1))
    return data.count(b"\n", 0, at) + 1


def _empty_file(path: Path) -> None:
    path.write_bytes(b"")
    return None


def _blank_file(path: Path) -> None:
    path.write_text("\n  \n\n", encoding="utf-8")
    return None


def _no_front_matter(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("---\n", 2)[2], encoding="utf-8")
    return 1


def _front_matter_yaml_error(path: Path) -> int:
    replace_in(path, "author: Lee Je-hun\n", "author: Lee: Je-hun\n")
    return line_of(path, "author: Lee: Je-hun")


def _front_matter_a_list(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2]
    path.write_text("---\n- id\n- title\n---\n" + body, encoding="utf-8")
    return 2


def _unknown_front_matter_field(path: Path) -> int:
    replace_in(path, "language: en\n", "language: en\npublisher: Reuters\n")
    return line_of(path, "publisher: Reuters")


def _bad_url(path: Path) -> int:
    replace_in(path, "url: null\n", "url: javascript:alert(1)\n")
    return line_of(path, "url: javascript")


def _id_differs_from_file_name(path: Path) -> int:
    replace_in(path, f"id: {RASON}\n", "id: 2023-rason-renamed\n")
    return line_of(path, "id: 2023-rason-renamed")


def _no_body(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    head = text.split("---\n", 2)
    path.write_text("---\n" + head[1] + "---\n\n", encoding="utf-8")
    return line_of(path, "---", 2) + 1


CASES = {
    "wrong-date": BadArticle(HANKYOREH, _wrong_date, "front matter field 'published'"),
    "date-in-words": BadArticle(HUNCHUN, _date_in_words, "front matter field 'published'"),
    "missing-title": BadArticle(RFA, _missing_title, "front matter field 'title': Field required"),
    "empty-title": BadArticle(CHINA_TRADE, _empty_title, "front matter field 'title'"),
    "unclosed-front-matter": BadArticle(HANKYOREH, _unclosed_front_matter, "never closed"),
    "not-utf8-bytes": BadArticle(RASON, _not_utf8, "not UTF-8: byte 0x92"),
    "empty-file": BadArticle(HUNCHUN, _empty_file, "empty file"),
    "only-blank-lines": BadArticle(HUNCHUN, _blank_file, "empty file"),
    "no-front-matter": BadArticle(RFA, _no_front_matter, "no front matter"),
    "front-matter-yaml-error": BadArticle(HANKYOREH, _front_matter_yaml_error, "YAML error"),
    "front-matter-not-a-mapping": BadArticle(CHINA_TRADE, _front_matter_a_list, "expected a mapping"),
    "unknown-front-matter-field": BadArticle(RASON, _unknown_front_matter_field, "front matter field 'publisher': unknown field"),
    "url-not-http": BadArticle(HANKYOREH, _bad_url, "front matter field 'url'"),
    "id-differs-from-file-name": BadArticle(RASON, _id_differs_from_file_name, "differs from the file name", still_loads=True),
    "no-body-text": BadArticle(HUNCHUN, _no_body, "no body text", still_loads=True),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_article_is_a_problem_and_the_rest_load(workspace, index_dir, case):
    path = workspace / "corpus" / f"{case.article}.md"
    line = case.breaks(path)

    ws = Workspace.load(workspace)

    mine = [p for p in ws.problems if p.path == path]
    assert mine, f"no problem names {path.name}: {ws.problems}"
    assert any(case.says in p.message for p in mine), [p.message for p in mine]
    assert any(p.line == line for p in mine if case.says in p.message), [(p.line, p.message) for p in mine]
    assert all(p.path == path for p in ws.problems), "a problem in one file leaked into others"

    others = ALL_ARTICLES - {case.article}
    loaded = {a.path.stem for a in ws.articles.values()}
    assert loaded == (ALL_ARTICLES if case.still_loads else others)

    index = build_index(workspace, index_dir)
    listed = {hit.article_id for hit in index.search("", kinds=("article",), limit=None).hits}
    assert listed == {a.id for a in ws.articles.values()}
    assert others <= listed
    # Words from the other articles are still found.
    assert {hit.doc_id for hit in index.search('"lifeblood artery"', kinds=("article",)).hits} == (
        {RFA} if RFA in listed else set())
    index.close()


def test_problem_is_formatted_as_path_line_message(workspace):
    path = workspace / "corpus" / f"{HANKYOREH}.md"
    line = _wrong_date(path)
    ws = Workspace.load(workspace)
    [problem] = ws.problems
    assert problem.format(workspace).startswith(f"corpus/{HANKYOREH}.md:{line}: front matter field 'published'")


@pytest.mark.parametrize(
    "problem, expected",
    [
        (Problem(Path("/ws/corpus/a.md"), 7, "bad date"), "corpus/a.md:7: bad date"),
        (Problem(Path("/ws/corpus/a.md"), None, "empty file"), "corpus/a.md: empty file"),
        (Problem(Path("/elsewhere/b.md"), 2, "x"), "/elsewhere/b.md:2: x"),
    ],
    ids=["with-line", "without-line", "outside-the-root-stays-absolute"],
)
def test_problem_format(problem, expected):
    assert problem.format(Path("/ws")) == expected


def test_duplicate_article_id_is_reported_on_the_later_file(workspace):
    copy = workspace / "corpus" / "2099-copy-of-hankyoreh.md"
    copy.write_bytes((workspace / "corpus" / f"{HANKYOREH}.md").read_bytes())

    ws = Workspace.load(workspace)

    assert set(ws.articles) == ALL_ARTICLES
    assert ws.articles[HANKYOREH].path.name == f"{HANKYOREH}.md"
    duplicate = [p for p in ws.problems if "duplicate article id" in p.message]
    assert [(p.path, p.line) for p in duplicate] == [(copy, line_of(copy, "id: "))]
    assert HANKYOREH in duplicate[0].message and f"{HANKYOREH}.md" in duplicate[0].message


@pytest.mark.parametrize(
    "transform",
    [
        pytest.param(lambda data: b"\xef\xbb\xbf" + data, id="utf8-byte-order-mark"),
        pytest.param(lambda data: data.replace(b"\n", b"\r\n"), id="windows-line-endings"),
    ],
)
def test_harmless_encodings_load_cleanly(workspace, transform):
    path = workspace / "corpus" / f"{RFA}.md"
    path.write_bytes(transform(path.read_bytes()))
    ws = Workspace.load(workspace)
    assert ws.problems == []
    article = ws.articles[RFA]
    assert article.title == "North Korea eager to restart rail trade with China, Russia"
    assert "lifeblood artery" in article.body


def test_articles_load_with_their_metadata(workspace):
    ws = Workspace.load(workspace)
    assert ws.problems == []
    assert set(ws.articles) == ALL_ARTICLES
    hankyoreh = ws.articles[HANKYOREH]
    assert hankyoreh.outlet == "The Hankyoreh"
    assert hankyoreh.author == "Lee Je-hun"
    assert hankyoreh.published == PartialDate(2016, 8, 23)
    assert ws.articles[RFA].published == PartialDate(2022, 9)
    assert ws.articles[RASON].published == PartialDate(2023)
    assert ws.articles[RASON].outlet is None
    # The body is what follows the closing '---', and body_line is where it starts in the file.
    raw = hankyoreh.path.read_text(encoding="utf-8").split("\n")
    assert raw[hankyoreh.body_line - 1] == hankyoreh.body.split("\n")[0]


def test_line_of_offset_maps_body_offsets_to_file_lines(workspace):
    ws = Workspace.load(workspace)
    article = ws.articles[RFA]
    offset = article.body.index("lifeblood artery")
    assert line_of(article.path, "lifeblood artery") == article.line_of_offset(offset)


def test_articles_newest_first(workspace):
    ws = Workspace.load(workspace)
    assert [a.id for a in ws.articles_newest_first()] == NEWEST_FIRST


@pytest.mark.parametrize(
    "name, content",
    [
        ("notes.txt", "not an article"),
        (".hidden.md", "---\nid: hidden\ntitle: Hidden\n---\nbody\n"),
        ("README", "readme"),
    ],
    ids=["other-suffix", "hidden-file", "no-suffix"],
)
def test_files_that_are_not_articles_are_ignored(workspace, name, content):
    (workspace / "corpus" / name).write_text(content, encoding="utf-8")
    ws = Workspace.load(workspace)
    assert ws.problems == []
    assert set(ws.articles) == ALL_ARTICLES


def test_missing_corpus_folder_is_a_problem(tmp_path):
    (tmp_path / "briefs").mkdir()
    ws = Workspace.load(tmp_path)
    assert ws.articles == {}
    assert [p.message for p in ws.problems] == ["no corpus/ folder in this workspace"]


def test_empty_brief_file_is_a_problem(workspace, write):
    path = write("briefs/sites/empty.yaml", "# nothing yet\n")
    ws = Workspace.load(workspace)
    assert [(p.path, p.message) for p in ws.problems] == [(path, "empty file")]


def test_brief_and_claim_lines_are_remembered(small_workspace):
    ws = Workspace.load(small_workspace)
    sinuiju = ws.briefs["sinuiju"]
    assert sinuiju.line("name") == line_of(sinuiju.path, "name: Sinuiju")
    assert sinuiju.line("related", 0) == line_of(sinuiju.path, "related:")
    claim = ws.claims["china-share-about-90-percent"]
    assert claim.line == line_of(sinuiju.path, "- id: china-share-about-90-percent")
    assert claim.brief_id == "sinuiju"
    dispute = ws.disputes["china-share-of-trade"]
    assert dispute.line("claims", 1) == line_of(dispute.path, "- china-share-over-90-percent")


# -- which workspace ---------------------------------------------------------------------------

def test_workspace_option_wins(workspace, tmp_path, monkeypatch):
    monkeypatch.setenv("BORDERBRIEF_WORKSPACE", str(tmp_path / "elsewhere"))
    assert resolve_workspace(str(workspace)) == (workspace.resolve(), "--workspace")


def test_environment_variable_comes_next(workspace, tmp_path, monkeypatch):
    monkeypatch.setenv("BORDERBRIEF_WORKSPACE", str(workspace))
    monkeypatch.chdir(tmp_path)
    assert resolve_workspace(None) == (workspace.resolve(), "$BORDERBRIEF_WORKSPACE")


def test_current_directory_if_it_is_a_workspace(workspace, monkeypatch):
    monkeypatch.chdir(workspace)
    assert resolve_workspace(None) == (workspace.resolve(), "current directory")


def test_bundled_sample_otherwise(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    root, reason = resolve_workspace(None)
    assert reason == "bundled sample"
    assert root == sample_workspace()
    assert is_workspace(root)
    # From a source checkout the sample is the repository itself.
    assert root in (REPO_ROOT, Path(__file__).resolve().parents[1] / "tui" / "sample")


def test_is_workspace_needs_corpus_and_briefs(tmp_path):
    assert not is_workspace(tmp_path)
    (tmp_path / "corpus").mkdir()
    assert not is_workspace(tmp_path)
    (tmp_path / "briefs").mkdir()
    assert is_workspace(tmp_path)


def test_loading_writes_nothing(small_workspace):
    before = {p: p.stat().st_mtime_ns for p in small_workspace.rglob("*")}
    Workspace.load(small_workspace)
    after = {p: p.stat().st_mtime_ns for p in small_workspace.rglob("*")}
    assert before == after
