"""Bad input while the app runs: a 20 MB article, an article removed from under it."""

from __future__ import annotations

import asyncio
import random
import threading
from pathlib import Path

from conftest import file_monitor_up, settle, wait_for
from support import make_workspace, write_file
from textual.worker import WorkerState
from tui.app.widgets.reader import ArticleReader
from tui.app.widgets.sources import SourcesPane


def big_workspace(tmp_path: Path, megabytes: int = 20) -> Path:
    root = make_workspace(tmp_path / "ws")
    words = (root / "corpus" / "2026-03-12-china-trade-border-infrastructure.md").read_text(encoding="utf-8").split()
    rng = random.Random(7)
    paragraphs, size = [], 0
    while size < megabytes * 1_000_000:
        paragraph = " ".join(rng.choice(words) for _ in range(120))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    paragraphs.insert(len(paragraphs) // 2, "Midway there is one zeppelinophile.")
    write_file(root, "corpus/2024-big.md", "---\nid: 2024-big\ntitle: A very long article\n---\n" + "\n\n".join(paragraphs) + "\n")
    return root


def held_at_first_progress(backend) -> tuple[threading.Event, threading.Event]:
    """Make the backend's index sync stop at its first progress report (documents are being
    written) until released: (indexing, release)."""
    indexing, release = threading.Event(), threading.Event()
    sync = backend.sync

    def held_sync(progress=None):
        def report(done: int, total: int) -> None:
            if not indexing.is_set():
                indexing.set()
                release.wait(60)
            if progress is not None:
                progress(done, total)

        return sync(report)

    backend.sync = held_sync
    return indexing, release


async def test_a_20_mb_article_is_paged_while_it_is_indexed(tmp_path: Path, make_app):
    app = make_app(big_workspace(tmp_path))
    indexing, release = held_at_first_progress(app.backend)
    async with app.run_test(size=(120, 40)) as pilot:
        try:
            assert await asyncio.to_thread(indexing.wait, 60), "the index build started"
            # The index is being built in the background; the app answers meanwhile.
            app.open_article("2024-big")
            assert await wait_for(pilot, lambda: app.screen.query_one(ArticleReader).article is not None)
            reader = app.screen.query_one(ArticleReader)
            assert reader.article.id == "2024-big"
            pages = len(reader._pages)
            assert pages > 100
            assert len(reader.query(".paragraph")) < 200, "one page at a time"
            await pilot.press("greater_than_sign")
            assert reader.page == 1
            index_workers = [w for w in app.workers if w.group == "index"]
            assert index_workers and all(w.state == WorkerState.RUNNING for w in index_workers), \
                "the index was still being built while the reader paged"
        finally:
            release.set()
        await settle(pilot)  # the index finishes
        assert [h.doc_id for h in app.backend.search("zeppelinophile").hits] == ["2024-big"]


async def test_an_article_removed_while_running_leaves_the_sources(tmp_path: Path, make_app):
    root = make_workspace(tmp_path / "ws")
    app = make_app(root, monitor_files=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sources = app.screen.query_one(SourcesPane)
        assert sources.border_title == "Sources (5)"
        app.open_article("2023-rason-russia-cooperation")
        await settle(pilot)
        await file_monitor_up(app)
        (root / "corpus" / "2023-rason-russia-cooperation.md").unlink()
        await wait_for(pilot, lambda: "2023-rason-russia-cooperation" not in app.backend.briefing.articles)
        await settle(pilot)
        assert sources.border_title == "Sources (4)"
        assert not app.backend.search("Kremlin").hits, "and from the index"
        assert app.is_running
