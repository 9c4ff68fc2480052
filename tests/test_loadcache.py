"""The parse cache and the workspace stamp: the same answers as a fresh load, and every doubt
(an edit, a damaged cache, a renamed brief) resolved by loading again."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import pytest

from support import CHINA_TRADE, HANKYOREH, replace_in, write_file
from tui.app.backend import EngineBackend
from tui.briefing import Briefing
from tui.loadcache import load_briefing, workspace_stamp
from tui.model import Article
from tui.search import SearchIndex


def assert_same(cached: Briefing, fresh: Briefing) -> None:
    assert list(cached.articles) == list(fresh.articles)
    for article_id, article in fresh.articles.items():
        other = cached.articles[article_id]
        for item in dataclasses.fields(Article):
            assert getattr(other, item.name) == getattr(article, item.name), (article_id, item.name)
    assert dict(cached.mentions) == dict(fresh.mentions)
    assert dict(cached.title_mentions) == dict(fresh.title_mentions)
    assert cached.mention_counts == fresh.mention_counts
    assert cached.workspace.problems == fresh.workspace.problems
    assert [(d, d.content_hash) for d in cached.search_documents()] == [
        (d, d.content_hash) for d in fresh.search_documents()]


def _age(root: Path, seconds: float = 60.0) -> None:
    """Make every file look edited a while ago (a stamp is None within two seconds of an edit)."""
    for path in root.rglob("*"):
        if path.is_file():
            stat = path.stat()
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - int(seconds * 1e9)))


@pytest.fixture
def briefed(small_workspace: Path) -> Path:
    _age(small_workspace)
    return small_workspace


def test_a_cached_load_equals_a_fresh_one(briefed: Path, tmp_path: Path):
    fresh = Briefing.load(briefed)
    first = load_briefing(briefed, tmp_path / "cache")
    again = load_briefing(briefed, tmp_path / "cache")
    assert_same(first, fresh)
    assert_same(again, fresh)
    assert first.verified and again.verified
    assert first.source_stamp == again.source_stamp == workspace_stamp(briefed)


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(workspace: Path, tmp_path: Path):
    """Within the clock's granularity an edit can leave size and mtime as they were: entries
    written less than two seconds after their file's mtime are checked byte for byte."""
    load_briefing(workspace, tmp_path / "cache")
    path = workspace / "corpus" / f"{CHINA_TRADE}.md"
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "molybdenum" in text
    path.write_text(text.replace("molybdenum", "MOLYBDENUM"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    reloaded = load_briefing(workspace, tmp_path / "cache")
    assert "MOLYBDENUM" in reloaded.articles[CHINA_TRADE].body


def test_an_edited_article_is_parsed_again(briefed: Path, tmp_path: Path):
    load_briefing(briefed, tmp_path / "cache")
    replace_in(briefed / "corpus" / f"{HANKYOREH}.md", "title: North Korea increasing",
               "title: North Korea steadily increasing")
    reloaded = load_briefing(briefed, tmp_path / "cache")
    assert reloaded.articles[HANKYOREH].title.startswith("North Korea steadily increasing")
    assert_same(reloaded, Briefing.load(briefed))


@pytest.mark.parametrize("damage", ["garbage", "truncate", "delete"])
def test_a_damaged_or_deleted_cache_is_rebuilt(briefed: Path, tmp_path: Path, damage: str):
    cache = tmp_path / "cache"
    load_briefing(briefed, cache)
    files = list(cache.iterdir())
    assert files
    if damage == "delete":
        shutil.rmtree(cache)
    for path in files if damage != "delete" else []:
        data = path.read_bytes()
        path.write_bytes(b"\x00garbage\xff" * 9 if damage == "garbage" else data[: len(data) // 2])
    assert_same(load_briefing(briefed, cache), Briefing.load(briefed))
    assert_same(load_briefing(briefed, cache, trust_snapshot=True), Briefing.load(briefed))


def test_a_renamed_brief_finds_mentions_again(briefed: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    load_briefing(briefed, cache)
    replace_in(briefed / "briefs/sites/dandong.yaml", "aliases: [丹东]", "aliases: [丹东, Tandong]")
    replace_in(briefed / "corpus" / f"{HANKYOREH}.md", "Prefecture and Dandong selected",
               "Prefecture and Tandong selected")
    reloaded = load_briefing(briefed, cache)
    assert_same(reloaded, Briefing.load(briefed))
    assert any(m.text == "Tandong" for m in reloaded.mentions[HANKYOREH])


def test_problems_of_an_article_are_kept_with_it(briefed: Path, tmp_path: Path):
    path = briefed / "corpus" / f"{HANKYOREH}.md"
    path.rename(path.with_name("2016-renamed.md"))
    fresh = Briefing.load(briefed)
    assert any("differs from the file name" in p.message for p in fresh.workspace.problems)
    load_briefing(briefed, tmp_path / "cache")
    assert_same(load_briefing(briefed, tmp_path / "cache"), fresh)


def test_bodies_of_cached_articles_are_read_when_used(briefed: Path, tmp_path: Path):
    load_briefing(briefed, tmp_path / "cache")
    cached = load_briefing(briefed, tmp_path / "cache")
    article = cached.articles[CHINA_TRADE]
    assert "_body" not in article.__dict__  # not read at load
    assert "molybdenum" in article.body
    assert article == Briefing.load(briefed).articles[CHINA_TRADE]


# -- the workspace stamp and the snapshot start --------------------------------------------------

def test_the_stamp_changes_with_any_file_and_is_withheld_right_after_an_edit(briefed: Path):
    stamp = workspace_stamp(briefed)
    assert stamp is not None and stamp == workspace_stamp(briefed)
    brief = briefed / "briefs/sites/dandong.yaml"
    os.utime(brief, ns=(brief.stat().st_atime_ns, brief.stat().st_mtime_ns - 10**9))
    assert workspace_stamp(briefed) not in (None, stamp)
    write_file(briefed, "corpus/2024-01-01-new.md", "---\nid: 2024-01-01-new\ntitle: New\n---\nText.\n")
    assert workspace_stamp(briefed) is None  # its mtime could still be shared by a later edit


def test_the_app_starts_from_the_snapshot_and_reloads_after_an_edit(briefed: Path, tmp_path: Path):
    index_dir = tmp_path / "ix"
    first = EngineBackend(briefed, index_dir)
    assert first.briefing.verified  # no snapshot yet: a full load, which writes one
    first.sync()
    second = EngineBackend(briefed, index_dir)
    assert not second.briefing.verified
    assert_same(second.briefing, Briefing.load(briefed))
    assert second.revalidate() is None and second.briefing.verified

    replace_in(briefed / "corpus" / f"{HANKYOREH}.md", "title: North Korea increasing",
               "title: North Korea steadily increasing")
    third = EngineBackend(briefed, index_dir)
    assert not third.briefing.articles[HANKYOREH].title.startswith("North Korea steadily")  # as it was
    report = third.revalidate()
    assert report is not None and report.articles_changed == 1
    assert third.briefing.articles[HANKYOREH].title.startswith("North Korea steadily")
    assert [h.doc_id for h in third.search("steadily").hits] == [HANKYOREH]


def test_a_sync_under_the_same_stamp_reads_no_documents(briefed: Path, tmp_path: Path):
    docs = Briefing.load(briefed).search_documents()
    index = SearchIndex(tmp_path / "ix")
    index.sync(docs, source_stamp="s1")
    calls: list[int] = []

    def documents():
        calls.append(1)
        return docs

    other = SearchIndex(tmp_path / "ix")
    assert other.sync(documents, source_stamp="s1").changed == 0 and calls == []
    assert other.sync(documents, source_stamp="s2").changed == 0 and calls == [1]
    assert other.sync(documents, source_stamp="s2").changed == 0 and calls == [1]
    index.sync(docs[1:])  # a write without a stamp: the recorded one no longer holds
    assert other.sync(documents, source_stamp="s2").changed == 1 and calls == [1, 1]


def test_a_cli_search_after_index_does_not_load_the_workspace(briefed: Path, run_cli, tmp_path: Path, monkeypatch):
    index_dir = tmp_path / "cli-ix"
    assert run_cli("index", workspace=briefed, index_dir=index_dir).exit_code == 0

    def refuse(*args, **kwargs):
        raise AssertionError("the workspace was loaded")

    monkeypatch.setattr(Briefing, "load", classmethod(refuse))
    result = run_cli("search", "molybdenum", workspace=briefed, index_dir=index_dir)
    assert result.exit_code == 0, result.output
    assert "China expands trade" in result.stdout


def test_the_cache_is_beside_an_index_dir_given_and_else_in_the_user_cache(briefed: Path, run_cli, tmp_path: Path,
                                                                            _private_cache: Path):
    run_cli("search", "bridge", workspace=briefed, index_dir=tmp_path / "ix")
    assert (tmp_path / "ix.parsed").is_dir()
    assert not _private_cache.exists() or not any(_private_cache.rglob("*"))
    load_briefing(briefed)
    assert any((_private_cache / "borderbrief" / "parsed").rglob("*.parsed"))
    assert not any(p.suffix == ".parsed" for p in briefed.rglob("*"))


def test_mentions_from_a_trusted_snapshot_fit_a_body_changed_since(briefed: Path, tmp_path: Path):
    # The app's first screen trusts the snapshot; an article edited since then is read from
    # its file when opened, and its mention offsets must be found on that text, not taken
    # from the snapshot (they marked the wrong words until the background check ran).
    cache = tmp_path / "cache"
    _age(briefed)
    load_briefing(briefed, cache)
    path = briefed / "corpus" / f"{CHINA_TRADE}.md"
    text = path.read_text(encoding="utf-8")
    end = text.index("\n---\n", 4) + 5  # the body starts after the closing ---
    path.write_text(text[:end] + "Dandong first: a long aside that shifts every later offset.\n\n" + text[end:],
                    encoding="utf-8")

    trusted = load_briefing(briefed, cache, trust_snapshot=True)

    article = trusted.articles[CHINA_TRADE]
    assert "a long aside that shifts" in article.body
    mentions = trusted.mentions[CHINA_TRADE]
    assert mentions and mentions[0].start == 0  # the new first word
    fresh = Briefing.load(briefed)
    assert [(m.start, m.end, m.entity_id) for m in mentions] == \
        [(m.start, m.end, m.entity_id) for m in fresh.mentions[CHINA_TRADE]]


@pytest.mark.parametrize("edit", [
    pytest.param(None, id="nothing-changed-the-snapshot-serves-verified"),
    pytest.param("body", id="an-edited-body-is-read-afresh"),
    pytest.param("new-article", id="a-new-article-is-read-afresh"),
])
def test_a_command_takes_the_snapshot_only_under_the_stamp_it_was_made_under(briefed: Path, tmp_path: Path, edit,
                                                                            monkeypatch):
    from tui.loadcache import ParseCache

    cache = tmp_path / "cache"
    load_briefing(briefed, cache)  # writes the snapshot
    written = []  # a load that reads the files writes a new snapshot; one from the snapshot does not
    write_snapshot = ParseCache.write_snapshot
    monkeypatch.setattr(ParseCache, "write_snapshot", lambda self, *a: written.append(1) or write_snapshot(self, *a))
    if edit == "body":
        replace_in(briefed / "corpus" / f"{HANKYOREH}.md", "Prefecture and Dandong selected",
                   "Prefecture and Dandong, newly, selected")
    elif edit == "new-article":
        write_file(briefed, "corpus/2026-01-01-new.md",
                   "---\nid: 2026-01-01-new\ntitle: A new one\npublished: 2026-01-01\n---\nSinuiju and Dandong.\n")
    if edit is not None:
        _age(briefed)  # an edit within two seconds withholds the stamp
    stamp = workspace_stamp(briefed)
    assert stamp is not None
    loaded = load_briefing(briefed, cache, current_stamp=stamp)
    assert loaded.verified and loaded.source_stamp == stamp
    assert written == ([] if edit is None else [1])
    assert_same(loaded, Briefing.load(briefed))
    if edit == "body":
        assert "newly" in loaded.articles[HANKYOREH].body
    if edit == "new-article":
        assert "2026-01-01-new" in loaded.articles
