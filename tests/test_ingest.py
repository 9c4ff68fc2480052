"""`borderbrief add`: pages, text and Markdown in; one clean article out, whole or not at all."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from support import REPO_ROOT
from tui import ingest
from tui.workspace import Workspace

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Dandong traders wait for the bridge | Border Daily</title>
<meta property="og:title" content="Dandong traders wait for the bridge">
<meta property="og:site_name" content="Border Daily">
<meta name="author" content="Kim Min-ji">
<meta property="article:published_time" content="2024-05-17T08:00:00+09:00">
<link rel="canonical" href="https://borderdaily.example/2024/05/dandong-bridge">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> Subscribe now!</nav>
<header><h1>Dandong traders wait for the bridge</h1><p class="byline">By Kim Min-ji</p></header>
<article>
<p>Traders in Dandong say the New Yalu River Bridge has still not opened to trucks, more than a decade after it was completed.</p>
<p>Customs officers at Sinuiju were seen inspecting the approach road last week, according to two local businessmen.</p>
<p>“We have heard this many times,” one trader said. “Until the first lorry crosses, nothing has changed.”</p>
</article>
<aside>Related: Most read stories</aside>
<footer>© 2024 Border Daily. All rights reserved. Cookie settings</footer>
</body></html>
"""


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "saved-page.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    return path


def corpus_files(root: Path) -> set[str]:
    return {p.name for p in (root / "corpus").iterdir()}


def test_a_saved_news_page_becomes_a_clean_article(run_cli, workspace: Path, page: Path):
    result = run_cli("add", str(page), "--json", workspace=workspace)
    assert result.exit_code == 0, result.output
    [entry] = json.loads(result.stdout)
    assert entry["id"] == "2024-05-17-border-daily-dandong-traders-wait-bridge"
    article = Workspace.load(workspace).articles[entry["id"]]
    assert article.title == "Dandong traders wait for the bridge"
    assert article.outlet == "Border Daily"
    assert article.author == "Kim Min-ji"
    assert article.published.iso() == "2024-05-17"
    assert article.url == "https://borderdaily.example/2024/05/dandong-bridge"
    assert "New Yalu River Bridge has still not opened" in article.body
    assert "nothing has changed" in article.body
    for chrome in ("Subscribe", "Home", "Cookie", "All rights reserved", "Most read"):
        assert chrome not in article.body
    assert Workspace.load(workspace).problems == []
    # The index was synced: the new article is searchable at once.
    found = run_cli("search", "lorry", "--json", workspace=workspace)
    assert [h["id"] for h in json.loads(found.stdout)] == [entry["id"]]


def test_the_same_file_twice_is_added_once(run_cli, workspace: Path, page: Path):
    first = run_cli("add", str(page), workspace=workspace)
    before = corpus_files(workspace)
    second = run_cli("add", str(page), workspace=workspace)
    assert first.exit_code == second.exit_code == 0
    assert "already in the corpus as 2024-05-17-border-daily-dandong-traders-wait-bridge" in second.stdout
    assert corpus_files(workspace) == before


