"""Fixtures for driving the app: a copy of the shipped workspace, an app over it."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path
from typing import Callable

import pytest

from support import REPO_ROOT, build_index
from tui.app import make_app as build_app
from tui.app.app import BorderbriefApp


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Path:
    """The shipped workspace (articles and briefs), copied so a test may change it."""
    root = tmp_path / "shipped"
    shutil.copytree(REPO_ROOT / "corpus", root / "corpus")
    shutil.copytree(REPO_ROOT / "briefs", root / "briefs")
    return root


@pytest.fixture(scope="session")
def shipped_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the shipped workspace, built once per test process, to copy from."""
    directory = tmp_path_factory.mktemp("shipped-index") / "ix"
    build_index(REPO_ROOT, directory).close()
    return directory


@pytest.fixture
def make_app(tmp_path: Path, shipped_index: Path) -> Callable[..., BorderbriefApp]:
    """The app as the CLI builds it (tui.app.make_app), with its index in the test's tmp dir.

    The index starts as a copy of the shipped workspace's, and the app syncs it at launch as
    it would any index it finds: by content hash, so a test's own articles and briefs are
    indexed and what it removed is dropped. fresh_index=True starts from no index at all."""

    def _make(root: Path, *, monitor_files: bool = False, fresh_index: bool = False) -> BorderbriefApp:
        directory = tmp_path / "app-ix"
        if not fresh_index and not directory.exists():
            shutil.copytree(shipped_index, directory)
        return build_app(root, directory, monitor_files=monitor_files)

    return _make


async def settle(pilot, rounds: int = 3) -> None:
    """Let typing be asked (the search box's debounce), workers finish and their results
    land on screen."""
    for _ in range(rounds):
        await typing_asked(pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def typing_asked(pilot, seconds: float = 5.0) -> None:
    """Until the search box has asked the query typed into it (it waits out a debounce)."""
    from tui.app.widgets.search_bar import SearchBar
    for _ in range(int(seconds / 0.01)):
        if not any(bar.query_pending for bar in pilot.app.screen.query(SearchBar)):
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the search box never asked the query typed into it")


async def search_for(pilot, query: str) -> None:
    """`/`, the box emptied, the query pasted, `enter`: the results of that query alone.
    (Typed key by key, a query is asked again whenever the keys come slower than the
    debounce, and which intermediate answers were shown depends on the machine's speed.)"""
    from textual import events
    from tui.app.widgets.search_bar import SearchBar
    await pilot.press("slash", "ctrl+u")  # into the box, emptied
    pilot.app.screen.query_one(SearchBar).input.post_message(events.Paste(query))
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)


async def open_first_result(pilot):
    """Enter on the first result, as a person does at launch: the reader, with the article shown."""
    from tui.app.widgets.reader import ArticleReader
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    return pilot.app.screen.query_one(ArticleReader)


def toasts(app) -> list[str]:
    """The messages of every toast the app has shown (and not yet dismissed)."""
    return [n.message for n in app._notifications]


async def file_monitor_up(app, seconds: float = 10.0) -> None:
    """Wait until the app's file monitor is running: a change written after this is seen."""
    assert await asyncio.to_thread(app.file_monitor_ready.wait, seconds), "the file monitor did not start"


async def wait_for(pilot, condition, seconds: float = 8.0) -> bool:
    """Until condition() holds (a change seen by the file monitor, a reload landed), letting
    the app run between looks; False if it never does."""
    for _ in range(int(seconds / 0.1)):
        if condition():
            return True
        await asyncio.sleep(0.1)
        await pilot.pause()
    return condition()