def test_a_shipped_article_pasted_again_is_a_duplicate(run_cli, workspace: Path):
    body = (REPO_ROOT / "corpus" / "2023-rason-russia-cooperation.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    result = run_cli("add", "-", "--title", "Rason again", workspace=workspace, input=body.replace("\n", "\n\n"))
    assert "already in the corpus as 2023-rason-russia-cooperation" in result.stdout


@pytest.mark.parametrize(
    ("name", "content", "extra", "title", "body_starts"),
    [
        pytest.param("note.txt", "Rason port busy again\n\nShips were seen at Rajin port.\n", (),
                     "Rason port busy again", "Ships were seen", id="plain-text-headline-line"),
        pytest.param("note.md", "# Hunchun customs\n\nThe facility stays unused.\n", (),
                     "Hunchun customs", "The facility", id="markdown-heading"),
        pytest.param("fm.md", "---\ntitle: From front matter\noutlet: NK Watch\npublished: 2024-02\n---\nBody text.\n",
                     (), "From front matter", "Body text", id="markdown-front-matter"),
        pytest.param("long.txt", "A first line that is a sentence, not a title.\nMore text.\n",
                     ("--title", "Given title"), "Given title", "A first line", id="title-option"),
    ],
)
def test_text_and_markdown_inputs(run_cli, workspace: Path, tmp_path: Path, name, content, extra, title, body_starts):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = run_cli("add", str(path), *extra, "--json", workspace=workspace)
    assert result.exit_code == 0, result.output
    [entry] = json.loads(result.stdout)
    article = Workspace.load(workspace).articles[entry["id"]]
    assert article.title == title
    assert article.body.startswith(body_starts)


def test_standard_input_with_metadata_options(run_cli, workspace: Path):
    result = run_cli("add", "-", "--outlet", "NK Watch", "--published", "2024-02", "--json",
                     workspace=workspace, input="Rason port busy again\n\nShips at Rajin port near Rason.\n")
    [entry] = json.loads(result.stdout)
    assert entry["id"] == "2024-02-nk-watch-rason-port-busy-again"
    assert {"rason", "rajin-port"} - set(entry["entities"]) == {"rason", "rajin-port"}  # no briefs here
    assert "Rason" in entry["unbriefed"]


def test_entities_it_mentions_are_listed(run_cli, tmp_path: Path):
    root = tmp_path / "ws"
    assert run_cli("init", "--sample", str(root), workspace=tmp_path).exit_code == 0
    result = run_cli("add", "-", "--title", "Port", "--json", workspace=root,
                     input="Ships were seen at Rajin port near Rason this week, and in Zzyzxtown.\n")
    [entry] = json.loads(result.stdout)
    assert {"rason", "rajin-port"} <= set(entry["entities"])
    assert entry["unbriefed"] == ["Zzyzxtown"]


@pytest.mark.parametrize(
    ("front_matter", "file_name"),
    [
        pytest.param('title: "../../escape"\noutlet: "../../../tmp"\n', "x.md", id="dot-dot-in-title-and-outlet"),
        pytest.param('title: "/etc/passwd"\noutlet: "a/b\\\\c"\n', "y.md", id="slashes"),
        pytest.param('title: "..."\n', "..md", id="only-dots"),
        pytest.param('title: "[bold]x[/bold] \\u202e\\u0000 ok"\n', "z.md", id="markup-and-controls"),
    ],
)
def test_odd_names_never_write_outside_corpus(run_cli, workspace: Path, tmp_path: Path, front_matter, file_name):
    source = tmp_path / "in" / file_name
    source.parent.mkdir()
    source.write_text(f"---\n{front_matter}---\nA body about Dandong.\n", encoding="utf-8")
    outside_before = {p for p in tmp_path.rglob("*") if "corpus" not in p.parts}
    result = run_cli("add", str(source), "--json", workspace=workspace)
    assert result.exit_code == 0, result.output
    [entry] = json.loads(result.stdout)
    written = Path(entry["path"]).resolve()
    assert written.parent == (workspace / "corpus").resolve()
    assert ingest.slug(entry["id"], 500) == entry["id"], "ids are [a-z0-9-] only"
    outside_after = {p for p in tmp_path.rglob("*") if "corpus" not in p.parts}
    new_outside = {p for p in outside_after - outside_before if not p.relative_to(tmp_path).parts[0].startswith(("cli-ix", "xdg-cache"))}
    assert not new_outside


@pytest.mark.parametrize(
    ("failing", "error"),
    [
        pytest.param("fsync", OSError(errno.ENOSPC, "No space left on device"), id="disk-full"),
        pytest.param("link", KeyboardInterrupt(), id="interrupted"),
    ],
)
def test_a_failed_write_leaves_no_partial_file(workspace: Path, monkeypatch, failing, error):
    before = corpus_files(workspace)

    def boom(*args, **kwargs):
        raise error

    monkeypatch.setattr(ingest.os, failing, boom)
    ws = Workspace.load(workspace)
    with pytest.raises((ingest.IngestError, KeyboardInterrupt)):
        ingest.add_article(ws, b"Title\n\nSome body about Sinuiju.\n", "new.txt")
    assert corpus_files(workspace) == before, "no partial article, no temp file"


def test_an_existing_article_is_never_replaced(workspace: Path):
    ws = Workspace.load(workspace)
    target = workspace / "corpus" / "taken.md"
    target.write_text("original", encoding="utf-8")
    with pytest.raises(ingest.IngestError, match="already exists"):
        ingest.write_new_file(workspace / "corpus", "taken.md", "new content")
    assert target.read_text(encoding="utf-8") == "original"
    assert len(ws.articles) == 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(("add", "/no/such/file.html"), "no such file", id="missing-file"),
        pytest.param(("add", "-", "--published", "2024-13"), "--published", id="bad-date"),
        pytest.param(("add", "-", "--url", "javascript:alert(1)", "--title", "x"), "--url", id="bad-url"),
    ],
)
def test_bad_input_is_refused_with_a_message(run_cli, workspace: Path, args, message):
    result = run_cli(*args, workspace=workspace, input="Title\n\nBody.\n")
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.output
    assert len(corpus_files(workspace)) == 5


def test_ids_are_unique(workspace: Path):
    ws = Workspace.load(workspace)
    first = ingest.add_article(ws, b"Same title\n\nOne body.\n", "a.txt")
    second = ingest.add_article(ws, b"Same title\n\nAnother body.\n", "b.txt")
    assert first.article_id == "undated-same-title"
    assert second.article_id == "undated-same-title-2"
